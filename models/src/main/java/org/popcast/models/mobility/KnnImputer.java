package org.popcast.models.mobility;

/**
 * K-nearest-neighbour imputation with the semantics of scikit-learn's {@code KNNImputer}
 * (uniform weights, "nan-Euclidean" distance), fitted on reference rows (the training split):
 *
 * <pre>
 *   d(q, r) = sqrt( F / |P| * sum_{j in P} (q_j - r_j)^2 ),   P = features present in both rows
 *   q_j (missing) = mean of r_j over the k nearest reference rows that have feature j
 * </pre>
 *
 * A pair with no common feature is infinitely far apart; a feature that no usable neighbour has
 * takes the reference mean. Ties in distance go to the earlier reference row, so results do not
 * depend on sort stability. Works on standardised values, so no single column's units dominate.
 */
public final class KnnImputer {

    private final double[][] reference;
    private final int k;
    private final double[] columnMean;

    public KnnImputer(double[][] reference, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of neighbours k must be >= 1, got " + k);
        }
        this.reference = reference;
        this.k = k;
        int f = reference.length == 0 ? 0 : reference[0].length;
        columnMean = new double[f];
        for (int j = 0; j < f; j++) {
            double sum = 0;
            int n = 0;
            for (double[] r : reference) {
                if (!Double.isNaN(r[j])) {
                    sum += r[j];
                    n++;
                }
            }
            columnMean[j] = n > 0 ? sum / n : 0;
        }
    }

    public int k() {
        return k;
    }

    /** The reference rows (a copy is not made: callers must not change them). */
    public double[][] reference() {
        return reference;
    }

    /** A copy of {@code row} with every missing value filled. */
    public double[] impute(double[] row) {
        double[] out = row.clone();
        boolean anyMissing = false;
        for (double v : row) {
            anyMissing |= Double.isNaN(v);
        }
        if (!anyMissing) {
            return out;
        }
        double[] d = new double[reference.length];
        for (int r = 0; r < reference.length; r++) {
            d[r] = distance(row, reference[r]);
        }
        int[] order = nearestFirst(d);
        for (int j = 0; j < row.length; j++) {
            if (!Double.isNaN(row[j])) {
                continue;
            }
            double sum = 0;
            int found = 0;
            for (int idx = 0; idx < order.length && found < k; idx++) {
                int r = order[idx];
                if (Double.isInfinite(d[r])) {
                    break;
                }
                if (!Double.isNaN(reference[r][j])) {
                    sum += reference[r][j];
                    found++;
                }
            }
            out[j] = found > 0 ? sum / found : columnMean[j];
        }
        return out;
    }

    /**
     * Row indices by increasing distance, ties to the earlier row: a stable merge sort of 0..n-1
     * on primitive arrays (the same order as sorting boxed indices by (distance, index), without
     * boxing n integers per query).
     */
    static int[] nearestFirst(double[] d) {
        int[] order = new int[d.length], buffer = new int[d.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        for (int width = 1; width < order.length; width *= 2) {
            for (int lo = 0; lo < order.length - width; lo += 2 * width) {
                merge(d, order, buffer, lo, lo + width, Math.min(lo + 2 * width, order.length));
            }
        }
        return order;
    }

    /** Merges the sorted runs order[lo..mid) and order[mid..hi), the left run first on equal distances. */
    private static void merge(double[] d, int[] order, int[] buffer, int lo, int mid, int hi) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int i = lo, j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || i < mid && Double.compare(d[buffer[i]], d[buffer[j]]) <= 0) {
                order[k] = buffer[i++];
            } else {
                order[k] = buffer[j++];
            }
        }
    }

    static double distance(double[] a, double[] b) {
        double ss = 0;
        int present = 0;
        for (int j = 0; j < a.length; j++) {
            if (!Double.isNaN(a[j]) && !Double.isNaN(b[j])) {
                double diff = a[j] - b[j];
                ss += diff * diff;
                present++;
            }
        }
        return present == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(a.length * ss / present);
    }
}
