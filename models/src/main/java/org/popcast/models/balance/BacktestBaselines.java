package org.popcast.models.balance;

import java.util.Arrays;

import org.popcast.kernels.forecast.DampedTrend;
import org.popcast.kernels.forecast.NaiveForecast;

/**
 * The benchmarks a backtest row is shown beside (docs/balance-model.md): persistence, drift and
 * exponential smoothing with a damped trend, each from the indicator's own observed history up to
 * the origin (the last training year: the cutoff for the population, the year before it for the
 * flows), never from the held-out years. The history is the run of consecutive observed years
 * ending at the origin; the smoothing runs on logs where every value is positive (growth is
 * multiplicative) and needs three values, drift two.
 */
record BacktestBaselines(double persistence, double drift, double dampedTrend) {

    static final BacktestBaselines NONE = new BacktestBaselines(Double.NaN, Double.NaN, Double.NaN);

    /** The forecasts {@code h} years past the last value of {@code history}. */
    static BacktestBaselines of(double[] history, int h) {
        if (history.length == 0) {
            return NONE;
        }
        double damped = Double.NaN;
        if (history.length >= 3) {
            boolean logs = Arrays.stream(history).allMatch(v -> v > 0);
            double[] y = logs ? Arrays.stream(history).map(Math::log).toArray() : history;
            double f = DampedTrend.fit(y).forecast(h);
            damped = logs ? Math.exp(f) : f;
        }
        return new BacktestBaselines(NaiveForecast.persistence(history, h), NaiveForecast.drift(history, h), damped);
    }

    /**
     * The populations from the first known one up to index {@code origin} (which must be known),
     * gaps inside filled log-linearly ({@link Observations#reference}): a documented repair, so one
     * missing year (the end-2020 count of the Chinese table) does not cut the history of every
     * later origin to one value. It starts after the last count of zero or less: such a count is
     * not a population to extrapolate from (another documented repair).
     */
    static double[] populationHistory(double[] population, int origin) {
        int first = 0;
        for (int t = 0; t <= origin; t++) {
            if (population[t] <= 0) {
                first = t + 1;
            }
        }
        while (first <= origin && Double.isNaN(population[first])) {
            first++;
        }
        if (first > origin || Double.isNaN(population[origin])) {
            return new double[0];
        }
        double[] known = java.util.Arrays.copyOfRange(population, first, origin + 1);
        double[] filled = new double[known.length];
        int prev = 0;
        for (int t = 0; t < known.length; t++) {
            if (!Double.isNaN(known[t])) {
                for (int g = prev + 1; g < t; g++) {
                    double w = (double) (g - prev) / (t - prev);
                    filled[g] = Math.exp((1 - w) * Math.log(known[prev]) + w * Math.log(known[t]));
                }
                filled[t] = known[t];
                prev = t;
            }
        }
        return filled;
    }

    /** The consecutive observed values of one indicator ending at index {@code origin} (none if that one is missing). */
    static double[] history(Dual[] observed, int origin) {
        int from = origin;
        while (from >= 0 && !Double.isNaN(observed[from].v())) {
            from--;
        }
        double[] h = new double[origin - from];
        for (int i = 0; i < h.length; i++) {
            h[i] = observed[from + 1 + i].v();
        }
        return h;
    }
}
