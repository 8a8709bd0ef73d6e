package org.popcast.models.cohort;

/**
 * Where a {@link StreamProjector} run puts each projected year: a {@link ProjectionResult} keeps
 * every year and flow; a trajectory of a probabilistic projection keeps only the sums its quantiles
 * need and lets the projector write every year into one of two reused slabs.
 */
public interface YearSink {

    /**
     * The slab [L][S][2][A] to write year index t into (t >= 1), every cell of which the step
     * overwrites. It must not be year t - 1's slab, which the step reads.
     */
    double[] slab(int t, int size);

    /** Year index t is complete: its population [L][S][2][A] and totals [L][S] (read them before year t + 2 is asked for). */
    void year(int t, double[] population, double[] totals);

    /** Whether {@link #flows} wants the flows by age group (summing them costs a little per step). */
    boolean wantsFlowsByAge();

    /**
     * The flows of the step starting at year index t: births [L][S], deaths and net migrants
     * [L][S][2], and by age group births [L][S][G], deaths and net migrants [L][S][2][G] (null
     * unless {@link #wantsFlowsByAge}).
     */
    void flows(int t, double[] births, double[] deaths, double[] net, double[] birthsByAge, double[] deathsByAge,
               double[] netByAge);
}
