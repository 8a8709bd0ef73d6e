package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The vector passes against the scalar ones, to the bit: every pass on random data at random
 * offsets and lengths (full vectors and every tail), and the kernel and the streaming balance built
 * on each. The test JVMs run with the Vector API (the build's surefire argLine); without it the
 * vector half is skipped, not passed.
 */
class CellPassesTest {

    private static final CellPasses SCALAR = new ScalarPasses();

    private static CellPasses vector() {
        CellPasses best = CellPasses.best();
        assumeTrue(best instanceof VectorPasses, "the vector passes do not run here: " + CellPasses.describe());
        return best;
    }

    @Test
    void everyPassGivesTheScalarBits() {
        CellPasses vector = vector();
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int cells = 2 + random.nextInt(40), at = random.nextInt(9), o = random.nextInt(9), c = random.nextInt(9);
            double[] pop = random.doubles(at + cells, -10, 1e5).toArray(), profile = random.doubles(cells, -0.5, 1).toArray();
            double[] a = random.doubles(o + cells, 0, 2).toArray(), b = random.doubles(o + cells, 0, 2).toArray();
            double[] perPerson = random.doubles(o + cells, -1e-3, 1e-3).toArray(), m = random.doubles(c + cells, -1e3, 1e3).toArray();
            double coefficient = random.nextDouble() - 0.5, share = random.nextDouble();
            profile[random.nextInt(cells)] = 0;
            double[][] out = new double[2][cells];
            double[][][] sums = new double[2][3][];
            double[][][] step = new double[2][4][cells];
            double[][] next = new double[2][at + cells];
            double[] advanced = new double[2];
            CellPasses[] both = {SCALAR, vector};
            for (int k = 0; k < 2; k++) {
                CellPasses p = both[k];
                p.migrants(coefficient, profile, pop, at, a, b, perPerson, o, share * 1e-3, out[k], cells);
                Random same = new Random(trial);
                for (int j = 0; j < 3; j++) {
                    sums[k][j] = same.doubles(o + cells, 0, 1e4).toArray();
                }
                p.accumulate(coefficient, profile, pop, at, sums[k][0], sums[k][1], sums[k][2], o, cells);
                p.survive(pop, at, m, c, a, o, share, step[k][0], step[k][1], step[k][2], cells);
                advanced[k] = p.advance(step[k][2], m, c, 1 - share, next[k], at, cells - 1);
                p.births(b, o, 1.3, step[k][0], step[k][2], m, c, share / 2, step[k][3], cells - 1);
            }
            assertArrayEquals(out[0], out[1], "migrants, trial " + trial);
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(sums[0][j], sums[1][j], "province sum " + j + ", trial " + trial);
            }
            for (int j = 0; j < 4; j++) {
                assertArrayEquals(step[0][j], step[1][j], "step array " + j + ", trial " + trial);
            }
            assertArrayEquals(next[0], next[1], "end population, trial " + trial);
            assertEquals(advanced[0], advanced[1], 0, "lane-ordered sum, trial " + trial);
        }
    }

    @Test
    void cityFactorsGiveTheScalarBitsAndBalance() {
        CellPasses vector = vector();
        Random random = new Random(9);
        for (int trial = 0; trial < 300; trial++) {
            int cells = 1 + random.nextInt(30), o = random.nextInt(9);
            double[] pos = random.doubles(o + cells, 0, 1e4).toArray(), neg = random.doubles(o + cells, 0, 1e4).toArray();
            double[] weight = random.doubles(o + cells, 0, 1e6).toArray(), target = random.doubles(cells, -5e3, 5e3).toArray();
            for (int i = 0; i < cells; i++) {
                // one-sided provinces, empty ones and cells without weight
                int k = random.nextInt(8);
                pos[o + i] = k == 0 || k == 3 ? 0 : pos[o + i];
                neg[o + i] = k == 1 || k == 3 ? 0 : neg[o + i];
                weight[o + i] = k == 2 ? 0 : weight[o + i];
            }
            double[][] a = new double[2][o + cells], b = new double[2][o + cells], per = new double[2][o + cells];
            SCALAR.factors(pos, neg, weight, target, o, a[0], b[0], per[0], cells);
            vector.factors(pos, neg, weight, target, o, a[1], b[1], per[1], cells);
            assertArrayEquals(a[0], a[1], "inflow factors, trial " + trial);
            assertArrayEquals(b[0], b[1], "outflow factors, trial " + trial);
            assertArrayEquals(per[0], per[1], "per person, trial " + trial);
            for (int i = 0; i < cells; i++) {
                int at = o + i;
                // the balanced nets and the spread remainder make the target (MigrationBalance's rule)
                double net = a[0][at] * pos[at] - b[0][at] * neg[at] + per[0][at] * weight[at];
                double want = weight[at] == 0 && (pos[at] == 0 || neg[at] == 0) ? net : target[i];
                assertEquals(want, net, 1e-9 * (1 + Math.abs(target[i]) + pos[at] + neg[at]), "trial " + trial + " cell " + i);
            }
        }
    }

    @Test
    void laneOrderedSumIsTheSumToRounding() {
        Random random = new Random(7);
        double[] survivors = random.doubles(101, 0, 1e5).toArray(), m = random.doubles(101, -1e3, 1e3).toArray(), next = new double[101];
        double sum = SCALAR.advance(survivors, m, 0, 0.5, next, 0, 100), plain = 0;
        for (int x = 1; x < 100; x++) {
            assertEquals(survivors[x - 1] + 0.5 * m[x], next[x], 0);
            plain += next[x];
        }
        assertEquals(plain, sum, 1e-13 * plain);
    }

    @Test
    void kernelAndBalanceGiveTheScalarBits() {
        CellPasses vector = vector();
        Random random = new Random(11);
        int ages = 101, cells = 2 * ages, cities = 12, provinces = 3;
        double[] starts = new double[ages];
        for (int x = 0; x < ages; x++) {
            starts[x] = x;
        }
        AgeRegrouping groups = new AgeRegrouping(starts, 5);
        double[] pop = random.doubles(cities * cells, 0, 1e5).toArray(), surv = random.doubles(cells, 0.5, 1).toArray();
        double[] fert = random.doubles(ages, 0, 0.1).toArray(), profile = random.doubles(cells, 0, 0.02).toArray();
        double[] ownRates = random.doubles(provinces * cells, -0.01, 0.01).toArray(), hasOwn = {0, 1, 0};
        double[][] next = new double[2][pop.length], flows = new double[2][4 * cities];
        double[] births = new double[2];
        CellPasses[] both = {SCALAR, vector};
        for (int k = 0; k < 2; k++) {
            ProvinceBalance balance = new ProvinceBalance(provinces, cells, both[k]);
            balance.reset();
            for (int city = 0; city < cities; city++) {
                balance.add(city % provinces, (city % 5 - 2) * 1e-2, profile, pop, city * cells);
            }
            balance.solve(ownRates, hasOwn, 0.9);
            CohortKernel kernel = new CohortKernel(1, MigrationTiming.values()[0], groups, both[k]);
            double[] migrants = new double[cells];
            for (int city = 0; city < cities; city++) {
                balance.migrants(city % provinces, (city % 5 - 2) * 1e-2, profile, pop, city * cells, -1e-3, migrants);
                births[k] += kernel.step(pop, city * cells, migrants, surv, 0, fert, 0, 1.1, 0.99, 0.98, 0.48, next[k], flows[k],
                        flows[k], 2 * city);
            }
        }
        assertArrayEquals(next[0], next[1]);
        assertArrayEquals(flows[0], flows[1]);
        assertEquals(births[0], births[1], 0);
    }
}
