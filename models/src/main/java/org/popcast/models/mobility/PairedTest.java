package org.popcast.models.mobility;

import java.util.Map;
import java.util.TreeMap;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Two paired tests of "model A has lower squared error than model B" on the same test rows.
 *
 * <p>Diebold-Mariano (1995) for one-step forecasts: with loss differences d_i = e_A,i^2 - e_B,i^2
 * over n rows,
 * <pre>
 *   DM = mean(d) / sqrt(g0 / n),   g0 = sum (d_i - mean(d))^2 / n,   p = 2 Phi(-|DM|)
 * </pre>
 * (no autocovariance terms: each row is a different city-year forecast one step ahead). DM &lt; 0
 * means A has lower loss. Rows of one city or one year may share shocks, which this test ignores;
 * the sign test below does not.
 *
 * <p>Sign test over cities: each city's mean d over its rows; cities where A is better (d &lt; 0)
 * against those where B is (d &gt; 0), ties left out; p is the exact two-sided binomial
 * probability with success 1/2, min(1, 2 P(X &lt;= min(better, worse))).
 *
 * @param rows         paired rows
 * @param meanDifference mean(d): A's MSE minus B's over the rows
 * @param statistic    the DM statistic (NaN when every d is equal)
 * @param pValue       its two-sided p-value under the standard normal
 * @param cities       cities with at least one row
 * @param citiesBetter cities where A's mean squared error is lower
 * @param citiesWorse  cities where it is higher
 * @param signPValue   two-sided exact sign-test p-value over cities
 */
public record PairedTest(int rows, double meanDifference, double statistic, double pValue, int cities, int citiesBetter,
                         int citiesWorse, double signPValue) {

    /** Compares predictions {@code a} with {@code b} of targets {@code y}; {@code city[i]} groups rows for the sign test. */
    public static PairedTest of(double[] y, double[] a, double[] b, String[] city) {
        int n = y.length;
        if (n == 0 || a.length != n || b.length != n || city.length != n) {
            throw new IllegalArgumentException("paired test: need the same number (> 0) of targets, predictions and cities");
        }
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = (y[i] - a[i]) * (y[i] - a[i]) - (y[i] - b[i]) * (y[i] - b[i]);
            mean += d[i] / n;
        }
        double g0 = 0;
        for (double v : d) {
            g0 += (v - mean) * (v - mean) / n;
        }
        double dm = g0 > 0 ? mean / Math.sqrt(g0 / n) : Double.NaN;
        double p = Double.isNaN(dm) ? Double.NaN : 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(dm));
        int[] sign = citySigns(d, city);
        return new PairedTest(n, mean, dm, p, sign[0] + sign[1] + sign[2], sign[0], sign[1], signTestPValue(sign[0], sign[1]));
    }

    /** {better, worse, tied} counts of cities by the sign of their mean difference. */
    private static int[] citySigns(double[] d, String[] city) {
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < d.length; i++) {
            double[] s = sums.computeIfAbsent(city[i], k -> new double[2]);
            s[0] += d[i];
            s[1]++;
        }
        int[] out = new int[3];
        for (double[] s : sums.values()) {
            double m = s[0] / s[1];
            out[m < 0 ? 0 : m > 0 ? 1 : 2]++;
        }
        return out;
    }

    /** Exact two-sided sign test: min(1, 2 P(X <= min(better, worse))), X ~ Binomial(better + worse, 1/2); NaN without untied units. */
    public static double signTestPValue(int better, int worse) {
        int n = better + worse;
        if (n == 0) {
            return Double.NaN;
        }
        // summed from the log-probabilities, so tails far below 1e-16 are not lost to 1 - (1 - tail)
        BinomialDistribution b = new BinomialDistribution(n, 0.5);
        double tail = 0;
        for (int i = 0; i <= Math.min(better, worse); i++) {
            tail += Math.exp(b.logProbability(i));
        }
        return Math.min(1, 2 * tail);
    }
}
