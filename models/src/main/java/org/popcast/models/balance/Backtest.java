package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;

import org.popcast.data.input.InputException;

/**
 * Fits on all but the last k years and forecasts them (seed 002, section 7.1.8). With cutoff
 * C = last year - k, the fit sees the populations on 1 January up to C and the flows up to C - 1;
 * the forecast is compared with the populations of C + 1 .. last and the flows of C .. last - 1.
 * Errors as in the seed's table and cohort-component validation: PE = (F - A) / A x 100,
 * APE = |PE|.
 */
public record Backtest(BalanceSeries series, int cutoff, FittedBalance fit, BalanceForecast forecast, List<Row> rows) {

    /**
     * One held-out value against its forecast and the benchmarks' forecasts from the same origin
     * ({@link BacktestBaselines}: NaN where the history is too short).
     */
    public record Row(Indicator indicator, int year, int horizon, double observed, double forecast, double lower,
                      double upper, double persistence, double drift, double dampedTrend) {
        public double pe() {
            return (forecast - observed) / observed * 100;
        }

        public double ape() {
            return Math.abs(pe());
        }

        public boolean inside() {
            return observed >= lower && observed <= upper;
        }

        /** APE of a benchmark's forecast. */
        public static double ape(double forecast, double observed) {
            return Math.abs((forecast - observed) / observed * 100);
        }
    }

    public static Backtest run(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings, int holdout) {
        int cutoff = series.lastYear() - holdout;
        if (holdout < 1 || cutoff <= series.firstYear()) {
            throw new InputException(series.source() + ": cannot hold out " + holdout + " of the years "
                    + series.firstYear() + "-" + series.lastYear());
        }
        BalanceSeries training = withoutFlowsOf(series.between(series.firstYear(), cutoff), cutoff);
        FittedBalance fit = BalanceFit.fit(training, jumps, settings);
        BalanceForecast forecast = BalanceForecast.of(fit, series.lastYear());
        var observed = BalanceForecast.observed(series);
        List<Row> rows = new ArrayList<>();
        for (Indicator ind : Indicator.values()) {
            double[][] v = forecast.values(ind);
            int firstHeldOut = ind.isStock() ? cutoff + 1 : cutoff;
            double[] history = BacktestBaselines.history(observed[ind.ordinal()], firstHeldOut - 1 - series.firstYear());
            for (int year = firstHeldOut; year <= series.lastYear(); year++) {
                int i = year - series.firstYear();
                double a = observed[ind.ordinal()][i].v();
                if (!Double.isNaN(a) && !Double.isNaN(v[BalanceForecast.MODEL][i])) {
                    int h = year - firstHeldOut + 1;
                    BacktestBaselines b = BacktestBaselines.of(history, h);
                    rows.add(new Row(ind, year, h, a, v[BalanceForecast.MODEL][i], v[BalanceForecast.LOWER][i],
                            v[BalanceForecast.UPPER][i], b.persistence(), b.drift(), b.dampedTrend()));
                }
            }
        }
        return new Backtest(series, cutoff, fit, forecast, List.copyOf(rows));
    }

    /** The series with the flows of {@code year} blanked: they are not known on 1 January of it. */
    static BalanceSeries withoutFlowsOf(BalanceSeries s, int year) {
        int i = s.index(year);
        double[][] flows = {s.births().clone(), s.deaths().clone(), s.naturalIncrease().clone(), s.arrivals().clone(),
                s.departures().clone(), s.netMigration().clone()};
        for (double[] f : flows) {
            f[i] = Double.NaN;
        }
        return new BalanceSeries(s.source(), s.firstYear(), s.population(), flows[0], flows[1], flows[2], flows[3],
                flows[4], flows[5]);
    }

    /** Rows of one indicator. */
    public List<Row> rows(Indicator ind) {
        return rows.stream().filter(r -> r.indicator() == ind).toList();
    }
}
