package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.InputException;

/**
 * Rolling-origin forecasts of one city's population (Hyndman and Athanasopoulos, FPP3 section
 * 5.10, "evaluation on a rolling forecasting origin"). An origin C is a year whose population on
 * 1 January is known: the fit sees the populations up to 1 January C and the flows of the years
 * before C (as {@link Backtest}), nothing later; each method forecasts the populations on 1 January
 * of C + 1 .. C + maxHorizon, and every one of them that is known becomes a {@link Forecast}.
 * Origins whose balance fit fails keep their benchmark forecasts (the failure is counted): they
 * still tell the selection how the benchmarks did.
 */
public final class RollingOrigin {

    /** A benchmark needs two known populations up to the origin (drift's slope). */
    static final int MIN_HISTORY = 2;

    private RollingOrigin() {
    }

    /**
     * One forecast of the population from origin {@code origin}, {@code horizon} years ahead, by
     * every method (NaN where a method has none), against the value observed later.
     *
     * @param forecasts    by {@link ForecastMethod#ordinal()}
     * @param balanceLower the balance model's own band (uncalibrated)
     */
    public record Forecast(int origin, int horizon, double observed, double[] forecasts, double balanceLower,
                           double balanceUpper) {
        public int year() {
            return origin + horizon;
        }

        public double forecast(ForecastMethod m) {
            return forecasts[m.ordinal()];
        }

        /** |ln(forecast / observed)|: the error the selection and the bands work with (NaN without a forecast). */
        public double logError(ForecastMethod m) {
            return Math.abs(Math.log(forecast(m) / observed));
        }
    }

    /** The forecasts of one city and, per origin whose balance fit failed, why. */
    /**
     * @param origins   origins forecast from
     * @param fallbacks balance fits whose full curves (asked for) could not be fitted and fell back to simpler forms
     */
    public record Result(BalanceSeries series, List<Forecast> forecasts, Map<Integer, String> failures, int origins, int fallbacks) {
    }

    public static Result run(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings, int maxHorizon) {
        double[] pop = series.population();
        List<Forecast> out = new ArrayList<>();
        Map<Integer, String> failures = new java.util.TreeMap<>();
        int origins = 0;
        int[] fallbacks = {0};
        for (int origin = series.firstYear(); origin < series.lastYear(); origin++) {
            int i = series.index(origin);
            double[] history = BacktestBaselines.populationHistory(pop, i);
            if (!(pop[i] > 0) || history.length < MIN_HISTORY || !anyKnownAfter(pop, i, maxHorizon)) {
                continue;
            }
            origins++;
            double[][] balance = balance(series, jumps, settings, origin, maxHorizon, failures, fallbacks);
            for (int h = 1; h <= maxHorizon && i + h < pop.length; h++) {
                if (!(pop[i + h] > 0)) {
                    continue; // unknown, or a zero count that no relative error can score
                }
                BacktestBaselines b = BacktestBaselines.of(history, h);
                double[] f = new double[ForecastMethod.values().length];
                f[ForecastMethod.BALANCE.ordinal()] = balance[0][h];
                f[ForecastMethod.PERSISTENCE.ordinal()] = b.persistence();
                f[ForecastMethod.DRIFT.ordinal()] = b.drift();
                f[ForecastMethod.DAMPED_TREND.ordinal()] = b.dampedTrend();
                out.add(new Forecast(origin, h, pop[i + h], f, balance[1][h], balance[2][h]));
            }
        }
        return new Result(series, List.copyOf(out), java.util.Collections.unmodifiableMap(failures), origins, fallbacks[0]);
    }

    private static boolean anyKnownAfter(double[] pop, int i, int maxHorizon) {
        for (int h = 1; h <= maxHorizon && i + h < pop.length; h++) {
            if (pop[i + h] > 0) {
                return true;
            }
        }
        return false;
    }

    /** {model, lower, upper} of the balance model by horizon 0..maxHorizon; NaN where the fit failed. */
    private static double[][] balance(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings, int origin,
                                      int maxHorizon, Map<Integer, String> failures, int[] fallbacks) {
        double[][] out = new double[3][maxHorizon + 1];
        for (double[] r : out) {
            java.util.Arrays.fill(r, Double.NaN);
        }
        try {
            BalanceSeries training = Backtest.withoutFlowsOf(series.between(series.firstYear(), origin), origin);
            FittedBalance fit = BalanceFit.fit(training, jumps, settings);
            fallbacks[0] += fit.fallback().isEmpty() ? 0 : 1;
            BalanceForecast f = BalanceForecast.of(fit, origin + maxHorizon);
            double[][] v = f.values(Indicator.POPULATION);
            for (int h = 1; h <= maxHorizon; h++) {
                int y = origin + h - f.firstYear();
                out[0][h] = v[BalanceForecast.MODEL][y];
                out[1][h] = v[BalanceForecast.LOWER][y];
                out[2][h] = v[BalanceForecast.UPPER][y];
            }
        } catch (InputException e) {
            failures.put(origin, e.getMessage());
        }
        return out;
    }
}
