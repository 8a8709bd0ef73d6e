package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** KNN imputation on cases worked by hand (the nan-Euclidean distance of scikit-learn). */
class KnnImputerTest {

    private static final double N = Double.NaN;
    private static final double[][] REF = {{1, 2, N}, {3, N, 6}, {0, 0, 0}, {10, 10, 10}};

    @Test
    void distanceScalesBySharedFeatures() {
        // shared: features 0 and 2; (1-3)^2 + (3-6)^2 = 13, scaled by 3/2
        assertEquals(Math.sqrt(19.5), KnnImputer.distance(new double[] {1, N, 3}, REF[1]), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, KnnImputer.distance(new double[] {N, 5, N}, REF[1]));
    }

    @Test
    void distancesToAllRowsAreThePlainDistancesBitForBit() {
        Random r = new Random(11);
        double[][] ref = new double[200][17];
        for (double[] row : ref) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextInt(4) == 0 ? N : r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
            }
        }
        ref[7] = new double[17];
        Arrays.fill(ref[7], N);
        KnnImputer knn = new KnnImputer(ref, 5);
        for (int q = 0; q < 50; q++) {
            double[] row = new double[17];
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextInt(3) == 0 ? N : -r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
            }
            if (q == 0) {
                row[3] = Double.NEGATIVE_INFINITY;
            }
            double[] d = knn.distances(row);
            for (int i = 0; i < ref.length; i++) {
                assertEquals(Double.doubleToRawLongBits(KnnImputer.distance(row, ref[i])), Double.doubleToRawLongBits(d[i]),
                        "query " + q + " reference row " + i);
            }
        }
    }

    @Test
    void handComputedCases() {
        KnnImputer knn = new KnnImputer(REF, 2);
        // q = (1, ?, 3): distances r0 0, r2 sqrt(15), r1 sqrt(19.5), r3 sqrt(195); feature 1 is
        // present in r0 (2) and r2 (0) among the two nearest donors -> 1
        assertArrayEquals(new double[] {1, 1, 3}, knn.impute(new double[] {1, N, 3}), 1e-15);
        // q = (?, 5, ?): r1 shares nothing (infinitely far); r0 sqrt(27), r2 and r3 sqrt(75) (tie
        // to the earlier row). Feature 0 from r0, r2 -> 0.5; feature 2 from r2, r3 (r0 lacks it) -> 5
        assertArrayEquals(new double[] {0.5, 5, 5}, knn.impute(new double[] {N, 5, N}), 1e-15);
        // k = 1: the single nearest donor
        assertArrayEquals(new double[] {1, 2, 3}, new KnnImputer(REF, 1).impute(new double[] {1, N, 3}), 1e-15);
    }

    @Test
    void noDonorFallsBackToTheReferenceMean() {
        double[][] ref = {{1, N}, {3, N}, {5, 4}};
        // q shares nothing with any row that has feature 0... feature 0 is missing, feature 1 given:
        // only row 2 shares feature 1, and it has feature 0 = 5
        assertArrayEquals(new double[] {5, 1}, new KnnImputer(ref, 3).impute(new double[] {N, 1}), 1e-15);
        // a row with nothing observed is infinitely far from all: the column means (3, 4)
        assertArrayEquals(new double[] {3, 4}, new KnnImputer(ref, 3).impute(new double[] {N, N}), 1e-15);
    }

    @Test
    void nearestFirstIsTheBoxedSortByDistanceThenIndex() {
        Random r = new Random(5);
        for (int n : new int[] {0, 1, 2, 3, 7, 64, 1000}) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values (many ties), zeros and infinities
                int c = r.nextInt(6);
                d[i] = c == 5 ? Double.POSITIVE_INFINITY : c;
            }
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
            assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), KnnImputer.nearestFirst(d), "n = " + n);
        }
    }

    @Test
    void theNearestMAreThePrefixOfTheFullOrder() {
        Random r = new Random(6);
        for (int n : new int[] {1, 5, 64, 1000}) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(6);
                d[i] = c == 5 ? Double.POSITIVE_INFINITY : c;
            }
            int[] all = KnnImputer.nearestFirst(d);
            for (int m : new int[] {1, 3, n}) {
                if (m <= n) {
                    assertArrayEquals(Arrays.copyOf(all, m), KnnImputer.nearest(d, m), "n = " + n + ", m = " + m);
                }
            }
        }
    }

    /**
     * The imputer orders only the nearest rows and grows that prefix when a feature needs more
     * donors: its answers must be those of the plain algorithm (every row sorted by distance, then
     * index), bit for bit, also where a sparse column makes the walk go far and with many ties.
     */
    @Test
    void imputationIsThePlainFullSortBitForBit() {
        Random r = new Random(12);
        int f = 9;
        double[][] ref = new double[1500][f];
        for (double[] row : ref) {
            for (int j = 0; j < f; j++) {
                // column 8 is observed in about one row of 150: its donors lie far down the order
                boolean missing = j == 8 ? r.nextInt(150) != 0 : r.nextInt(4) == 0;
                row[j] = missing ? N : r.nextInt(3) == 0 ? r.nextInt(3) : r.nextGaussian();
            }
        }
        for (int k : new int[] {1, 5, 12}) {
            KnnImputer knn = new KnnImputer(ref, k);
            for (int q = 0; q < 200; q++) {
                double[] row = new double[f];
                for (int j = 0; j < f; j++) {
                    row[j] = r.nextInt(3) == 0 ? N : r.nextInt(3) == 0 ? r.nextInt(3) : r.nextGaussian();
                }
                row[8] = N;
                double[] expected = plainImpute(ref, k, row), got = knn.impute(row);
                for (int j = 0; j < f; j++) {
                    assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(got[j]), "k " + k + " query " + q + " feature " + j);
                }
            }
        }
    }

    /** KNN imputation as first written: distances to every row, all rows sorted, walked nearest first. */
    private static double[] plainImpute(double[][] ref, int k, double[] row) {
        double[] d = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
            d[i] = KnnImputer.distance(row, ref[i]);
        }
        Integer[] order = new Integer[ref.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
        double[] out = row.clone();
        for (int j = 0; j < row.length; j++) {
            if (!Double.isNaN(row[j])) {
                continue;
            }
            double sum = 0, mean = 0;
            int found = 0, n = 0;
            for (double[] x : ref) {
                if (!Double.isNaN(x[j])) {
                    mean += x[j];
                    n++;
                }
            }
            for (int idx = 0; idx < order.length && found < k; idx++) {
                if (Double.isInfinite(d[order[idx]])) {
                    break;
                }
                if (!Double.isNaN(ref[order[idx]][j])) {
                    sum += ref[order[idx]][j];
                    found++;
                }
            }
            out[j] = found > 0 ? sum / found : n > 0 ? mean / n : 0;
        }
        return out;
    }

    @Test
    void aLargeTrainingSetKeepsAnEvenlySpacedReference() {
        double[][] small = new double[KnnImputer.MAX_REFERENCE_ROWS][];
        Arrays.setAll(small, i -> new double[] {i});
        assertEquals(small, KnnImputer.fit(small, 5).reference(), "at the limit every row is kept, as given");
        double[][] large = new double[3 * KnnImputer.MAX_REFERENCE_ROWS + 1][];
        Arrays.setAll(large, i -> new double[] {i});
        double[][] kept = KnnImputer.fit(large, 5).reference();
        assertEquals(KnnImputer.MAX_REFERENCE_ROWS, kept.length);
        assertEquals(0, kept[0][0]);
        assertEquals(3, kept[1][0]);
        assertEquals(large[large.length - 4], kept[kept.length - 1]);
    }
}
