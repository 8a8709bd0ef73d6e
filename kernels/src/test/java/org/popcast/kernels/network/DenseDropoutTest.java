package org.popcast.kernels.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** Dense layers against plain Java, dropout's statistics and replayability, and the initialisers' defining properties. */
class DenseDropoutTest {

    private static double[][] fetch(Session s, Operand<TFloat64> op) {
        try (Result r = s.runner().fetch(op).run()) {
            return StdArrays.array2dCopyOf((TFloat64) r.get(0));
        }
    }

    @Test
    void denseReluMatchesPlainJava() {
        Random r = new Random(1);
        double[][] x = new double[3][4], w = new double[4][2];
        double[] b = {0.1, -0.2};
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            DenseLayer<TFloat64> relu = new DenseLayer<>(tf.constant(w), tf.constant(new double[][] {b}), true);
            DenseLayer<TFloat64> linear = new DenseLayer<>(tf.constant(w), tf.constant(new double[][] {b}), false);
            double[][] yr = fetch(s, relu.apply(tf, tf.constant(x))), yl = fetch(s, linear.apply(tf, tf.constant(x)));
            for (int n = 0; n < 3; n++) {
                for (int j = 0; j < 2; j++) {
                    double z = b[j];
                    for (int i = 0; i < 4; i++) {
                        z += x[n][i] * w[i][j];
                    }
                    assertEquals(z, yl[n][j], 1e-14);
                    assertEquals(Math.max(z, 0), yr[n][j], 1e-14);
                }
            }
        }
    }

    @Test
    void dropoutKeepsTheRightShareScaledAndReplaysWithItsSeed() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat64> ones = tf.constant(new double[200][50]);
            Operand<TFloat64> x = tf.math.add(ones, tf.constant(1.0));
            double[][] a = fetch(s, Dropout.training(tf, x, 0.2, tf.constant(new long[] {7, 3})));
            double[][] again = fetch(s, Dropout.training(tf, x, 0.2, tf.constant(new long[] {7, 3})));
            double[][] other = fetch(s, Dropout.training(tf, x, 0.2, tf.constant(new long[] {7, 4})));
            int kept = 0;
            for (double[] row : a) {
                for (double v : row) {
                    assertTrue(v == 0 || Math.abs(v - 1.25) < 1e-15, "values are 0 or 1/(1-rate): " + v);
                    kept += v > 0 ? 1 : 0;
                }
            }
            // 10,000 Bernoulli(0.8) draws: sd of the share is 0.004, so 0.02 is five sigmas
            assertEquals(0.8, kept / 10000.0, 0.02);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], again[i], 0.0);
            }
            assertNotEquals(java.util.Arrays.deepToString(a), java.util.Arrays.deepToString(other));
        }
    }

    @Test
    void gradientFlowsThroughDropoutAsMaskTimesScale() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var w = tf.placeholder(TFloat64.class);
            Operand<TFloat64> x = tf.math.mul(w, tf.constant(new double[20][10]));
            Operand<TFloat64> y = Dropout.training(tf, tf.math.add(x, w), 0.5, tf.constant(new long[] {1, 2}));
            Operand<TFloat64> loss = tf.reduceSum(y, tf.constant(new int[] {0, 1}));
            var grad = tf.gradients(loss, java.util.List.of(w));
            try (TFloat64 in = TFloat64.scalarOf(3.0);
                 Result r = s.runner().feed(w, in).fetch(grad.dy(0)).fetch(loss).run()) {
                // loss = 3 * (kept count) * 2, so dloss/dw = 2 * kept count = loss / 3
                double dw = ((TFloat64) r.get(0)).getDouble(), value = ((TFloat64) r.get(1)).getDouble();
                assertEquals(value / 3, dw, 1e-12);
                assertTrue(dw > 0);
            }
        }
    }

    @Test
    void initialisersHaveTheirDefiningProperties() {
        float[][] q = Initializers.orthogonal(new Random(3), 6, 24);
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 6; k++) {
                double dot = 0;
                for (int j = 0; j < 24; j++) {
                    dot += q[i][j] * q[k][j];
                }
                assertEquals(i == k ? 1 : 0, dot, 1e-6, "rows are orthonormal");
            }
        }
        float[][] w = Initializers.glorotUniform(new Random(3), 10, 30);
        double limit = Math.sqrt(6.0 / 40), max = 0;
        for (float[] row : w) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        assertTrue(max <= limit && max > 0.9 * limit, "glorot draws fill (-l, l): max " + max + " of " + limit);
    }
}
