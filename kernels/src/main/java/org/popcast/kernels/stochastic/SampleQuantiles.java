package org.popcast.kernels.stochastic;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan 1996,
 * definition 7: the default of R's {@code quantile} and NumPy's {@code percentile}): for
 * probability p of n sorted values x, h = (n - 1) p and Q = x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h]).
 */
public final class SampleQuantiles {

    private SampleQuantiles() {
    }

    /** Quantiles of {@code values} (not changed) at each probability in [0, 1]. */
    public static double[] of(double[] values, double[] probabilities) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, probabilities);
    }

    /** Quantiles of values already sorted ascending (no NaN). */
    public static double[] ofSorted(double[] sorted, double[] probabilities) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantiles of no values");
        }
        double[] out = new double[probabilities.length];
        for (int k = 0; k < out.length; k++) {
            double p = probabilities[k];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a probability must lie in [0, 1], got " + p);
            }
            double h = (sorted.length - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            out[k] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }
}
