package org.popcast.kernels.quadrature;

import java.util.Arrays;

/**
 * The cut points of a composite rule from several ascending arrays of breakpoints: each array's
 * part inside (lo, hi) found by binary search, the parts merged in order. Nothing is re-sorted, so
 * one integral costs the breakpoints inside its interval, not all of them.
 */
public final class CutPoints {

    private CutPoints() {
    }

    /**
     * lo, the values strictly inside (lo, hi) of the {@code ascending} arrays in order without
     * near-duplicates, hi: the same cuts as sorting all values together and filtering them.
     */
    public static double[] merge(double lo, double hi, double[]... ascending) {
        double tiny = 1e-12 * Math.max(1.0, Math.max(Math.abs(lo), Math.abs(hi)));
        int[] next = new int[ascending.length];
        int[] end = new int[ascending.length];
        int total = 2;
        for (int k = 0; k < ascending.length; k++) {
            next[k] = firstAbove(ascending[k], lo + tiny);
            end[k] = firstAtOrAbove(ascending[k], hi - tiny);
            total += Math.max(0, end[k] - next[k]);
        }
        double[] cuts = new double[total];
        int n = 0;
        cuts[n++] = lo;
        while (true) {
            int best = -1;
            double value = Double.POSITIVE_INFINITY;
            for (int k = 0; k < ascending.length; k++) {
                if (next[k] < end[k] && ascending[k][next[k]] < value) {
                    best = k;
                    value = ascending[k][next[k]];
                }
            }
            if (best < 0) {
                break;
            }
            next[best]++;
            if (value - cuts[n - 1] > tiny) {
                cuts[n++] = value;
            }
        }
        cuts[n++] = hi;
        return n == cuts.length ? cuts : Arrays.copyOf(cuts, n);
    }

    /** {@code values} itself when it ascends (the usual case, checked in one pass), else a sorted copy. */
    public static double[] ascending(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] >= values[i - 1])) {
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                return sorted;
            }
        }
        return values;
    }

    /** The first index whose value is > x (values ascending). */
    static int firstAbove(double[] values, double x) {
        int lo = 0, hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first index whose value is >= x (values ascending). */
    static int firstAtOrAbove(double[] values, double x) {
        int lo = 0, hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
