package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The streaming balance against {@link MigrationBalance#balance} cell by cell: random provinces
 * with and without their own rates, inactive (capped) cities, provinces whose cities are all
 * inactive, and one-sided provinces that take the spreading fallback.
 */
class ProvinceBalanceTest {

    @Test
    void equalsMigrationBalanceCellByCell() {
        Random random = new Random(31);
        for (int trial = 0; trial < 200; trial++) {
            int provinces = 1 + random.nextInt(6), cities = 1 + random.nextInt(20), cells = 1 + random.nextInt(8);
            int[] provinceOf = random.ints(cities, 0, provinces).toArray();
            boolean[] active = new boolean[cities];
            double[] pop = random.doubles(cities * cells, 0, 1e5).toArray(), raw = new double[cities * cells];
            boolean oneSided = trial % 5 == 0;
            for (int c = 0; c < cities; c++) {
                active[c] = random.nextInt(5) > 0;
                for (int i = 0; i < cells && active[c]; i++) {
                    double x = (random.nextDouble() - 0.3) * 1e3;
                    raw[c * cells + i] = oneSided ? Math.abs(x) : random.nextInt(10) == 0 ? 0 : x;
                }
            }
            double[] hasOwn = new double[provinces], ownRates = random.doubles(provinces * cells, -0.02, 0.02).toArray();
            for (int g = 0; g < provinces; g++) {
                hasOwn[g] = random.nextBoolean() ? 1 : 0;
            }
            double scale = 0.5 + random.nextDouble();

            ProvinceBalance balance = new ProvinceBalance(provinces, cells);
            balance.reset();
            for (int c = 0; c < cities; c++) {
                balance.add(provinceOf[c], active[c], pop, c * cells, raw, c * cells);
            }
            balance.solve(ownRates, hasOwn, scale);
            for (int i = 0; i < cells; i++) {
                double[] x = new double[cities], w = new double[cities], own = new double[provinces], provincePop = new double[provinces];
                for (int c = 0; c < cities; c++) {
                    x[c] = raw[c * cells + i];
                    w[c] = pop[c * cells + i];
                    provincePop[provinceOf[c]] += w[c];
                }
                for (int g = 0; g < provinces; g++) {
                    own[g] = hasOwn[g] > 0 ? scale * ownRates[g * cells + i] * provincePop[g] : Double.NaN;
                }
                double[] want = MigrationBalance.balance(x, active, w, provinceOf, own);
                for (int c = 0; c < cities; c++) {
                    double got = active[c] ? balance.balanced(provinceOf[c], i, x[c], w[c]) : 0;
                    assertEquals(want[c], got, 1e-12 * Math.max(1, Math.abs(want[c])), "trial " + trial + " city " + c + " cell " + i);
                }
            }
        }
    }
}
