package org.popcast.models.balance;

import java.util.List;

/**
 * The population forecast popcast reports from a rolling-origin backtest: a combination of the
 * methods of {@link ForecastMethod} weighted by the inverse of their mean squared past error
 * (Bates and Granger 1969; Hyndman and Athanasopoulos, FPP3 section 13.4), averaged on logs (a
 * weighted geometric mean, as population errors are relative). Past means: forecasts of this
 * city whose target year is at or before the origin, i.e. already observed when the forecast is
 * made ({@link #known}); a row's own year and everything after it are never read. Errors of every
 * horizon are pooled after dividing ln(F/A) by the horizon (trend errors grow about linearly).
 *
 * <p>A method enters with at least {@link #MIN_PAST} past errors of this city; when none has as
 * many, the same weights come from the past errors of all cities ({@link Source#ALL_CITIES}),
 * and with fewer than {@link #MIN_POOLED} of those there is no combined forecast. A method whose
 * forecast is not a positive population is left out of that row.
 */
public final class ForecastCombination {

    /** Past errors a method needs in a city before it is weighted there. */
    static final int MIN_PAST = 2;
    /** Past errors (all cities) the fallback needs. */
    static final int MIN_POOLED = 20;
    /** Floor of a mean squared error: an exact past must not get an infinite weight. */
    private static final double MSE_FLOOR = 1e-8;

    /** Where the weights came from. */
    public enum Source {
        /** the city's own past errors */
        CITY("city"),
        /** every city's past errors (the city had too few) */
        ALL_CITIES("all_cities"),
        /** no combined forecast: too little past */
        NONE("none");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A combined forecast and its weights by {@link ForecastMethod#ordinal()} (summing to 1). */
    public record Combined(double forecast, double[] weights, Source source) {
        static final Combined NONE = new Combined(Double.NaN, new double[ForecastMethod.values().length], Source.NONE);
    }

    private ForecastCombination() {
    }

    /** Whether {@code past} was observed by the origin of {@code row}: its target year is at or before that origin. */
    static boolean known(RollingOrigin.Forecast past, int origin) {
        return past.year() <= origin;
    }

    /**
     * Combines the forecasts of {@code row}; {@code city} and {@code all} may hold any rows
     * (later ones included): only those known at the row's origin are read.
     */
    public static Combined of(RollingOrigin.Forecast row, List<RollingOrigin.Forecast> city, List<RollingOrigin.Forecast> all) {
        double[] mse = meanSquaredErrors(row, city, MIN_PAST);
        Source source = Source.CITY;
        if (!any(mse)) {
            mse = meanSquaredErrors(row, all, MIN_POOLED);
            source = Source.ALL_CITIES;
        }
        if (!any(mse)) {
            return Combined.NONE;
        }
        double total = 0, log = 0;
        double[] w = new double[mse.length];
        for (int m = 0; m < mse.length; m++) {
            if (!Double.isNaN(mse[m])) {
                w[m] = 1 / Math.max(mse[m], MSE_FLOOR);
                total += w[m];
            }
        }
        for (int m = 0; m < w.length; m++) {
            w[m] /= total;
            if (w[m] > 0) {
                log += w[m] * Math.log(row.forecasts()[m]);
            }
        }
        return new Combined(Math.exp(log), w, source);
    }

    /** Mean squared (ln(F/A) / h) of each method usable in {@code row}, NaN with fewer than {@code least} past errors. */
    private static double[] meanSquaredErrors(RollingOrigin.Forecast row, List<RollingOrigin.Forecast> past, int least) {
        int k = ForecastMethod.values().length;
        double[] sum = new double[k];
        int[] n = new int[k];
        for (RollingOrigin.Forecast p : past) {
            if (!known(p, row.origin())) {
                continue;
            }
            for (int m = 0; m < k; m++) {
                double f = p.forecasts()[m];
                if (usable(f)) {
                    double e = Math.log(f / p.observed()) / p.horizon();
                    sum[m] += e * e;
                    n[m]++;
                }
            }
        }
        double[] mse = new double[k];
        for (int m = 0; m < k; m++) {
            mse[m] = n[m] >= least && usable(row.forecasts()[m]) ? sum[m] / n[m] : Double.NaN;
        }
        return mse;
    }

    static boolean usable(double forecast) {
        return forecast > 0 && Double.isFinite(forecast);
    }

    private static boolean any(double[] mse) {
        for (double v : mse) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
