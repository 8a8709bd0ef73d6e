package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MigrationBalanceTest {

    @Test
    void bothSidesAreScaledByReciprocalFactors() {
        // provinces +30 and +10 in, -20 out, to sum to 0: a = sqrt(N / P) = sqrt(1/2), b = sqrt(2)
        double[] out = MigrationBalance.balanceGroups(new double[] {30, 10, -20}, new int[3], all(3), new double[] {1, 1, 1},
                new double[] {0});
        double r = Math.sqrt(0.5);
        assertArrayEquals(new double[] {30 * r, 10 * r, -20 / r}, out, 1e-12);
        // cities +4 and -6 of a province that must gain 5: s = sqrt(25 + 96) = 11, a = (5 + 11) / 8 = 2, b = 1/2
        double[] city = MigrationBalance.balanceGroups(new double[] {4, -6}, new int[2], all(2), new double[] {1, 1}, new double[] {5});
        assertArrayEquals(new double[] {8, -3}, city, 1e-12);
        // nobody moves but the province must lose 9: spread by population 1:2 (the documented fallback)
        double[] spread = MigrationBalance.balanceGroups(new double[] {0, 0}, new int[2], all(2), new double[] {1, 2}, new double[] {-9});
        assertArrayEquals(new double[] {-3, -6}, spread, 1e-12);
        // only inflows but a loss of 6: inflows go to 0 and the loss is spread 1:2 (the only case a sign can change)
        double[] oneSided = MigrationBalance.balanceGroups(new double[] {3, 0}, new int[2], all(2), new double[] {1, 2},
                new double[] {-6});
        assertArrayEquals(new double[] {-2, -4}, oneSided, 1e-12);
        // only outflows and a loss of 6: outflows scaled by 6/4, no spreading
        double[] outflows = MigrationBalance.balanceGroups(new double[] {-1, -3, 0}, new int[3], all(3), new double[] {1, 1, 1},
                new double[] {-6});
        assertArrayEquals(new double[] {-1.5, -4.5, 0}, outflows, 1e-12);
    }

    /**
     * Random groups with inflows and outflows and targets far beyond P + N: the sum is exact, every
     * sign is kept, members of one side keep their ratios, and the inflow factor equals e^lambda
     * where lambda solves e^lambda P - e^-lambda N = T by bisection (an independent reference).
     */
    @Test
    void propertiesSumsSignsProportionsAndTheLeastInformationFactor() {
        Random random = new Random(17);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 2 + random.nextInt(8);
            double[] x = random.doubles(n, -1000, 1000).toArray();
            x[0] = Math.abs(x[0]) + 1e-3;
            x[1] = -Math.abs(x[1]) - 1e-3;
            double pos = 0, neg = 0;
            for (double v : x) {
                pos += Math.max(v, 0);
                neg += Math.max(-v, 0);
            }
            double target = (random.nextDouble() - 0.5) * 4 * (pos + neg) * Math.pow(10, random.nextInt(3));
            double[] out = MigrationBalance.balanceGroups(x, new int[n], all(n), random.doubles(n, 1, 10).toArray(),
                    new double[] {target});
            double sum = 0;
            for (double v : out) {
                sum += v;
            }
            assertEquals(target, sum, 1e-9 * (Math.abs(target) + pos + neg), "sum, trial " + trial);
            double a = bisection(pos, neg, target);
            for (int i = 0; i < n; i++) {
                assertTrue(out[i] * x[i] > 0, "sign kept, trial " + trial + " member " + i);
                double factor = out[i] / x[i];
                assertEquals(x[i] > 0 ? a : 1 / a, factor, 1e-9 * factor, "factor, trial " + trial + " member " + i);
            }
        }
    }

    /** The inflow factor e^lambda of e^lambda P - e^-lambda N = T, by bisection on lambda. */
    private static double bisection(double pos, double neg, double target) {
        double lo = -60, hi = 60;
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            if (Math.exp(mid) * pos - Math.exp(-mid) * neg < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    @Test
    void provincesSumToZeroAndCitiesToTheirProvince() {
        Random random = new Random(5);
        int[] provinceOf = {0, 0, 0, 1, 1, 2, 3, 3, 3, 3};
        double[] own = {Double.NaN, 1500, Double.NaN, -800};
        for (int trial = 0; trial < 200; trial++) {
            double[] raw = random.doubles(provinceOf.length, -1000, 1000).toArray();
            boolean[] active = new boolean[provinceOf.length];
            for (int i = 0; i < active.length; i++) {
                active[i] = random.nextDouble() > 0.2;
                raw[i] = active[i] ? raw[i] : 0;
            }
            double[] weight = random.doubles(provinceOf.length, 1e4, 1e6).toArray();
            double[] net = MigrationBalance.balance(raw, active, weight, provinceOf, own);
            double[] province = new double[own.length];
            for (int i = 0; i < net.length; i++) {
                province[provinceOf[i]] += net[i];
                if (!active[i]) {
                    assertEquals(0, net[i], 0, "a capped city stays at zero");
                }
            }
            assertEquals(0, province[0] + province[1] + province[2] + province[3], 1e-9);
            // a province with its own rate and an active city keeps its own rate's sign (province 3, -800, is the
            // outflow side when it has an active city)
            boolean p1Active = active[3] || active[4];
            if (p1Active && (active[6] || active[7] || active[8] || active[9])) {
                assertTrue(province[1] > 0, "province 1 net " + province[1]);
            } else {
                assertEquals(0, province[1], 1e-12);
            }
        }
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
