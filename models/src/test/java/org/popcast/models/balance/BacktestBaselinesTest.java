package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.kernels.forecast.DampedTrend;

/** Every backtest row carries the benchmarks' forecasts, made from the training years only. */
class BacktestBaselinesTest {

    @Test
    void benchmarksUseOnlyTheYearsUpToTheOrigin() {
        BalanceSeries s = SyntheticCity.series(12, 0.01, 0.002, 0, 7);
        Backtest bt = Backtest.run(s, List.of(), BalanceSettings.DEFAULT, 3);
        int cutoff = bt.cutoff();
        double[] pop = s.population();
        int origin = cutoff - s.firstYear();
        double[] history = java.util.Arrays.copyOf(pop, origin + 1);
        for (Backtest.Row r : bt.rows(Indicator.POPULATION)) {
            int h = r.year() - cutoff;
            assertEquals(h, r.horizon());
            assertEquals(pop[origin], r.persistence(), 0, "persistence: the population at the cutoff");
            assertEquals(pop[origin] + h * (pop[origin] - pop[0]) / origin, r.drift(), 1e-6 * pop[origin], "drift");
            double[] logs = java.util.Arrays.stream(history).map(Math::log).toArray();
            assertEquals(Math.exp(DampedTrend.fit(logs).forecast(h)), r.dampedTrend(), 1e-9 * pop[origin], "damped trend on logs");
        }
        // flows start a year earlier: their origin is the year before the cutoff
        Backtest.Row births = bt.rows(Indicator.BIRTHS).get(0);
        assertEquals(cutoff, births.year());
        assertEquals(1, births.horizon());
        assertEquals(s.births()[cutoff - 1 - s.firstYear()], births.persistence(), 0);
        assertFalse(bt.rows().isEmpty());
        assertTrue(bt.rows().stream().allMatch(r -> !Double.isNaN(r.persistence())), "every row has a persistence forecast");
    }

    @Test
    void aMissingOriginValueGivesNoBenchmarks() {
        Dual[] observed = {new Dual(1, new double[0]), new Dual(2, new double[0]), new Dual(Double.NaN, new double[0])};
        assertEquals(0, BacktestBaselines.history(observed, 2).length);
        assertEquals(2, BacktestBaselines.history(observed, 1).length);
        assertTrue(Double.isNaN(BacktestBaselines.of(new double[0], 1).persistence()));
        assertTrue(Double.isNaN(BacktestBaselines.of(new double[] {3, 4}, 1).dampedTrend()), "smoothing needs three values");
    }
}
