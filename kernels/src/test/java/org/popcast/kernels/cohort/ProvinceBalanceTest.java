package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The streaming balance against {@link MigrationBalance#balance} cell by cell: random provinces
 * with and without their own rates, inactive (capped) cities, provinces whose cities are all
 * inactive, and one-sided provinces that take the spreading fallback. The tolerance is relative to
 * the cell's flows: the streaming balance sums a province's raw net as inflows minus outflows.
 */
class ProvinceBalanceTest {

    @Test
    void equalsMigrationBalanceCellByCell() {
        Random random = new Random(31);
        for (int trial = 0; trial < 200; trial++) {
            int provinces = 1 + random.nextInt(6), cities = 1 + random.nextInt(20), cells = 1 + random.nextInt(8);
            int[] provinceOf = random.ints(cities, 0, provinces).toArray();
            boolean[] active = new boolean[cities];
            double[] pop = random.doubles(cities * cells, 0, 1e5).toArray(), coefficient = new double[cities];
            double[] profile = random.doubles(cells, -0.5, 1).toArray();
            boolean oneSided = trial % 5 == 0;
            for (int i = 0; i < cells; i++) {
                profile[i] = oneSided ? Math.abs(profile[i]) : random.nextInt(10) == 0 ? 0 : profile[i];
            }
            for (int c = 0; c < cities; c++) {
                active[c] = random.nextInt(5) > 0;
                coefficient[c] = oneSided ? random.nextDouble() * 0.01 : (random.nextDouble() - 0.3) * 0.01;
            }
            double[] hasOwn = new double[provinces], ownRates = random.doubles(provinces * cells, -0.02, 0.02).toArray();
            for (int g = 0; g < provinces; g++) {
                hasOwn[g] = random.nextBoolean() ? 1 : 0;
            }
            double scale = 0.5 + random.nextDouble(), perCapita = random.nextDouble() * 1e-3;

            ProvinceBalance balance = new ProvinceBalance(provinces, cells);
            balance.reset();
            for (int c = 0; c < cities; c++) {
                if (active[c]) {
                    balance.add(provinceOf[c], coefficient[c], profile, pop, c * cells);
                } else {
                    balance.addInactive(provinceOf[c], pop, c * cells);
                }
            }
            balance.solve(ownRates, hasOwn, scale);
            double[][] got = new double[cities][cells];
            for (int c = 0; c < cities; c++) {
                if (active[c]) {
                    balance.migrants(provinceOf[c], coefficient[c], profile, pop, c * cells, perCapita, got[c]);
                }
            }
            for (int i = 0; i < cells; i++) {
                double[] x = new double[cities], w = new double[cities], own = new double[provinces], provincePop = new double[provinces];
                double flows = 0; // the scale of the cell's flows: the sums' rounding is relative to it
                for (int c = 0; c < cities; c++) {
                    x[c] = active[c] ? coefficient[c] * profile[i] * pop[c * cells + i] : 0;
                    w[c] = pop[c * cells + i];
                    provincePop[provinceOf[c]] += w[c];
                    flows += Math.abs(x[c]);
                }
                for (int g = 0; g < provinces; g++) {
                    own[g] = hasOwn[g] > 0 ? scale * ownRates[g * cells + i] * provincePop[g] : Double.NaN;
                    flows += hasOwn[g] > 0 ? Math.abs(own[g]) : 0;
                }
                double[] want = MigrationBalance.balance(x, active, w, provinceOf, own);
                for (int c = 0; c < cities; c++) {
                    double expected = active[c] ? want[c] + perCapita * w[c] : 0;
                    double actual = active[c] ? got[c][i] : 0;
                    assertEquals(expected, actual, 1e-12 * Math.max(1, flows + perCapita * w[c]), "trial " + trial + " city " + c + " cell " + i);
                }
            }
        }
    }
}
