package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The population by a method from an origin: the combination's weights and every forecast come
 * from data up to the origin only, bands from calibration scores known at the origin.
 */
class MethodForecastTest {

    static final int ORIGIN = 2009, UNTIL = 2012;
    static final BandCalibration NO_CALIBRATION = new BandCalibration(List.of(), 0.9, "none");

    /** The series with everything after 1 January {@code after} rewritten: a boom of 8 % a year and doubled flows. */
    private static BalanceSeries otherFuture(BalanceSeries s, int after) {
        double[] pop = s.population().clone(), b = s.births().clone(), in = s.arrivals().clone();
        for (int i = s.index(after) + 1; i < pop.length; i++) {
            pop[i] = pop[i - 1] * 1.08;
        }
        for (int i = s.index(after); i < pop.length; i++) {
            b[i] *= 2;
            in[i] *= 2;
        }
        return new BalanceSeries(s.source(), s.firstYear(), pop, b, s.deaths(), s.naturalIncrease(), in, s.departures(), s.netMigration());
    }

    /** The balance model fitted on data up to 1 January {@code origin} (as a backtest does). */
    private static BalanceForecast balance(BalanceSeries s, int origin) {
        FittedBalance fit = BalanceFit.fit(Backtest.withoutFlowsOf(s.between(s.firstYear(), origin), origin), List.of(), BalanceSettings.DEFAULT);
        return BalanceForecast.of(fit, UNTIL + 3);
    }

    private static MethodForecast combination(BalanceSeries s, int origin) {
        return MethodForecast.of(PopulationMethod.COMBINATION, s, List.of(), BalanceSettings.DEFAULT, balance(s, origin), origin,
                UNTIL + 3, NO_CALIBRATION);
    }

    @Test
    void theCombinationNeverReadsTheOriginsFuture() {
        BalanceSeries city = SyntheticCity.series(15, 0.02, 0.002, 0.5, 7);
        BalanceSeries boom = otherFuture(city, ORIGIN);
        MethodForecast now = combination(city, ORIGIN), boomNow = combination(boom, ORIGIN);
        for (int k = 0; k < now.steps().size(); k++) {
            MethodForecast.Step a = now.steps().get(k), b = boomNow.steps().get(k);
            assertEquals(ForecastCombination.Source.CITY, a.combined().source());
            assertArrayEquals(a.combined().weights(), b.combined().weights(), 0, "weights at horizon " + a.horizon());
            assertEquals(a.forecast(), b.forecast(), 0);
            assertArrayEquals(a.row().forecasts(), b.row().forecasts(), 0);
            assertFalse(a.row().observed() == b.row().observed(), "the futures differ: the test could fail");
        }
        // the same boom, known by a later origin, does move the weights: it would have changed them
        double[] before = combination(city, ORIGIN + 3).steps().get(0).combined().weights();
        double[] after = combination(boom, ORIGIN + 3).steps().get(0).combined().weights();
        double moved = 0;
        for (int m = 0; m < before.length; m++) {
            moved = Math.max(moved, Math.abs(before[m] - after[m]));
        }
        assertTrue(moved > 0.05, "weights once the boom is past: " + java.util.Arrays.toString(before) + " vs " + java.util.Arrays.toString(after));
    }

    @Test
    void aSingleMethodIsThatMethodsForecastAndTheBalanceKeepsItsOwnBand() {
        BalanceSeries city = SyntheticCity.series(15, 0.02, 0.002, 0.5, 7);
        BalanceForecast b = balance(city, ORIGIN);
        double[] history = BacktestBaselines.populationHistory(city.population(), city.index(ORIGIN));
        MethodForecast drift = MethodForecast.of(PopulationMethod.DRIFT, city, List.of(), BalanceSettings.DEFAULT, b, ORIGIN, UNTIL,
                NO_CALIBRATION);
        assertEquals(UNTIL - ORIGIN, drift.steps().size());
        for (MethodForecast.Step s : drift.steps()) {
            assertEquals(BacktestBaselines.of(history, s.horizon()).drift(), s.forecast(), 0);
            assertTrue(Double.isNaN(s.lower()) && s.scores() == 0, "no calibration scores, no band");
        }
        MethodForecast raw = MethodForecast.of(PopulationMethod.BALANCE, city, List.of(), BalanceSettings.DEFAULT, b, ORIGIN, UNTIL, null);
        double[][] pop = b.values(Indicator.POPULATION);
        MethodForecast.Step s = raw.steps().get(1);
        int y = s.year() - b.firstYear();
        assertEquals(pop[BalanceForecast.MODEL][y], s.forecast(), 0);
        assertEquals(pop[BalanceForecast.LOWER][y], s.lower(), 0);
        assertEquals(pop[BalanceForecast.UPPER][y], s.upper(), 0);
    }

    @Test
    void bandsComeFromScoresKnownAtTheOrigin() {
        // 40 past scores of the drift at horizon 1: |ln(F/A)| = 0.01 .. 0.40 with target years up to the origin, and
        // 40 huge ones after it; the 90 % factor is the ceil(41 x 0.9) = 37th smallest of the past ones: 0.37
        List<RollingBacktests.Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            double e = i <= 40 ? i / 100.0 : 5;
            int origin = i <= 40 ? ORIGIN - 1 : ORIGIN + 1;
            double[] f = {Double.NaN, Double.NaN, 1000 * Math.exp(e), Double.NaN};
            rows.add(new RollingBacktests.Row(null, new RollingOrigin.Forecast(origin, 1, 1000, f, Double.NaN, Double.NaN),
                    ForecastCombination.Combined.NONE, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        BandCalibration cal = new BandCalibration(rows, 0.9, "test");
        BalanceSeries city = SyntheticCity.series(15, 0.02, 0.002, 0.5, 7);
        MethodForecast drift = MethodForecast.of(PopulationMethod.DRIFT, city, List.of(), BalanceSettings.DEFAULT, balance(city, ORIGIN),
                ORIGIN, UNTIL, cal);
        MethodForecast.Step s = drift.steps().get(0);
        assertEquals(40, s.scores());
        assertEquals(0.37, s.factor(), 1e-12);
        assertEquals(s.forecast() * Math.exp(0.37), s.upper(), 1e-6 * s.forecast());
        assertTrue(Double.isNaN(drift.steps().get(1).lower()), "no horizon-2 scores, no band");
    }

    @Test
    void methodsParseByLabelAndRefuseOthersInOneLine() {
        assertEquals(PopulationMethod.DAMPED_TREND, PopulationMethod.parse("damped-trend"));
        assertEquals(PopulationMethod.COMBINATION, PopulationMethod.parse("Combination"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PopulationMethod.parse("arima"));
        assertEquals("unknown method 'arima'; expected one of balance, combination, persistence, drift, damped-trend", e.getMessage());
    }
}
