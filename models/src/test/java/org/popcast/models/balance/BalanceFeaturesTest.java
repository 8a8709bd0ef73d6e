package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputException;
import org.popcast.kernels.balance.BalanceForcing;
import org.popcast.kernels.balance.BalancePath;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/** Gap filling, anomalies, jumps, the indicators' identities and a backtest on the embedded city. */
class BalanceFeaturesTest {

    static final int YEARS = 20;

    @Test
    void gapFillingRestoresRemovedValues() {
        BalanceSeries s = SyntheticCity.series(YEARS, 0.005, 0.0005, 0, 11);
        int[] popGaps = {2005, 2010}, birthGaps = {2007, 2012}, arrivalGaps = {2009};
        for (int y : popGaps) {
            s.population()[s.index(y)] = Double.NaN;
        }
        for (int y : birthGaps) {
            s.births()[s.index(y)] = Double.NaN;
        }
        for (int y : arrivalGaps) {
            s.arrivals()[s.index(y)] = Double.NaN;
        }
        BalanceForecast f = BalanceForecast.of(BalanceFit.fit(s, List.of(), BalanceSettings.DEFAULT), s.lastYear());
        BalancePath truth = SyntheticCity.truth(YEARS);
        for (int y : popGaps) {
            int i = s.index(y);
            assertTrue(Double.isNaN(f.values(Indicator.POPULATION)[BalanceForecast.OBSERVED][i]));
            assertEquals(truth.population()[i], f.values(Indicator.POPULATION)[BalanceForecast.MODEL][i], 0.002 * truth.population()[i],
                    "population restored in " + y);
        }
        for (int y : birthGaps) {
            int i = s.index(y);
            assertEquals(truth.births()[i], f.values(Indicator.BIRTHS)[BalanceForecast.MODEL][i], 0.01 * truth.births()[i], "births in " + y);
        }
        int i = s.index(2009);
        assertEquals(truth.arrivals()[i], f.values(Indicator.ARRIVALS)[BalanceForecast.MODEL][i], 0.01 * truth.arrivals()[i], "arrivals");
    }

    @Test
    void anomaliesAreFlaggedAndOnRequestReplaced() {
        BalanceSeries s = SyntheticCity.series(YEARS, 0.005, 0.0005, 0, 12);
        int b = s.index(2008), p = s.index(2012);
        s.births()[b] *= 1.5;
        s.population()[p] *= 1.04;
        FittedBalance kept = BalanceFit.fit(s, List.of(), BalanceSettings.DEFAULT);
        Set<String> flagged = kept.anomalies().stream().map(a -> a.measure().label() + " " + a.year()).collect(Collectors.toSet());
        assertEquals(Set.of("births 2008", "population 2012"), flagged);
        assertTrue(!kept.replaced());
        FittedBalance replaced = BalanceFit.fit(s, List.of(), BalanceSettings.DEFAULT.withReplaceAnomalies(true));
        assertTrue(replaced.replaced());
        BalancePath truth = SyntheticCity.truth(YEARS);
        assertEquals(truth.births()[b], replaced.path().births()[b], 0.01 * truth.births()[b], "births 2008 restored");
        assertEquals(truth.population()[p], replaced.path().population()[p], 0.002 * truth.population()[p], "population 2012 restored");
        double keptError = Math.abs(kept.path().population()[p] / truth.population()[p] - 1);
        double replacedError = Math.abs(replaced.path().population()[p] / truth.population()[p] - 1);
        assertTrue(replacedError < keptError, "leaving the anomalies out helps: " + replacedError + " vs " + keptError);
    }

    @Test
    void aKnownTerritoryChangeIsModelledAndPlannedJumpsShiftTheForecast() {
        // the truth: 60,000 people join on 1 January 2010
        BalanceForcing step = BalanceForcing.none(YEARS);
        step.populationStep()[10] = 60_000;
        BalancePath truth = new TrapezoidBalanceOde(BalanceSettings.STEPS_PER_YEAR_DEFAULT).solve(SyntheticCity.TRUTH,
                SyntheticCity.N0, SyntheticCity.ORIGIN, SyntheticCity.FIRST, step, false);
        double[] none = new double[YEARS];
        Arrays.fill(none, Double.NaN);
        BalanceSeries s = new BalanceSeries("step", SyntheticCity.FIRST, Arrays.copyOf(truth.population(), YEARS), truth.births(),
                truth.deaths(), none, truth.arrivals(), truth.departures(), none);
        List<BalanceJump> territory = List.of(new BalanceJump(2010, Measure.POPULATION, 60_000, false));
        FittedBalance with = BalanceFit.fit(s, territory, BalanceFitTest.FULL);
        FittedBalance without = BalanceFit.fit(s, List.of(), BalanceSettings.DEFAULT);
        double errWith = BalanceOutputs.rmsRelative(with, Measure.POPULATION), errWithout = BalanceOutputs.rmsRelative(without, Measure.POPULATION);
        assertTrue(errWith < 1e-4, "with the jump the data are fitted exactly: " + errWith + " %");
        assertTrue(errWithout > 100 * errWith, "without it they are not: " + errWithout + " %");

        // planned: 5,000 extra arrivals a year from 2025 on, or once in 2025
        FittedBalance base = BalanceFit.fit(SyntheticCity.series(YEARS, 0.005, 0.0005, 0, 13), List.of(), BalanceSettings.DEFAULT);
        int i2030 = 2030 - SyntheticCity.FIRST;
        double n0 = BalanceForecast.of(base, 2030).values(Indicator.POPULATION)[0][i2030];
        double lasting = population2030(base, new BalanceJump(2025, Measure.ARRIVALS, 5000, true)) - n0;
        double once = population2030(base, new BalanceJump(2025, Measure.ARRIVALS, 5000, false)) - n0;
        // the newcomers then follow the city's natural increase, about -4.5 per mille a year by then
        assertEquals(25_000, lasting, 0.02 * 25_000, "five years of 5,000");
        assertEquals(5000, once, 0.03 * 5000, "one year of 5,000");
        assertTrue(lasting < 25_000 && once < 5000, "deaths exceed births in the 2020s: " + lasting + ", " + once);
        double arrivals2027 = BalanceForecast.of(withJumps(base, new BalanceJump(2025, Measure.ARRIVALS, 5000, true)), 2030)
                .values(Indicator.ARRIVALS)[0][2027 - SyntheticCity.FIRST];
        assertEquals(BalanceForecast.of(base, 2030).values(Indicator.ARRIVALS)[0][2027 - SyntheticCity.FIRST] + 5000, arrivals2027, 1e-6);
    }

    private static FittedBalance withJumps(FittedBalance f, BalanceJump j) {
        return new FittedBalance(f.series(), List.of(j), f.settings(), f.origin(), f.observations(), f.map(), f.free(),
                f.covariance(), f.sigma2(), f.dof(), f.iterations(), f.evaluations(), f.path(), f.anomalies(), f.replaced(), f.fallback());
    }

    private static double population2030(FittedBalance base, BalanceJump j) {
        return BalanceForecast.of(withJumps(base, j), 2030).values(Indicator.POPULATION)[0][2030 - SyntheticCity.FIRST];
    }

    @Test
    void theIndicatorsKeepTheAccountingIdentities() {
        FittedBalance fit = BalanceFit.fit(SyntheticCity.series(YEARS, 0.01, 0.001, 0.05, 14), List.of(), BalanceSettings.DEFAULT);
        BalanceForecast f = BalanceForecast.of(fit, 2040);
        double[] n = f.values(Indicator.POPULATION)[0], b = f.values(Indicator.BIRTHS)[0], d = f.values(Indicator.DEATHS)[0];
        double[] in = f.values(Indicator.ARRIVALS)[0], out = f.values(Indicator.DEPARTURES)[0];
        double[] e = f.values(Indicator.NATURAL_INCREASE)[0], m = f.values(Indicator.MIGRATION_INCREASE)[0];
        double[] br = f.values(Indicator.BIRTH_RATE)[0], dr = f.values(Indicator.DEATH_RATE)[0], er = f.values(Indicator.NATURAL_INCREASE_RATE)[0];
        double[] mr = f.values(Indicator.MIGRATION_INCREASE_RATE)[0], ir = f.values(Indicator.ARRIVAL_RATE)[0], or = f.values(Indicator.DEPARTURE_RATE)[0];
        for (int y = 0; y + 1 < f.years(); y++) {
            assertEquals(n[y + 1] - n[y], e[y] + m[y], 1e-9 * n[y], "balance in " + (f.firstYear() + y));
            assertEquals(b[y] - d[y], e[y], 1e-9 * b[y]);
            assertEquals(in[y] - out[y], m[y], 1e-9 * in[y]);
            assertEquals(2000 * b[y] / (n[y] + n[y + 1]), br[y], 1e-12 * br[y], "the seed's K_P");
            assertEquals(br[y] - dr[y], er[y], 1e-9);
            assertEquals(ir[y] - or[y], mr[y], 1e-9);
        }
        // bands only beyond the data, widening with the horizon, around the model
        double[][] p = f.values(Indicator.POPULATION);
        assertTrue(Double.isNaN(p[BalanceForecast.LOWER][5]));
        int last = f.years() - 1;
        assertTrue(p[BalanceForecast.LOWER][last] < p[0][last] && p[0][last] < p[BalanceForecast.UPPER][last]);
        assertTrue(p[BalanceForecast.UPPER][last] / p[0][last] > p[BalanceForecast.UPPER][YEARS + 1] / p[0][YEARS + 1]);
        double[][] mig = f.values(Indicator.MIGRATION_INCREASE);
        assertEquals(mig[0][last] - mig[BalanceForecast.LOWER][last], mig[BalanceForecast.UPPER][last] - mig[0][last], 1e-6,
                "differences get symmetric bands");
    }

    @Test
    void anAnchoredForecastStartsFromTheLastObservedPopulation() {
        BalanceSeries s = SyntheticCity.series(YEARS, 0.01, 0.001, 0.1, 16);
        FittedBalance plain = BalanceFit.fit(s, List.of(), BalanceSettings.DEFAULT);
        FittedBalance anchored = BalanceFit.fit(s, List.of(), BalanceSettings.DEFAULT.withAnchor(true));
        int last = s.years() - 1;
        double[][] a = BalanceForecast.of(anchored, 2030).values(Indicator.POPULATION);
        double[][] p = BalanceForecast.of(plain, 2030).values(Indicator.POPULATION);
        assertEquals(s.population()[last], a[0][last], 1e-6, "the forecast starts at the observation");
        assertTrue(Math.abs(p[0][last] - s.population()[last]) > 1, "the fitted path does not pass through it");
        assertEquals(p[0][last - 1], a[0][last - 1], 1e-6, "the past is the fitted path");
        double[] e = BalanceForecast.of(anchored, 2030).values(Indicator.NATURAL_INCREASE)[0];
        double[] m = BalanceForecast.of(anchored, 2030).values(Indicator.MIGRATION_INCREASE)[0];
        for (int y = last; y < 2030 - SyntheticCity.FIRST; y++) {
            assertEquals(a[0][y + 1] - a[0][y], e[y] + m[y], 1e-6 * a[0][y], "balance in " + (SyntheticCity.FIRST + y));
        }
        // the same curves: only the level moves
        assertEquals(a[0][30] / a[0][last], p[0][30] / p[0][last], 1e-3);
    }

    @Test
    void theEmbeddedCityBacktestsWithinOnePercent() {
        ChinaCitySeries table = ChinaCitySeries.builtin();
        BalanceSeries s = table.series(table.city(ChinaCitySeries.DEFAULT_CITY));
        Backtest bt = Backtest.run(s, List.of(), BalanceSettings.DEFAULT, 3);
        assertEquals(2020, bt.cutoff());
        List<Backtest.Row> pop = bt.rows(Indicator.POPULATION);
        assertEquals(List.of(2022, 2023), pop.stream().map(Backtest.Row::year).toList(), "the end-2020 value is missing");
        for (Backtest.Row r : pop) {
            assertTrue(r.ape() < 1, r.year() + ": " + r.pe() + " %");
            assertTrue(r.inside(), r.year() + " inside the band");
        }
        assertTrue(!bt.fit().separateMigration(), "the table has no arrivals or departures");
    }

    @Test
    void fitsThatCannotBeMadeSaySo() {
        BalanceSeries s = SyntheticCity.series(YEARS, 0.01, 0.001, 0, 15);
        BalanceSettings tight = new BalanceSettings(null, 4, true, 0.9, 3.5, false, 2, false);
        InputException e = assertThrows(InputException.class, () -> BalanceFit.fit(s, List.of(), tight));
        assertTrue(e.getMessage().startsWith("synthetic: the fit did not converge within 2 evaluations"), e.getMessage());
        BalanceSeries short2 = s.between(2000, 2001);
        e = assertThrows(InputException.class, () -> BalanceFit.fit(short2, List.of(), BalanceSettings.DEFAULT));
        assertEquals("synthetic: too few years to fit: 2 known populations, need at least 3", e.getMessage());
        double[] nan = new double[YEARS];
        Arrays.fill(nan, Double.NaN);
        BalanceSeries noBirths = new BalanceSeries("s.csv", 2000, s.population(), nan, s.deaths(), nan, nan, nan, nan);
        e = assertThrows(InputException.class, () -> BalanceFit.fit(noBirths, List.of(), BalanceSettings.DEFAULT));
        assertTrue(e.getMessage().contains("births and deaths must each be known"), e.getMessage());
    }
}
