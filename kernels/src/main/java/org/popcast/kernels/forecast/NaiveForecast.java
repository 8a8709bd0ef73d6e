package org.popcast.kernels.forecast;

/**
 * The naive benchmarks every forecast must beat (Hyndman and Athanasopoulos, Forecasting:
 * Principles and Practice, 3rd ed., section 5.2), from a history y_1 .. y_T of equally spaced
 * values, h steps ahead:
 * <ul>
 * <li>persistence (the naive method): y_T;</li>
 * <li>drift: y_T + h (y_T - y_1) / (T - 1), the line through the first and last values continued.</li>
 * </ul>
 */
public final class NaiveForecast {

    private NaiveForecast() {
    }

    public static double persistence(double[] history, int h) {
        check(history, 1, h);
        return history[history.length - 1];
    }

    /** NaN for a history of one value (no slope). */
    public static double drift(double[] history, int h) {
        check(history, 1, h);
        int t = history.length;
        if (t < 2) {
            return Double.NaN;
        }
        return history[t - 1] + h * (history[t - 1] - history[0]) / (t - 1);
    }

    static void check(double[] history, int least, int h) {
        if (history.length < least) {
            throw new IllegalArgumentException("a forecast needs at least " + least + " past values, got " + history.length);
        }
        if (h < 1) {
            throw new IllegalArgumentException("the horizon must be >= 1 step, got " + h);
        }
    }
}
