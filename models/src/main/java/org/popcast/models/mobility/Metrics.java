package org.popcast.models.mobility;

/**
 * Scores of predictions p against targets y over n test rows:
 * <pre>
 *   MSE = sum (y - p)^2 / n,   MAE = sum |y - p| / n,   R^2 = 1 - sum (y - p)^2 / sum (y - mean(y))^2
 * </pre>
 * R^2 uses the mean of the test rows themselves, so predicting the training mean scores about 0
 * (slightly below when the training and test means differ).
 */
public record Metrics(double mse, double mae, double r2) {

    public static final String[] NAMES = {"mse", "mae", "r2"};

    public static Metrics of(double[] y, double[] p) {
        if (y.length != p.length || y.length == 0) {
            throw new IllegalArgumentException("need as many predictions as targets, and at least one: " + y.length + " vs " + p.length);
        }
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double sse = 0, sae = 0, sst = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - p[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return new Metrics(sse / y.length, sae / y.length, sst > 0 ? 1 - sse / sst : Double.NaN);
    }

    public double get(String name) {
        return switch (name) {
            case "mse" -> mse;
            case "mae" -> mae;
            case "r2" -> r2;
            default -> throw new IllegalArgumentException("unknown metric " + name);
        };
    }
}
