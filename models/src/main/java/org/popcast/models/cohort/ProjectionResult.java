package org.popcast.models.cohort;

import org.popcast.kernels.cohort.CohortLayout;

/**
 * Results of a projection for the projected regions (leaves), kept step by step in the
 * projectors' layout (so recording a step is no copy): population per year index t as
 * [L][S][2][A], births [L][S] and deaths and net migration [L][S][2] of the step starting in
 * year index t ({@link CohortLayout}). The years are base, base + n, ..., base + horizon; the last
 * year starts no step.
 */
public final class ProjectionResult {

    private final CohortLayout layout;
    private final int[] years;
    private final double[][] population;
    private final double[][] births;
    private final double[][] deaths;
    private final double[][] netMigration;

    public ProjectionResult(CohortLayout layout, int[] years) {
        this.layout = layout;
        this.years = years.clone();
        population = new double[years.length][];
        births = new double[years.length - 1][];
        deaths = new double[years.length - 1][];
        netMigration = new double[years.length - 1][];
    }

    /** An empty result with the plan's scenarios, leaves, ages and years. */
    static ProjectionResult of(ProjectionPlan plan) {
        int[] years = new int[plan.steps() + 1];
        for (int k = 0; k < years.length; k++) {
            years[k] = plan.year(k);
        }
        return new ProjectionResult(plan.layout(), years);
    }

    /** Keeps (does not copy) the population [L][S][2][A] at year index {@code t}. */
    void recordPopulation(int t, double[] state) {
        population[t] = state;
    }

    /** Keeps the flows of the step starting at year index {@code t}: births [L][S], deaths and net [L][S][2]. */
    void recordFlows(int t, double[] birthsLs, double[] deathsLs2, double[] netLs2) {
        births[t] = birthsLs;
        deaths[t] = deathsLs2;
        netMigration[t] = netLs2;
    }

    public CohortLayout layout() {
        return layout;
    }

    public int scenarios() {
        return layout.scenarios();
    }

    public int leaves() {
        return layout.leaves();
    }

    public int ages() {
        return layout.ages();
    }

    public int[] years() {
        return years.clone();
    }

    public double population(int s, int l, int sex, int age, int t) {
        return population[t][layout.index(l, s, sex, age)];
    }

    /** Births in the step starting at year index t (NaN for the last year). */
    public double births(int s, int l, int t) {
        return t < births.length ? births[t][layout.series(l, s)] : Double.NaN;
    }

    public double deaths(int s, int l, int sex, int t) {
        return t < deaths.length ? deaths[t][layout.bySex(l, s, sex)] : Double.NaN;
    }

    public double netMigration(int s, int l, int sex, int t) {
        return t < netMigration.length ? netMigration[t][layout.bySex(l, s, sex)] : Double.NaN;
    }

    /** Total population of a leaf in a year. */
    public double total(int s, int l, int t) {
        double sum = 0;
        int from = layout.offset(l, s), cells = layout.cells();
        for (int i = 0; i < cells; i++) {
            sum += population[t][from + i];
        }
        return sum;
    }

    /** The population [L][S][2][A] at year index t (shared, do not modify). */
    double[] populationAt(int t) {
        return population[t];
    }

    /** Births [L][S] of the step starting at year index t (shared, do not modify). */
    double[] birthsAt(int t) {
        return births[t];
    }

    /** Deaths [L][S][2] of the step starting at year index t (shared, do not modify). */
    double[] deathsAt(int t) {
        return deaths[t];
    }

    /** Net migration [L][S][2] of the step starting at year index t (shared, do not modify). */
    double[] netMigrationAt(int t) {
        return netMigration[t];
    }
}
