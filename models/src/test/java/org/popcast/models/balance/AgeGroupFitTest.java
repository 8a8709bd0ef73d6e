package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
