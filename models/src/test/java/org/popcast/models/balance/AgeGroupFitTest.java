package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputException;
import org.popcast.kernels.balance.AgeGroupOde;
import org.popcast.kernels.balance.BalanceForcing;

class AgeGroupFitTest {

    static final double[] SHARES = {0.15, 0.75, 0.10}, MULTIPLIERS = {0.2, 1, 5}, G0 = {1.8e5, 6.5e5, 1.7e5};

    @Test
    void recoversSharesAndDeathRateMultipliersAndAddsUpToLevelOne() {
        BalanceSeries s = SyntheticCity.series(20, 0, 0, 0, 3);
        FittedBalance level1 = BalanceFit.fit(s, List.of(), BalanceFitTest.FULL);
        AgeGroupOde.Solution truth = new AgeGroupOde(BalanceSettings.STEPS_PER_YEAR_DEFAULT).solve(SyntheticCity.TRUTH,
                SyntheticCity.N0, SyntheticCity.ORIGIN, SyntheticCity.FIRST, G0, SHARES, MULTIPLIERS,
                AgeGroupFit.WIDTHS_DEFAULT, BalanceForcing.none(19));
        TreeMap<Integer, double[]> observed = new TreeMap<>();
        for (int y = 0; y < 20; y += 2) {
            observed.put(SyntheticCity.FIRST + y, truth.groups()[y]);
        }
        AgeGroupFit.Result r = AgeGroupFit.fit(level1, observed, AgeGroupFit.WIDTHS_DEFAULT, 2030, "groups.csv");
        assertEquals(SyntheticCity.FIRST, r.startYear());
        for (int i = 0; i < 3; i++) {
            assertEquals(SHARES[i], r.shares()[i], 2e-3, "migration share " + AgeGroupFit.GROUPS[i]);
            assertEquals(MULTIPLIERS[i], r.multipliers()[i], 0.02 * MULTIPLIERS[i], "death-rate multiplier " + AgeGroupFit.GROUPS[i]);
        }
        var path = level1.solveUntil(2030);
        for (int y = 0; y <= 30; y++) {
            double[] g = r.groups()[y];
            assertEquals(path.population()[y], g[0] + g[1] + g[2], 1e-9 * path.population()[y], "groups add up in " + (2000 + y));
        }
    }

    /**
     * No migrants go to the old group (a share of 0, on the constraint) and the groups carry 1 %
     * noise: shares must stay >= 0 and the multipliers within their bounds, and the young group's
     * death rate must not collapse to 0 (issue 16 measured 0.000 and a share of -0.148).
     */
    @Test
    void sharesStayNonNegativeAndMultipliersBoundedOnNoisyData() {
        BalanceSeries s = SyntheticCity.series(20, 0, 0, 0, 3);
        FittedBalance level1 = BalanceFit.fit(s, List.of(), BalanceFitTest.FULL);
        double[] shares = {0.3, 0.7, 0.0};
        AgeGroupOde.Solution truth = new AgeGroupOde(BalanceSettings.STEPS_PER_YEAR_DEFAULT).solve(SyntheticCity.TRUTH,
                SyntheticCity.N0, SyntheticCity.ORIGIN, SyntheticCity.FIRST, G0, shares, MULTIPLIERS,
                AgeGroupFit.WIDTHS_DEFAULT, BalanceForcing.none(19));
        int negative = 0;
        for (long seed = 1; seed <= 6; seed++) {
            java.util.Random rng = new java.util.Random(seed);
            TreeMap<Integer, double[]> observed = new TreeMap<>();
            for (int y = 0; y < 20; y += 2) {
                double[] g = truth.groups()[y].clone();
                for (int k = 0; k < 3; k++) {
                    g[k] *= 1 + 0.01 * rng.nextGaussian();
                }
                observed.put(SyntheticCity.FIRST + y, g);
            }
            AgeGroupFit.Result r = AgeGroupFit.fit(level1, observed, AgeGroupFit.WIDTHS_DEFAULT, 2020, "groups.csv");
            for (int i = 0; i < 3; i++) {
                assertTrue(r.shares()[i] >= -1e-12, "share " + i + " = " + r.shares()[i] + " (seed " + seed + ")");
                assertTrue(r.multipliers()[i] >= AgeGroupFit.MULTIPLIER_MIN && r.multipliers()[i] <= AgeGroupFit.MULTIPLIER_MAX);
            }
            assertEquals(1, r.shares()[0] + r.shares()[1] + r.shares()[2], 1e-12);
            negative += Math.abs(r.shares()[2]) <= 1e-12 ? 1 : 0; // at the bound: 1 - s_young - s_working rounds to +-1e-16
        }
        assertTrue(negative >= 1, "the constraint binds on some of the noisy draws (else this test tests nothing)");
    }

    @Test
    void projectionKeepsTheConstraints() {
        double[] p = AgeGroupFit.project(new double[] {-0.2, 1.5, -10, 10});
        assertEquals(0, p[0]);
        assertEquals(1, p[1], 1e-15);
        assertEquals(Math.log(AgeGroupFit.MULTIPLIER_MIN), p[2], 1e-15);
        assertEquals(Math.log(AgeGroupFit.MULTIPLIER_MAX), p[3], 1e-15);
        double[] inside = {0.2, 0.7, 0.1, -0.3};
        org.junit.jupiter.api.Assertions.assertArrayEquals(inside, AgeGroupFit.project(inside), 0);
    }

    @Test
    void needsAYearWithAllGroupsAndEnoughLaterOnes() {
        FittedBalance level1 = BalanceFit.fit(SyntheticCity.series(20, 0, 0, 0, 3), List.of(), BalanceFitTest.FULL);
        TreeMap<Integer, double[]> one = new TreeMap<>();
        one.put(2005, new double[] {1, Double.NaN, 1});
        InputException e = assertThrows(InputException.class, () -> AgeGroupFit.fit(level1, one, AgeGroupFit.WIDTHS_DEFAULT, 2020, "g.csv"));
        assertEquals("g.csv: no year from 2000 on has all three groups (young, working, old)", e.getMessage());
        one.put(2006, new double[] {1, 2, 1});
        one.put(2007, new double[] {1, 2, 1});
        e = assertThrows(InputException.class, () -> AgeGroupFit.fit(level1, one, AgeGroupFit.WIDTHS_DEFAULT, 2020, "g.csv"));
        assertEquals("g.csv: too few group populations after 2006 to fit four parameters: 3", e.getMessage());
    }
}
