package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputException;

/**
 * Issue 16's bad input: gaps, zeros, negative counts, one year, duplicated years. Each is a
 * one-line error naming file, line and column, or a documented repair (docs/balance-model.md).
 */
class BalanceBadInputTest {

    private static final String HEADER = "year,population,births,deaths\n";

    private static String message(String text) {
        InputException e = assertThrows(InputException.class, () -> BalanceFit.fit(BalanceSeriesCsv.parse("s.csv", text), List.of(),
                BalanceSettings.DEFAULT));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void negativeCountsNameLineAndColumn() {
        assertTrue(message(HEADER + "2000,1000,10,8\n2001,1002,-10,8\n").startsWith("s.csv:3:3: births is a count and must be >= 0"));
    }

    @Test
    void aZeroPopulationNamesLineAndColumn() {
        assertTrue(message(HEADER + "2000,1000,10,8\n2001,0,10,8\n2002,1004,10,8\n")
                .startsWith("s.csv:3:2: a population of 0 cannot be modelled"));
    }

    @Test
    void zeroFlowsAreCountsAndFit() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int y = 0; y < 8; y++) {
            csv.append(2000 + y).append(',').append(1000 + 2 * y).append(",0,").append(y % 2 == 0 ? "0" : "1").append('\n');
        }
        FittedBalance fit = BalanceFit.fit(BalanceSeriesCsv.parse("s.csv", csv.toString()), List.of(), BalanceSettings.DEFAULT);
        assertTrue(fit.path().population()[7] > 1000, "zero births are data, not an error");
    }

    @Test
    void duplicatedYearsNameBothLines() {
        assertTrue(message(HEADER + "2000,1000,10,8\n2001,1002,10,8\n2001,1003,10,8\n")
                .startsWith("s.csv:4:1: year 2001 appears again (first on line 3)"));
    }

    @Test
    void oneYearIsTooFew() {
        assertTrue(message(HEADER + "2000,1000,10,8\n").contains("too few years to fit: 1 known populations, need at least 3"));
    }

    /** The repair: a skipped year is a missing year, restored from the model and marked (status 1). */
    @Test
    void gapsBecomeMissingYearsRestoredByTheModel() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int y = 0; y < 10; y++) {
            if (y != 4) {
                csv.append(2000 + y).append(',').append(100_000 + 500 * y).append(",1200,800\n");
            }
        }
        BalanceSeries s = BalanceSeriesCsv.parse("s.csv", csv.toString());
        assertEquals(10, s.years());
        assertTrue(Double.isNaN(s.population()[4]) && Double.isNaN(s.births()[4]));
        BalanceForecast f = BalanceModel.run(BalanceSettings.DEFAULT, new BalanceInput(s, List.of()), 2009);
        double restored = f.values(Indicator.POPULATION)[BalanceForecast.MODEL][4];
        assertEquals(102_000, restored, 100, "the model's 2004 lies on the line through its neighbours");
        // the rolling origins fill the benchmarks' histories over the gap (log-linear) and skip its target
        List<RollingOrigin.Forecast> rows = RollingOrigin.run(s, List.of(), BalanceSettings.DEFAULT, 3).forecasts();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().noneMatch(r -> r.year() == 2004), "no target without an observation");
        RollingOrigin.Forecast after = rows.stream().filter(r -> r.origin() == 2005 && r.horizon() == 1).findFirst().orElseThrow();
        assertEquals(100_000 + 500 * 6, after.forecast(ForecastMethod.DRIFT), 1e-6, "drift through 2000 and 2005, over the gap");
    }

    @Test
    void zeroCountsInTheEmbeddedLayoutAreSkippedByTheRollingOrigins() {
        double nan = Double.NaN;
        double[] pop = {1000, 1010, 0, 1030, 1040, 1050, 1060}, none = {nan, nan, nan, nan, nan, nan, nan};
        BalanceSeries s = new BalanceSeries("t", 2000, pop, none, none, none, none, none, none);
        List<RollingOrigin.Forecast> rows = RollingOrigin.run(s, List.of(), BalanceSettings.DEFAULT, 2).forecasts();
        // no target 2002 (zero), no origin 2002 (zero) or 2003 (one value after the zero): origins 2001, 2004, 2005
        assertEquals(List.of(2001, 2004, 2004, 2005), rows.stream().map(RollingOrigin.Forecast::origin).toList());
        assertTrue(rows.stream().noneMatch(r -> r.year() == 2002));
        assertTrue(rows.stream().allMatch(r -> Double.isNaN(r.forecast(ForecastMethod.BALANCE))), "no births: no balance fit, no crash");
        RollingOrigin.Forecast from2004 = rows.get(1);
        assertEquals(1050, from2004.forecast(ForecastMethod.DRIFT), 1e-9, "history starts after the zero: 1030, 1040");
    }
}
