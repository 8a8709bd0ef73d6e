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

    /**
     * A named limit (docs/reliability.md): the training rows kept as the imputer's reference.
     * Imputing compares each row with every reference row, so the cost is rows x reference rows x
     * features; with every training row as reference a 135,000-row table took hours. Beyond the
     * limit an evenly spaced sample of the training rows is kept; the shipped table's 2,515
     * training rows (and any table of at most this many) keep them all, so their results are those
     * of the plain KNN imputer.
     */
    public static final int MAX_REFERENCE_ROWS = 3_000;

    private final double[][] reference;
    private final int k;
    private final double[] columnMean;
    // the reference column by column, with NaN as 0 (filled) and 1 where observed, 0 where missing
    // (observed): the distance loop then runs over reference rows for one column at a time, on
    // contiguous arrays with no data-dependent branch, which the JIT vectorises; the terms of each
    // row's sum are still added in ascending column order, so the distances are those of the plain
    // loop bit for bit
    private final double[][] filled;
    private final double[][] observed;
    // per reference row, how many of its columns are observed: a query's common-column count is
    // this minus the reference's observed columns among the query's (few) missing ones, so the
    // distance loop over the query's observed columns only sums squares (counts are exact in a double)
    private final double[] observedCount;

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
        filled = new double[f][reference.length];
        observed = new double[f][reference.length];
        observedCount = new double[reference.length];
        for (int r = 0; r < reference.length; r++) {
            for (int j = 0; j < f; j++) {
                boolean present = !Double.isNaN(reference[r][j]);
                filled[j][r] = present ? reference[r][j] : 0;
                observed[j][r] = present ? 1 : 0;
                observedCount[r] += observed[j][r];
            }
        }
    }

    /**
     * An imputer over {@code trainRows}, or over an evenly spaced sample of {@link #MAX_REFERENCE_ROWS}
     * of them when there are more (row floor(i n / max) for i = 0 .. max - 1: no seed, the same
     * rows every run).
     */
    public static KnnImputer fit(double[][] trainRows, int k) {
        int n = trainRows.length;
        if (n <= MAX_REFERENCE_ROWS) {
            return new KnnImputer(trainRows, k);
        }
        double[][] sample = new double[MAX_REFERENCE_ROWS][];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = trainRows[(int) ((long) i * n / MAX_REFERENCE_ROWS)];
        }
        return new KnnImputer(sample, k);
    }

    public int k() {
        return k;
    }

    /** The reference rows (a copy is not made: callers must not change them). */
    public double[][] reference() {
        return reference;
    }

    /**
     * A copy of {@code row} with every missing value filled. The neighbours are walked nearest
     * first (ties to the earlier row) until each missing feature has k donors: only the nearest
     * {@code m} rows are ordered, and m grows fourfold when some feature needs more, so the answer
     * is that of ordering all rows (a full sort per row was most of the cost once the distances
     * were fast).
     */
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
        for (int m = Math.min(d.length, Math.max(64, 16 * k)); ; m = Math.min(d.length, 4 * m)) {
            int[] order = m == d.length ? nearestFirst(d) : nearest(d, m);
            if (fill(row, out, d, order, m == d.length)) {
                return out;
            }
        }
    }

    /**
     * Fills {@code out}'s missing values from the rows of {@code order} (the nearest first); false
     * if some feature might find a donor beyond them ({@code all}: they are every row).
     */
    private boolean fill(double[] row, double[] out, double[] d, int[] order, boolean all) {
        for (int j = 0; j < row.length; j++) {
            if (!Double.isNaN(row[j])) {
                continue;
            }
            double sum = 0;
            int found = 0;
            boolean ended = all;
            for (int idx = 0; idx < order.length && found < k; idx++) {
                int r = order[idx];
                if (Double.isInfinite(d[r])) {
                    ended = true;
                    break;
                }
                if (!Double.isNaN(reference[r][j])) {
                    sum += reference[r][j];
                    found++;
                }
            }
            if (found < k && !ended) {
                return false;
            }
            out[j] = found > 0 ? sum / found : columnMean[j];
        }
        return true;
    }

    /**
     * The first {@code m} entries of {@link #nearestFirst}: a bounded max-heap keeps the m nearest
     * by (distance, row), then they are ordered. Same order, O(n log m) instead of O(n log n).
     */
    static int[] nearest(double[] d, int m) {
        int[] heap = new int[m];
        int size = 0;
        for (int r = 0; r < d.length; r++) {
            if (size < m) {
                heap[size] = r;
                siftUp(d, heap, size++);
            } else if (before(d, r, heap[0])) {
                heap[0] = r;
                siftDown(d, heap, m);
            }
        }
        // order the kept rows as nearestFirst does: a stable sort by distance of the rows in ascending order
        java.util.Arrays.sort(heap);
        double[] dk = new double[m];
        for (int i = 0; i < m; i++) {
            dk[i] = d[heap[i]];
        }
        int[] local = nearestFirst(dk);
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = heap[local[i]];
        }
        return order;
    }

    /** Row a comes before row b: nearer, or as near and earlier. */
    private static boolean before(double[] d, int a, int b) {
        int c = Double.compare(d[a], d[b]);
        return c < 0 || c == 0 && a < b;
    }

    private static void siftUp(double[] d, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(d, heap[parent], heap[i])) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(double[] d, int[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, last = i;
            if (l < size && before(d, heap[last], heap[l])) {
                last = l;
            }
            if (r < size && before(d, heap[last], heap[r])) {
                last = r;
            }
            if (last == i) {
                return;
            }
            int t = heap[last];
            heap[last] = heap[i];
            heap[i] = t;
            i = last;
        }
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
        int n = reference.length;
        double[] ss = new double[n], present = observedCount.clone();
        for (int j = 0; j < row.length; j++) {
            if (Double.isNaN(row[j])) {
                double[] o = observed[j];
                for (int r = 0; r < n; r++) {
                    present[r] -= o[r];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int j = cols[i];
            double q = row[j];
            double[] x = filled[j], o = observed[j];
            for (int r = 0; r < n; r++) {
                double diff = (q - x[r]) * o[r];
                ss[r] += diff * diff;
            }
        }
        for (int r = 0; r < n; r++) {
            d[r] = present[r] == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(row.length * ss[r] / (int) present[r]);
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
