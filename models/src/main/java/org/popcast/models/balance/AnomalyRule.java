package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flags anomalous observations by a robust rule on the fit's residuals: per measure, the errors
 * e = ln(observed / model) (differences: observed - model) get the modified z-score of Iglewicz
 * and Hoaglin, z = 0.6745 (e - median(e)) / MAD(e), and |z| > threshold (3.5 by default) is an
 * anomaly. Median and MAD ignore the outliers they look for, which the mean and the standard
 * deviation would not. A measure needs at least {@link #MIN_OBSERVATIONS} observations; with a
 * MAD of zero nothing is flagged.
 */
public final class AnomalyRule {

    public static final int MIN_OBSERVATIONS = 5;
    private static final double NORMAL_MAD = 0.6745;

    /** An anomalous observation. */
    public record Flag(Measure measure, int year, double observed, double model, double score) {
    }

    private AnomalyRule() {
    }

    public static List<Flag> flag(FittedBalance fit, double threshold) {
        List<Flag> flags = new ArrayList<>();
        List<FittedBalance.Residual> all = fit.residuals();
        for (Measure m : Measure.values()) {
            List<FittedBalance.Residual> rs = all.stream().filter(r -> r.measure() == m).toList();
            if (rs.size() < MIN_OBSERVATIONS) {
                continue;
            }
            double[] e = rs.stream().mapToDouble(FittedBalance.Residual::error).toArray();
            double median = median(e);
            double mad = median(Arrays.stream(e).map(x -> Math.abs(x - median)).toArray());
            if (!(mad > 0)) {
                continue;
            }
            for (int i = 0; i < e.length; i++) {
                double z = NORMAL_MAD * (e[i] - median) / mad;
                if (Math.abs(z) > threshold) {
                    FittedBalance.Residual r = rs.get(i);
                    flags.add(new Flag(m, r.year(), r.observed(), r.model(), z));
                }
            }
        }
        return flags;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
