package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CohortStepTest {

    @Test
    void tinyCaseByHand() {
        // Three groups (0, 1, 2+), n = 1, even timing; every number below worked out on paper.
        double[][] pop = {{100, 80, 50}, {110, 90, 40}};
        double[][] mig = {{10, 0, 0}, {0, 0, -4}};
        CohortStep.Rates rates = new CohortStep.Rates(new double[][] {{0.9, 0.8, 0.5}, {0.85, 0.7, 0.4}},
                new double[] {0.95, 0.94}, new double[] {0, 0.5, 0}, 1.0);
        CohortStep.Result r = CohortStep.project(pop, mig, rates, 1, MigrationTiming.EVEN);
        // F start 105, 80, 50; survivors 94.5 (age 1), 0.8*80 + 0.5*50 = 89 (open)
        // births = 0.5 * (80 + 94.5) / 2 = 43.625, half of them girls: 21.8125, 0.95 of those survive
        assertEquals(43.625, r.births(), 1e-12);
        assertArrayEquals(new double[] {20.721875 + 5, 94.5, 89}, r.population()[0], 1e-12);
        // M start 110, 90, 38; survivors 93.5, 0.7*90 + 0.4*38 = 78.2, minus 2 leaving at the end
        assertArrayEquals(new double[] {20.50375, 93.5, 76.2}, r.population()[1], 1e-12);
        assertEquals(10.5 + 16 + 25 + 21.8125 * 0.05, r.deaths()[0], 1e-12);
        assertArrayEquals(new double[] {10, -4}, r.netMigration(), 0);
    }

    @Test
    void nullConditionsShiftThePopulationOneGroupAndTheOpenGroupAccumulates() {
        double[][] pop = {{5, 4, 3, 2, 1}, {10, 20, 30, 40, 50}};
        double[][] none = new double[2][5];
        double[][] ones = {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
        CohortStep.Rates rates = new CohortStep.Rates(ones, new double[] {1, 1}, new double[5], 1.05);
        for (MigrationTiming timing : MigrationTiming.values()) {
            CohortStep.Result r = CohortStep.project(pop, none, rates, 5, timing);
            assertArrayEquals(new double[] {0, 5, 4, 3, 2 + 1}, r.population()[0], 0);
            assertArrayEquals(new double[] {0, 10, 20, 30, 40 + 50}, r.population()[1], 0);
            assertEquals(0, r.births());
            assertArrayEquals(new double[] {0, 0}, r.deaths(), 0);
        }
    }

    @Test
    void identicalSexesGiveIdenticalOutputs() {
        Random random = new Random(7);
        double[] p = random.doubles(6, 0, 1000).toArray();
        double[] m = random.doubles(6, -20, 20).toArray();
        double[] s = random.doubles(6, 0.5, 1).toArray();
        double[] f = random.doubles(6, 0, 0.2).toArray();
        CohortStep.Rates rates = new CohortStep.Rates(new double[][] {s, s}, new double[] {0.97, 0.97}, f, 1.0);
        for (MigrationTiming timing : MigrationTiming.values()) {
            CohortStep.Result r = CohortStep.project(new double[][] {p, p}, new double[][] {m, m}, rates, 1, timing);
            assertArrayEquals(r.population()[0], r.population()[1], 0);
            assertEquals(r.deaths()[0], r.deaths()[1], 0);
        }
    }

    @Test
    void accountingIdentityHoldsForEverySexAndTiming() {
        Random random = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            int ages = 3 + random.nextInt(100);
            double[][] pop = new double[2][], mig = new double[2][], surv = new double[2][];
            for (int s = 0; s < 2; s++) {
                pop[s] = random.doubles(ages, 0, 1e6).toArray();
                mig[s] = random.doubles(ages, -1e4, 1e4).toArray();
                surv[s] = random.doubles(ages, 0.3, 1).toArray();
            }
            CohortStep.Rates rates = new CohortStep.Rates(surv, new double[] {0.99, 0.98}, random.doubles(ages, 0, 0.1).toArray(),
                    1 + random.nextDouble() * 0.2);
            MigrationTiming timing = MigrationTiming.values()[trial % 3];
            CohortStep.Result r = CohortStep.project(pop, mig, rates, trial % 2 == 0 ? 1 : 5, timing);
            for (int s = 0; s < 2; s++) {
                double before = sum(pop[s]), after = sum(r.population()[s]);
                double expected = before + r.birthsBySex()[s] - r.deaths()[s] + r.netMigration()[s];
                assertEquals(expected, after, 1e-9 * before, "trial " + trial + " sex " + s);
                assertEquals(r.deaths()[s], sum(r.deathsByAge()[s]), 1e-9 * r.deaths()[s]);
                // each cohort's own balance: P(t+n)_{x+1} = P_x + f_s M_x - D_x + f_e M_{x+1} (groups 1 .. below the last two; group 0 also holds the deaths of the step's births)
                for (int x = 1; x < ages - 2; x++) {
                    double want = pop[s][x] + timing.startShare() * mig[s][x] - r.deathsByAge()[s][x] + timing.endShare() * mig[s][x + 1];
                    assertEquals(want, r.population()[s][x + 1], 1e-6, "cohort " + x);
                }
            }
            assertEquals(r.births(), sum(r.birthsByAge()), 1e-9 * r.births());
        }
    }

    @Test
    void singleYearAndFiveYearStepsAgreeUnderConstantHazard() {
        // A closed population with constant hazard mu and exact person-years: after 25 years the
        // 1x1 projection summed into five-year groups equals the 5x5 projection, and both equal
        // the closed form N0 exp(-mu t).
        double mu = 0.02;
        int single = 101, five = 21;
        double[] ages1 = new double[single], ages5 = new double[five];
        for (int i = 0; i < single; i++) {
            ages1[i] = i;
        }
        for (int i = 0; i < five; i++) {
            ages5[i] = 5 * i;
        }
        double[] s1 = exponential(ages1, mu).survivalRatios(), s5 = exponential(ages5, mu).survivalRatios();
        double[][] p1 = new double[2][single], p5 = new double[2][five];
        for (int s = 0; s < 2; s++) {
            for (int x = 0; x < single; x++) {
                p1[s][x] = 1000 + 10 * x + 500 * s;
                p5[s][Math.min(x / 5, five - 1)] += p1[s][x];
            }
        }
        double total = sum(p1[0]) + sum(p1[1]);
        CohortStep.Rates r1 = new CohortStep.Rates(new double[][] {s1, s1}, new double[] {1, 1}, new double[single], 1.05);
        CohortStep.Rates r5 = new CohortStep.Rates(new double[][] {s5, s5}, new double[] {1, 1}, new double[five], 1.05);
        for (int step = 0; step < 25; step++) {
            p1 = CohortStep.project(p1, new double[2][single], r1, 1, MigrationTiming.EVEN).population();
        }
        for (int step = 0; step < 5; step++) {
            p5 = CohortStep.project(p5, new double[2][five], r5, 5, MigrationTiming.EVEN).population();
        }
        for (int s = 0; s < 2; s++) {
            double[] grouped = new double[five];
            for (int x = 0; x < single; x++) {
                grouped[Math.min(x / 5, five - 1)] += p1[s][x];
            }
            assertArrayEquals(p5[s], grouped, 1e-9 * total);
        }
        assertEquals(total * Math.exp(-mu * 25), sum(p5[0]) + sum(p5[1]), 1e-9 * total);
    }

    static LifeTable exponential(double[] ages, double mu) {
        double[] big = new double[ages.length];
        for (int i = 0; i < ages.length; i++) {
            double l = Math.exp(-mu * ages[i]);
            big[i] = i < ages.length - 1 ? (l - Math.exp(-mu * ages[i + 1])) / mu : l / mu;
        }
        return LifeTable.fromLx(ages, big, 1);
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
