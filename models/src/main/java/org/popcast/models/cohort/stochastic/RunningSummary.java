package org.popcast.models.cohort.stochastic;

import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.models.cohort.YearSink;

/**
 * One trajectory's {@link TrajectorySummary} made year by year while it is projected: each year's
 * leaf totals, and its population by sex and age group in the kept years, are taken as the year
 * is made, so the projection writes every year into one of two reused slabs instead of keeping 91.
 * Reusable: {@link #summary} ends one trajectory and readies the sink for the next.
 */
final class RunningSummary implements YearSink {

    private final SummaryShape shape;
    private final int leaves;
    private final int ages;
    private final int[] groupOf;
    /** Index into the kept years of each year index, -1 where a year is not kept by age. */
    private final int[] keptIndex;
    private final double[][] slabs = new double[2][];
    private double[] leafTotals;
    private double[] leafByAge;

    RunningSummary(SummaryShape shape, CohortLayout layout) {
        if (layout.scenarios() != 1) {
            throw new IllegalArgumentException("a trajectory holds one scenario, got " + layout.scenarios());
        }
        this.shape = shape;
        this.leaves = layout.leaves();
        this.ages = layout.ages();
        this.groupOf = shape.groups().groupOf();
        keptIndex = new int[shape.years().length];
        java.util.Arrays.fill(keptIndex, -1);
        for (int k = 0; k < shape.ageYears().length; k++) {
            keptIndex[shape.ageYears()[k]] = k;
        }
        start();
    }

    private void start() {
        leafTotals = new double[leaves * shape.years().length];
        leafByAge = new double[leaves * 2 * shape.groups().groups() * shape.ageYears().length];
    }

    @Override
    public double[] slab(int t, int size) {
        double[] s = slabs[t % 2];
        if (s == null || s.length != size) {
            s = slabs[t % 2] = new double[size];
        }
        return s;
    }

    @Override
    public void year(int t, double[] population, double[] totals) {
        int years = shape.years().length;
        for (int l = 0; l < leaves; l++) {
            leafTotals[l * years + t] = totals[l];
        }
        int k = keptIndex[t], kept = shape.ageYears().length, groups = shape.groups().groups();
        for (int l = 0; k >= 0 && l < leaves; l++) {
            for (int sex = 0; sex < 2; sex++) {
                int from = (l * 2 + sex) * ages;
                for (int a = 0; a < ages; a++) {
                    leafByAge[((l * 2 + sex) * groups + groupOf[a]) * kept + k] += population[from + a];
                }
            }
        }
    }

    @Override
    public boolean wantsFlowsByAge() {
        return false;
    }

    @Override
    public void flows(int t, double[] births, double[] deaths, double[] net, double[] birthsByAge, double[] deathsByAge,
                      double[] netByAge) {
        // a trajectory's quantiles are of population only
    }

    /** The summary of the trajectory just projected; the sink is then ready for the next one. */
    TrajectorySummary summary() {
        TrajectorySummary out = TrajectorySummary.ofLeaves(shape, leafTotals, leafByAge);
        start();
        return out;
    }
}
