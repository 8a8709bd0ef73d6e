package org.popcast.models.cohort.stochastic;

import java.util.stream.IntStream;

import org.popcast.kernels.stochastic.SampleQuantiles;

/**
 * Quantiles over trajectories of every value a {@link TrajectorySummary} keeps: totals
 * [Q][R][Y] and population by sex and age [Q][R][2][G][Yq] (Hyndman-Fan 7 of the single-precision
 * values). Each cell is sorted on its own, so the figures do not depend on the order in which the
 * trajectories arrive as long as the same trajectories arrive. {@link #of} makes them from
 * summaries in memory (the reference); {@link TrajectoryStore#quantiles} gives the same numbers
 * from a scratch file with memory that does not grow with the trajectories, and is what a run uses.
 */
public record ProjectionQuantiles(double[] probabilities, double[] totals, double[] byAge) {

    public static ProjectionQuantiles of(TrajectorySummary[] trajectories, SummaryShape shape, double[] probabilities) {
        if (trajectories.length == 0) {
            throw new IllegalArgumentException("quantiles need at least one trajectory");
        }
        return new ProjectionQuantiles(probabilities.clone(),
                cells(trajectories, true, shape.totalSize(), probabilities),
                cells(trajectories, false, shape.byAgeSize(), probabilities));
    }

    private static double[] cells(TrajectorySummary[] trajectories, boolean totals, int size, double[] p) {
        double[] out = new double[p.length * size];
        IntStream.range(0, size).parallel().forEach(c -> {
            double[] values = new double[trajectories.length];
            for (int j = 0; j < values.length; j++) {
                values[j] = (totals ? trajectories[j].totals() : trajectories[j].byAge())[c];
            }
            double[] q = Double.isNaN(values[0]) ? nan(p.length) : SampleQuantiles.of(values, p);
            for (int k = 0; k < p.length; k++) {
                out[k * size + c] = q[k];
            }
        });
        return out;
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /** The quantile of probability index k of region r's total in year index t. */
    public double total(int k, int r, int t, SummaryShape shape) {
        return totals[k * shape.totalSize() + r * shape.years().length + t];
    }
}
