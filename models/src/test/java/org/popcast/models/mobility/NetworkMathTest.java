package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.popcast.engine.train.Progress;


/** The assembled FNN and LSTM (prediction form, dropout off) against plain Java forward passes of the same weights. */
class NetworkMathTest {

    private static final int F = 6, YEARS = 3, N = 9;

    private static double[] dense(double[] h, float[][] w, float[][] b, boolean relu) {
        double[] z = new double[b[0].length];
        for (int j = 0; j < z.length; j++) {
            z[j] = b[0][j];
            for (int i = 0; i < h.length; i++) {
                z[j] += h[i] * w[i][j];
            }
            if (relu) {
                z[j] = Math.max(0, z[j]);
            }
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double javaFnn(Map<String, float[][]> w, double[] x) {
        double[] h = x;
        for (int l = 0; l < 4; l++) {
            h = dense(h, w.get("dense" + l + "_kernel"), w.get("dense" + l + "_bias"), l < 3);
        }
        return h[0];
    }

    static double javaLstm(Map<String, float[][]> w, double[][] xs) {
        int u = NetworkKind.LSTM.lstmUnits();
        double[] h = new double[u], c = new double[u];
        for (double[] x : xs) {
            double[] z = dense(x, w.get("lstm_kernel"), w.get("lstm_bias"), false);
            double[] r = dense(h, w.get("lstm_recurrent"), new float[1][4 * u], false);
            double[] hNew = new double[u];
            for (int j = 0; j < u; j++) {
                double i = sigmoid(z[j] + r[j]), f = sigmoid(z[u + j] + r[u + j]);
                double g = Math.tanh(z[2 * u + j] + r[2 * u + j]), o = sigmoid(z[3 * u + j] + r[3 * u + j]);
                c[j] = f * c[j] + i * g;
                hNew[j] = o * Math.tanh(c[j]);
            }
            h = hNew;
        }
        h = dense(h, w.get("dense0_kernel"), w.get("dense0_bias"), true);
        return dense(h, w.get("dense1_kernel"), w.get("dense1_bias"), false)[0];
    }

    /** Random weights of the right shapes (not the initial ones: biases and all gates non-trivial). */
    private static Map<String, float[][]> randomWeights(NetworkKind kind, long seed) {
        Random r = new Random(seed);
        Map<String, float[][]> w = kind.initialWeights(F, seed);
        for (float[][] m : w.values()) {
            for (float[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (0.4 * r.nextGaussian());
                }
            }
        }
        return w;
    }

    private static float[] randomInputs(int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void fnnMatchesPlainJava() {
        Map<String, float[][]> w = randomWeights(NetworkKind.FNN, 3);
        float[] x = randomInputs(N * F, 4);
        try (NetworkRegressor net = new NetworkRegressor(NetworkKind.FNN, F, 1, w, 1e-3, 1)) {
            double[] p = net.predict(new Samples(x, N, new long[] {F}, null));
            for (int n = 0; n < N; n++) {
                double[] row = new double[F];
                for (int j = 0; j < F; j++) {
                    row[j] = x[n * F + j];
                }
                double expected = javaFnn(w, row);
                assertEquals(expected, p[n], 1e-5 * Math.max(1, Math.abs(expected)), "sample " + n);
            }
        }
    }

    @Test
    void lstmMatchesPlainJava() {
        Map<String, float[][]> w = randomWeights(NetworkKind.LSTM, 5);
        float[] x = randomInputs(N * YEARS * F, 6);
        try (NetworkRegressor net = new NetworkRegressor(NetworkKind.LSTM, F, YEARS, w, 1e-3, 1)) {
            double[] p = net.predict(new Samples(x, N, new long[] {YEARS, F}, null));
            for (int n = 0; n < N; n++) {
                double[][] xs = new double[YEARS][F];
                for (int t = 0; t < YEARS; t++) {
                    for (int j = 0; j < F; j++) {
                        xs[t][j] = x[(n * YEARS + t) * F + j];
                    }
                }
                double expected = javaLstm(w, xs);
                assertEquals(expected, p[n], 1e-5 * Math.max(1, Math.abs(expected)), "sample " + n);
            }
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        float[] x = randomInputs(64 * F, 8);
        float[] y = randomInputs(64, 9);
        Samples s = new Samples(x, 64, new long[] {F}, y);
        float[][][] runs = new float[3][][];
        long[] seeds = {11, 11, 12};
        for (int i = 0; i < 3; i++) {
            try (NetworkRegressor net = new NetworkRegressor(NetworkKind.FNN, F, 1, NetworkKind.FNN.initialWeights(F, 1), 1e-3, seeds[i])) {
                net.fit(s, null, new NetworkRegressor.Training(3, 16, 1e-3, 1, seeds[i]), Progress.none(), "fnn");
                runs[i] = net.weights().get("dense1_kernel");
            }
        }
        for (int r = 0; r < runs[0].length; r++) {
            assertArrayEquals(runs[0][r], runs[1][r], "same seed, same weights");
        }
        assertFalse(Arrays.deepEquals(runs[0], runs[2]), "another seed shuffles and drops out differently");
    }
}
