package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.popcast.engine.train.Progress;

/** Drift, damped persistence, the ridge path and the cross-validated change ridge against hand-worked or naive references. */
class PersistenceModelsTest {

    /**
     * City 1: 1.0, 1.2, 1.3, 1.5 (2011-2014); city 2: 2.0, 1.9, 2.1 (2011-2013). Rows with two
     * known changes: 1/2013 (c 0.1, last 0.2), 1/2014 (0.2, 0.1), 2/2013 (0.2, -0.1); phi =
     * (0.02 + 0.02 - 0.02) / (0.04 + 0.01 + 0.01) = 1/3.
     */
    private static final String TABLE = """
            Cityid,year,x1,x2,target
            1,2011,0.3,1.1,1.0
            1,2012,0.1,0.2,1.2
            1,2013,0.7,0.5,1.3
            1,2014,0.2,0.9,1.5
            2,2011,1.3,0.4,2.0
            2,2012,0.8,0.6,1.9
            2,2013,0.5,0.3,2.1
            """;

    @Test
    void driftAndDampedPersistenceMatchAHandComputation() {
        MobilitySettings s = SyntheticCities.settings().withModels(List.of(ModelKind.LAST_YEAR, ModelKind.DRIFT, ModelKind.DAMPED));
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(FeatureTableReader.parseCsv("t.csv", TABLE), s);
        MobilityTable t = p.table();
        int[] all = t.targetRows();
        assertEquals(1.0 / 3, FittedModel.dampingFactor(t, all), 1e-12);
        int[] rows = {t.row("1", 2014), t.row("2", 2013), t.row("1", 2012), t.row("1", 2011)};
        double mean = (1.0 + 1.2 + 1.3 + 1.5 + 2.0 + 1.9 + 2.1) / 7;
        try (FoldFit fit = FoldFit.fit(p, all, s.models(), s, 1, Progress.none(), "")) {
            assertEquals(1.0 / 3, fit.models().get(ModelKind.DAMPED).phi(), 1e-12);
            // 1/2014: lag 1.3, last change 0.1; 2/2013: lag 1.9, last change -0.1; 1/2012: one year known; 1/2011: none
            assertArrayEquals(new double[] {1.3, 1.9, 1.0, mean}, fit.predict(ModelKind.LAST_YEAR, rows), 1e-12);
            assertArrayEquals(new double[] {1.4, 1.8, 1.0, mean}, fit.predict(ModelKind.DRIFT, rows), 1e-12);
            assertArrayEquals(new double[] {1.3 + 0.1 / 3, 1.9 - 0.1 / 3, 1.0, mean}, fit.predict(ModelKind.DAMPED, rows), 1e-12);
        }
        // a damping fitted on rows whose changes alternate in sign is negative, and clamped at -1
        int[] oneCity = {t.row("2", 2013)};
        assertEquals(-1.0, FittedModel.dampingFactor(t, oneCity), 0.0, "0.2 * -0.1 / 0.01 = -2, clamped");
    }

    /** Naive ridge with an unpenalised intercept: the normal equations of the centred data by Gaussian elimination. */
    private static double[] naiveRidge(double[][] x, double[] y, double alpha) {
        int n = x.length, f = x[0].length;
        double[] mx = new double[f];
        double my = 0;
        for (int i = 0; i < n; i++) {
            my += y[i] / n;
            for (int j = 0; j < f; j++) {
                mx[j] += x[i][j] / n;
            }
        }
        double[] coef = new double[f + 1];
        if (Double.isInfinite(alpha)) {
            coef[f] = my;
            return coef;
        }
        double[][] a = new double[f][f + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                for (int k = 0; k < f; k++) {
                    a[j][k] += (x[i][j] - mx[j]) * (x[i][k] - mx[k]);
                }
                a[j][f] += (x[i][j] - mx[j]) * (y[i] - my);
            }
        }
        for (int j = 0; j < f; j++) {
            a[j][j] += alpha;
        }
        for (int c = 0; c < f; c++) {
            for (int r = c + 1; r < f; r++) {
                double m = a[r][c] / a[c][c];
                for (int k = c; k <= f; k++) {
                    a[r][k] -= m * a[c][k];
                }
            }
        }
        for (int c = f - 1; c >= 0; c--) {
            double v = a[c][f];
            for (int k = c + 1; k < f; k++) {
                v -= a[c][k] * coef[k];
            }
            coef[c] = v / a[c][c];
        }
        double b = my;
        for (int j = 0; j < f; j++) {
            b -= mx[j] * coef[j];
        }
        coef[f] = b;
        return coef;
    }

    private static double naivePredict(double[] coef, double[] x) {
        double p = coef[coef.length - 1];
        for (int j = 0; j < x.length; j++) {
            p += coef[j] * x[j];
        }
        return p;
    }

    /** n rows in {@code groups} groups, 3 inputs; change = signal * (0.8 x0 - 0.5 x2) + noise. */
    private static Object[] data(int n, int groups, double signal, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = signal * (0.8 * x[i][0] - 0.5 * x[i][2]) + 0.1 * r.nextGaussian();
            g[i] = "c" + (i % groups);
        }
        return new Object[] {x, y, g};
    }

    @Test
    void ridgePathEqualsSeparateFitsAndTheNaiveSolution() {
        Object[] d = data(40, 8, 1, 3);
        double[][] x = (double[][]) d[0];
        double[] y = (double[]) d[1];
        RidgeRegression[] path = RidgeRegression.path(x, y, new double[] {0.5, 20, Double.POSITIVE_INFINITY});
        double[] naive = naiveRidge(x, y, 20);
        assertArrayEquals(java.util.Arrays.copyOf(naive, 3), path[1].weights(), 1e-12);
        assertEquals(naive[3], path[1].intercept(), 1e-12);
        assertArrayEquals(RidgeRegression.fit(x, y, 0.5).weights(), path[0].weights(), 0.0, "one Gram matrix, the same solution");
        assertArrayEquals(new double[3], path[2].weights(), 0.0, "infinite penalty: intercept only");
        assertEquals(java.util.Arrays.stream(y).average().orElseThrow(), path[2].intercept(), 1e-14);
    }

    @Test
    void changeRidgeChoosesThePenaltyAndShrinkageANaiveCrossValidationChooses() {
        for (double signal : new double[] {1, 0}) {
            Object[] d = data(90, 15, signal, 7);
            double[][] x = (double[][]) d[0];
            double[] y = (double[]) d[1];
            String[] g = (String[]) d[2];
            ChangeRidge cr = ChangeRidge.fit(x, y, g, 5, 11);
            int[] fold = ChangeRidge.foldOfRows(g, 5, 11);
            Map<String, Integer> foldOfGroup = new HashMap<>();
            for (int i = 0; i < g.length; i++) {
                foldOfGroup.putIfAbsent(g[i], fold[i]);
                assertEquals(foldOfGroup.get(g[i]), fold[i], "a group sits in one inner fold");
            }
            // the naive reference: refit every alpha on every inner fold, score out of fold
            double[] mse = new double[ChangeRidge.ALPHAS.length];
            double[][] oof = new double[ChangeRidge.ALPHAS.length][x.length];
            for (int a = 0; a < ChangeRidge.ALPHAS.length; a++) {
                for (int k = 0; k < 5; k++) {
                    List<Integer> fit = new java.util.ArrayList<>();
                    for (int i = 0; i < x.length; i++) {
                        if (fold[i] != k) {
                            fit.add(i);
                        }
                    }
                    double[] coef = naiveRidge(fit.stream().map(i -> x[i]).toArray(double[][]::new),
                            fit.stream().mapToDouble(i -> y[i]).toArray(), ChangeRidge.ALPHAS[a]);
                    for (int i = 0; i < x.length; i++) {
                        if (fold[i] == k) {
                            oof[a][i] = naivePredict(coef, x[i]);
                            mse[a] += (y[i] - oof[a][i]) * (y[i] - oof[a][i]) / x.length;
                        }
                    }
                }
            }
            assertArrayEquals(mse, cr.cvMse(), 1e-10);
            int best = 0;
            for (int a = 1; a < mse.length; a++) {
                best = mse[a] < mse[best] ? a : best;
            }
            assertEquals(ChangeRidge.ALPHAS[best], cr.alpha(), "signal " + signal);
            double or = 0, oo = 0;
            for (int i = 0; i < x.length; i++) {
                or += oof[best][i] * y[i];
                oo += oof[best][i] * oof[best][i];
            }
            assertEquals(Math.max(0, Math.min(1, or / oo)), cr.shrinkage(), 1e-10);
            double[] coef = naiveRidge(x, y, cr.alpha());
            double[] probe = {0.3, -1.2, 0.7};
            assertEquals(cr.shrinkage() * naivePredict(coef, probe), cr.predict(new double[][] {probe})[0], 1e-10);
            if (signal == 1) {
                assertTrue(cr.alpha() <= 10 && cr.shrinkage() > 0.9, "a clear signal is kept: " + cr);
            } else {
                assertTrue(Math.abs(cr.predict(new double[][] {probe})[0]) < 0.05, "noise is shrunk toward no change: " + cr);
            }
        }
    }
}
