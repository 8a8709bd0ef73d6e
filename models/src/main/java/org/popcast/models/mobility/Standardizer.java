package org.popcast.models.mobility;

/**
 * Feature standardisation z = (x - mean) / sd, with mean and sd (population form) from the
 * observed values of the training rows only. A constant column gets sd 1 so it maps to zeros.
 * Missing values (NaN) stay missing; the imputer fills them afterwards.
 */
public record Standardizer(double[] mean, double[] sd) {

    public static Standardizer fit(double[][] rows) {
        int f = rows.length == 0 ? 0 : rows[0].length;
        double[] mean = new double[f], sd = new double[f];
        for (int j = 0; j < f; j++) {
            double sum = 0, n = 0;
            for (double[] r : rows) {
                if (!Double.isNaN(r[j])) {
                    sum += r[j];
                    n++;
                }
            }
            mean[j] = n > 0 ? sum / n : 0;
            double ss = 0;
            for (double[] r : rows) {
                if (!Double.isNaN(r[j])) {
                    ss += (r[j] - mean[j]) * (r[j] - mean[j]);
                }
            }
            double s = n > 0 ? Math.sqrt(ss / n) : 0;
            sd[j] = s > 0 ? s : 1;
        }
        return new Standardizer(mean, sd);
    }

    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / sd[j];
        }
        return z;
    }
}
