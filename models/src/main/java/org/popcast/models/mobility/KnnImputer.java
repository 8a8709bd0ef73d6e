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
    // the reference rows with NaN as 0, and 1 where observed, 0 where missing: distances then need
    // no data-dependent branch per value (the missing pattern varies from row to row, so those
    // branches were mispredicted; imputation was the largest Java cost of mobility evaluate)
    private final double[][] filled;
    private final double[][] observed;

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
        filled = new double[reference.length][f];
        observed = new double[reference.length][f];
        for (int r = 0; r < reference.length; r++) {
            for (int j = 0; j < f; j++) {
                boolean present = !Double.isNaN(reference[r][j]);
                filled[r][j] = present ? reference[r][j] : 0;
                observed[r][j] = present ? 1 : 0;
            }
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
        double[] d = distances(row);
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

    /**
     * {@link #distance} from {@code row} to every reference row, bit for bit: the same terms are
     * added in the same order (the row's observed columns, ascending). Where the reference row is
     * missing, its filled 0 and the factor 0 make the difference (finite - 0) x 0 = 0, which adds
     * +0 to a non-negative sum and leaves it unchanged, and is not counted. A row with an infinite
     * value (inf x 0 is NaN) takes the plain loop.
     */
    double[] distances(double[] row) {
        double[] d = new double[reference.length];
        int[] cols = new int[row.length];
        int m = 0;
        for (int j = 0; j < row.length; j++) {
            if (Double.isInfinite(row[j])) {
                for (int r = 0; r < reference.length; r++) {
                    d[r] = distance(row, reference[r]);
                }
                return d;
            }
            if (!Double.isNaN(row[j])) {
                cols[m++] = j;
            }
        }
        for (int r = 0; r < reference.length; r++) {
            double[] x = filled[r], o = observed[r];
            double ss = 0, present = 0;
            for (int i = 0; i < m; i++) {
                int j = cols[i];
                double diff = (row[j] - x[j]) * o[j];
                ss += diff * diff;
                present += o[j];
            }
            d[r] = present == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(row.length * ss / (int) present);
        }
        return d;
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
