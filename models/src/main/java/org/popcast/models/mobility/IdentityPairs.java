package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pair screen of {@link ColumnScreen}: pairs of columns whose log-sum or log-difference
 * correlates with the log of a definition column at or above the threshold.
 *
 * <p>For each definition column the rows where its log is present are gathered once, and every
 * column's logs are copied to those rows in order: each of the ~2 x pairs x definitions
 * correlations then reads two contiguous arrays over those rows only, with no per-pair
 * allocation. The rows, their order and the arithmetic are those of the plain loop, so the
 * correlations and the pairs found are the same to the last bit (tested against it).
 */
final class IdentityPairs {

    /** Two columns whose log-sum or log-difference reproduces a definition column, and how. */
    record Pair(int a, int b, String why) {
    }

    private final double[][][] logsOnRefRows; // [ref][column][k]: column logs on the ref's present rows
    private final double[][] refLogs;         // [ref][k]: the ref's logs on its present rows

    /** @param logs each column's logs (NaN where absent), @param refs each definition column's logs */
    IdentityPairs(double[][] logs, List<double[]> refs) {
        logsOnRefRows = new double[refs.size()][][];
        refLogs = new double[refs.size()][];
        for (int r = 0; r < refs.size(); r++) {
            int[] rows = presentRows(refs.get(r));
            refLogs[r] = gather(refs.get(r), rows);
            logsOnRefRows[r] = new double[logs.length][];
            for (int c = 0; c < logs.length; c++) {
                logsOnRefRows[r][c] = gather(logs[c], rows);
            }
        }
    }

    /** The pairs, in the order a, b, sign (/ then x), definition column. */
    List<Pair> find(List<String> columns, List<String> refNames, double threshold) {
        List<Pair> pairs = new ArrayList<>();
        int n = columns.size();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    for (int r = 0; r < refLogs.length; r++) {
                        double c = correlation(a, b, sign, r);
                        if (Math.abs(c) >= threshold) {
                            pairs.add(new Pair(a, b, String.format(Locale.ROOT, "%s %s %s reproduces %s (correlation of logs %.4f)",
                                    columns.get(a), sign > 0 ? "x" : "/", columns.get(b), refNames.get(r), c)));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    /** The correlation of log a + sign log b with definition column r's logs. */
    double correlation(int a, int b, int sign, int r) {
        return correlation(logsOnRefRows[r][a], logsOnRefRows[r][b], sign, refLogs[r]);
    }

    /** {@link ColumnScreen#correlation} of (x + sign w) and y, y present everywhere. */
    private static double correlation(double[] x, double[] w, int sign, double[] y) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            double v = x[i] + sign * w[i];
            if (!Double.isNaN(v)) {
                sx += v;
                sy += y[i];
                n++;
            }
        }
        if (n < ColumnScreen.MIN_OVERLAP) {
            return 0;
        }
        double mx = sx / n, my = sy / n;
        for (int i = 0; i < y.length; i++) {
            double v = x[i] + sign * w[i];
            if (!Double.isNaN(v)) {
                double dx = v - mx, dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }

    private static int[] presentRows(double[] x) {
        int[] rows = new int[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                rows[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }

    private static double[] gather(double[] x, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = x[rows[k]];
        }
        return out;
    }
}
