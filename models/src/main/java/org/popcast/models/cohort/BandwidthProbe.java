package org.popcast.models.cohort;

import org.popcast.kernels.cohort.CohortLayout;

/**
 * The memory-bandwidth floor of a projection, for the benchmark: what any engine that keeps every
 * year must at least do, with no arithmetic. A fresh [L][S][2][A] slab per year (the JVM zeroes it)
 * filled by a streaming copy of the previous one, exactly the result's bytes.
 */
public final class BandwidthProbe {

    private BandwidthProbe() {
    }

    /** Allocates and fills the plan's year slabs; returns a checksum so the work cannot be skipped. */
    public static double run(ProjectionPlan plan) {
        CohortLayout layout = plan.layout();
        double[][] years = new double[plan.steps() + 1][];
        years[0] = LoopProjector.initialState(plan.input(), layout);
        for (int k = 1; k < years.length; k++) {
            years[k] = new double[layout.size()];
            System.arraycopy(years[k - 1], 0, years[k], 0, layout.size());
        }
        return years[years.length - 1][layout.size() / 2];
    }

    /** The largest relative difference (against max(1, |a|)) of b's populations, births, deaths and nets from a's. */
    public static double largestDifference(ProjectionResult a, ProjectionResult b) {
        double worst = 0;
        int steps = a.years().length - 1;
        for (int t = 0; t <= steps; t++) {
            worst = Math.max(worst, largest(a.populationAt(t), b.populationAt(t)));
            if (t < steps) {
                worst = Math.max(worst, largest(a.birthsAt(t), b.birthsAt(t)));
                worst = Math.max(worst, largest(a.deathsAt(t), b.deathsAt(t)));
                worst = Math.max(worst, largest(a.netMigrationAt(t), b.netMigrationAt(t)));
            }
        }
        return worst;
    }

    private static double largest(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(b[i] - a[i]) / Math.max(1, Math.abs(a[i])));
        }
        return worst;
    }
}
