package org.popcast.models.mobility;

import java.util.HashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted regression trees (XGBoost 3, {@code hist} trees, squared error), the comparator
 * of the mobility regressors. Settings are fixed before any scoring (see {@link Settings#DEFAULT})
 * and never tuned on a test fold. One thread and a fixed seed: the same inputs give the same
 * trees bit for bit, whatever the machine's core count.
 */
public final class BoostedTrees implements AutoCloseable {

    /**
     * @param rounds      boosting rounds (trees)
     * @param learningRate shrinkage eta
     * @param maxDepth    depth of each tree
     * @param subsample   share of rows drawn (without replacement) for each tree
     * @param columnShare share of input columns drawn for each tree
     */
    public record Settings(int rounds, double learningRate, int maxDepth, double subsample, double columnShare) {
        /** Common textbook values, chosen before the first evaluation and not tuned on any fold. */
        public static final Settings DEFAULT = new Settings(300, 0.05, 4, 0.8, 0.5);

        public Settings {
            if (rounds < 1 || !(learningRate > 0) || maxDepth < 1 || !(subsample > 0 && subsample <= 1)
                    || !(columnShare > 0 && columnShare <= 1)) {
                throw new IllegalArgumentException("boosted trees: rounds and depth >= 1, learning rate > 0, shares in (0, 1]; got " + this);
            }
        }
    }

    private final Booster booster;

    private BoostedTrees(Booster booster) {
        this.booster = booster;
    }

    /** Fits on rows {@code x} (NaN allowed: XGBoost learns a default direction) and responses {@code y}. */
    public static BoostedTrees fit(double[][] x, double[] y, Settings s, long seed) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "reg:squarederror");
        params.put("tree_method", "hist");
        params.put("eta", s.learningRate());
        params.put("max_depth", s.maxDepth());
        params.put("subsample", s.subsample());
        params.put("colsample_bytree", s.columnShare());
        params.put("seed", (int) (seed ^ (seed >>> 32)) & 0x7fffffff);
        params.put("nthread", 1);
        params.put("verbosity", 0);
        try (Matrix train = new Matrix(x, y)) {
            return new BoostedTrees(XGBoost.train(train.dmatrix, params, s.rounds(), new HashMap<>(), null, null));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to fit: " + e.getMessage(), e);
        }
    }

    public double[] predict(double[][] x) {
        if (x.length == 0) {
            return new double[0];
        }
        try (Matrix m = new Matrix(x, null)) {
            float[][] p = booster.predict(m.dmatrix);
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }

    /** A DMatrix over float copies of the rows, disposed on close. */
    private static final class Matrix implements AutoCloseable {
        final DMatrix dmatrix;

        Matrix(double[][] x, double[] y) throws XGBoostError {
            int n = x.length, f = x[0].length;
            float[] data = new float[n * f];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    data[i * f + j] = (float) x[i][j];
                }
            }
            dmatrix = new DMatrix(data, n, f, Float.NaN);
            if (y != null) {
                float[] label = new float[n];
                for (int i = 0; i < n; i++) {
                    label[i] = (float) y[i];
                }
                dmatrix.setLabel(label);
            }
        }

        @Override
        public void close() {
            dmatrix.dispose();
        }
    }
}
