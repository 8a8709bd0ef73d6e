package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The gathered pair search finds exactly the pairs, correlations and order of the plain loop it replaced. */
class IdentityPairsTest {

    /** The pair loop as ColumnScreen had it before (one combined array, correlation over all rows). */
    private static List<IdentityPairs.Pair> plainLoop(List<String> columns, double[][] logs, List<double[]> refLogs, List<String> refNames,
                                                      double threshold) {
        List<IdentityPairs.Pair> pairs = new ArrayList<>();
        double[] combined = new double[logs.length == 0 ? 0 : logs[0].length];
        for (int a = 0; a < logs.length; a++) {
            for (int b = a + 1; b < logs.length; b++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    for (int r = 0; r < refLogs.size(); r++) {
                        for (int i = 0; i < combined.length; i++) {
                            combined[i] = logs[a][i] + sign * logs[b][i];
                        }
                        double c = ColumnScreen.correlation(combined, refLogs.get(r));
                        if (Math.abs(c) >= threshold) {
                            pairs.add(new IdentityPairs.Pair(a, b, String.format(Locale.ROOT, "%s %s %s reproduces %s (correlation of logs %.4f)",
                                    columns.get(a), sign > 0 ? "x" : "/", columns.get(b), refNames.get(r), c)));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    @Test
    void sameAsThePlainLoopOnRandomTablesWithGapsAndIdentities() {
        Random random = new Random(17);
        int found = 0;
        for (int trial = 0; trial < 40; trial++) {
            int rows = 20 + random.nextInt(300), cols = 2 + random.nextInt(25);
            double[] res = new double[rows], reg = new double[rows];
            double[][] x = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                reg[i] = Math.exp(4 + random.nextGaussian());
                res[i] = reg[i] * Math.exp(0.2 * random.nextGaussian());
                for (int c = 0; c < cols; c++) {
                    x[c][i] = Math.exp(random.nextGaussian() * 2);
                }
                x[0][i] = res[i] * Math.exp(10 + 0.5 * random.nextGaussian()); // x0 / x1 = res
                x[1][i] = x[0][i] / res[i] * (1 + 1e-4 * random.nextGaussian());
                if (cols > 3) {
                    x[3][i] = reg[i] / x[2][i] * (1 + 0.05 * random.nextGaussian() * (trial % 3)); // x2 x x3 ~ reg, noisier by trial
                }
            }
            double missing = random.nextDouble() * 0.3;
            for (double[] column : concat(x, res, reg)) {
                for (int i = 0; i < rows; i++) {
                    if (random.nextDouble() < missing) {
                        column[i] = random.nextInt(5) == 0 ? -1 : Double.NaN; // non-positive values have no log
                    }
                }
            }
            List<String> names = new ArrayList<>();
            double[][] logs = new double[cols][];
            for (int c = 0; c < cols; c++) {
                names.add("x" + c);
                logs[c] = ColumnScreen.logs(x[c]);
            }
            List<double[]> refs = List.of(ColumnScreen.logs(res), ColumnScreen.logs(reg));
            List<String> refNames = List.of("res", "reg");
            double threshold = 0.9 + 0.099 * random.nextDouble();
            List<IdentityPairs.Pair> expected = plainLoop(names, logs, refs, refNames, threshold);
            List<IdentityPairs.Pair> got = new IdentityPairs(logs, refs).find(names, refNames, threshold);
            assertEquals(expected, got, "trial " + trial);
            IdentityPairs search = new IdentityPairs(logs, refs);
            double[] combined = new double[rows];
            for (int a = 0; a < cols; a++) {
                for (int b = a + 1; b < cols; b++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        for (int i = 0; i < rows; i++) {
                            combined[i] = logs[a][i] + sign * logs[b][i];
                        }
                        for (int r = 0; r < refs.size(); r++) {
                            assertEquals(ColumnScreen.correlation(combined, refs.get(r)), search.correlation(a, b, sign, r), 0.0, "bit for bit");
                        }
                    }
                }
            }
            found += got.size();
        }
        assertTrue(found > 20, "identities found " + found);
    }

    private static double[][] concat(double[][] x, double[]... more) {
        double[][] out = java.util.Arrays.copyOf(x, x.length + more.length);
        System.arraycopy(more, 0, out, x.length, more.length);
        return out;
    }
}
