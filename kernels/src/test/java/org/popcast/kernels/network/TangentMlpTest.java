package org.popcast.kernels.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Tangents against central finite differences of a plain Java forward pass, and the loss gradient against differences of the graph. */
class TangentMlpTest {

    private static final int[] SIZES = {2, 16, 16, 1};
    private static final double[][] POINTS = {{0.1, 0.2}, {0.55, 0.9}, {0.97, 0.03}, {0.33, 0.5}};

    /** Seeded weights: w[l] is fan-in x fan-out, b[l] is 1 x fan-out. */
    private static double[][][][] weights(long seed) {
        Random r = new Random(seed);
        double[][][][] wb = new double[SIZES.length - 1][2][][];
        for (int l = 0; l + 1 < SIZES.length; l++) {
            wb[l][0] = new double[SIZES[l]][SIZES[l + 1]];
            wb[l][1] = new double[1][SIZES[l + 1]];
            for (double[] row : wb[l][0]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextGaussian() / Math.sqrt(SIZES[l]);
                }
            }
            for (int j = 0; j < SIZES[l + 1]; j++) {
                wb[l][1][0][j] = 0.1 * r.nextGaussian();
            }
        }
        return wb;
    }

    /** The same network in plain Java. */
    private static double javaForward(double[][][][] wb, double[] x) {
        double[] h = x;
        for (int l = 0; l < wb.length; l++) {
            double[] z = wb[l][1][0].clone();
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < z.length; j++) {
                    z[j] += h[i] * wb[l][0][i][j];
                }
            }
            if (l < wb.length - 1) {
                for (int j = 0; j < z.length; j++) {
                    z[j] = Math.tanh(z[j]);
                }
            }
            h = z;
        }
        return h[0];
    }

    private static double[][] fetch(Session s, Operand<TFloat64> op) {
        try (Result r = s.runner().fetch(op).run()) {
            return StdArrays.array2dCopyOf((TFloat64) r.get(0));
        }
    }

    @Test
    void tangentsMatchFiniteDifferencesInFloat64() {
        double[][][][] wb = weights(7);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            List<TangentMlp.Layer<TFloat64>> layers = new ArrayList<>();
            for (double[][][] layer : wb) {
                layers.add(new TangentMlp.Layer<>(tf.constant(layer[0]), tf.constant(layer[1])));
            }
            TangentMlp.Jet<TFloat64> jet = TangentMlp.forward(tf, layers, tf.constant(POINTS), 2);
            double[][] u = fetch(s, jet.value()), du0 = fetch(s, jet.tangents().get(0)), du1 = fetch(s, jet.tangents().get(1));
            double h = 1e-5;
            for (int n = 0; n < POINTS.length; n++) {
                double[] x = POINTS[n];
                assertEquals(javaForward(wb, x), u[n][0], 1e-14);
                double fd0 = (javaForward(wb, new double[] {x[0] + h, x[1]}) - javaForward(wb, new double[] {x[0] - h, x[1]})) / (2 * h);
                double fd1 = (javaForward(wb, new double[] {x[0], x[1] + h}) - javaForward(wb, new double[] {x[0], x[1] - h})) / (2 * h);
                assertEquals(fd0, du0[n][0], 1e-9, "du/dx0 at point " + n);
                assertEquals(fd1, du1[n][0], 1e-9, "du/dx1 at point " + n);
            }
        }
    }

    @Test
    void tangentsOfTheFirstRowsOnlyEqualTheFullOnes() {
        double[][][][] wb = weights(5);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            List<TangentMlp.Layer<TFloat64>> layers = new ArrayList<>();
            for (double[][][] layer : wb) {
                layers.add(new TangentMlp.Layer<>(tf.constant(layer[0]), tf.constant(layer[1])));
            }
            Operand<TFloat64> x = tf.constant(POINTS);
            TangentMlp.Jet<TFloat64> full = TangentMlp.forward(tf, layers, x, 2);
            // a direction that is not a unit vector: d/ds of x(s) = (x0 + 2 s, x1 - s)
            TangentMlp.Jet<TFloat64> partial = TangentMlp.forward(tf, layers, x,
                    List.of(tf.constant(new double[][] {{2, -1}})), 2);
            double[][] all = fetch(s, full.value()), some = fetch(s, partial.value());
            double[][] d0 = fetch(s, full.tangents().get(0)), d1 = fetch(s, full.tangents().get(1));
            double[][] ds = fetch(s, partial.tangents().get(0));
            assertEquals(POINTS.length, some.length);
            assertEquals(2, ds.length);
            for (int n = 0; n < POINTS.length; n++) {
                assertEquals(all[n][0], some[n][0], 0);
            }
            for (int n = 0; n < 2; n++) {
                assertEquals(2 * d0[n][0] - d1[n][0], ds[n][0], 1e-14);
            }
        }
    }

    @Test
    void worksInFloat32() {
        double[][][][] wb = weights(11);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            List<TangentMlp.Layer<TFloat32>> layers = new ArrayList<>();
            for (double[][][] layer : wb) {
                layers.add(new TangentMlp.Layer<>(tf.dtypes.cast(tf.constant(layer[0]), TFloat32.class),
                        tf.dtypes.cast(tf.constant(layer[1]), TFloat32.class)));
            }
            TangentMlp.Jet<TFloat32> jet = TangentMlp.forward(tf, layers, tf.dtypes.cast(tf.constant(POINTS), TFloat32.class), 2);
            try (Result r = s.runner().fetch(jet.tangents().get(1)).run()) {
                float[][] du1 = StdArrays.array2dCopyOf((TFloat32) r.get(0));
                double h = 1e-5;
                double[] x = POINTS[1];
                double fd = (javaForward(wb, new double[] {x[0], x[1] + h}) - javaForward(wb, new double[] {x[0], x[1] - h})) / (2 * h);
                assertEquals(fd, du1[1][0], 1e-5);
            }
        }
    }

    @Test
    void lossWithTangentsHasWeightGradientsMatchingDifferences() {
        double[][][][] wb = weights(3);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> w0 = tf.placeholder(TFloat64.class);
            List<TangentMlp.Layer<TFloat64>> layers = new ArrayList<>();
            layers.add(new TangentMlp.Layer<>(w0, tf.constant(wb[0][1])));
            for (int l = 1; l < wb.length; l++) {
                layers.add(new TangentMlp.Layer<>(tf.constant(wb[l][0]), tf.constant(wb[l][1])));
            }
            TangentMlp.Jet<TFloat64> jet = TangentMlp.forward(tf, layers, tf.constant(POINTS), 2);
            // a transport residual u_t + 0.3 u_a + u, as in the scaled PDE
            Operand<TFloat64> residual = tf.math.add(tf.math.add(jet.tangents().get(1),
                    tf.math.mul(tf.constant(0.3), jet.tangents().get(0))), jet.value());
            Operand<TFloat64> loss = tf.reduceSum(tf.math.square(residual), tf.constant(new int[] {0, 1}));
            var grad = tf.gradients(loss, List.of(w0));

            double analytic;
            try (TFloat64 w = TFloat64.tensorOf(StdArrays.ndCopyOf(wb[0][0]));
                 Result r = s.runner().feed(w0, w).fetch(grad.dy(0)).run()) {
                analytic = StdArrays.array2dCopyOf((TFloat64) r.get(0))[1][5];
            }
            double h = 1e-6;
            double[] plusMinus = new double[2];
            for (int k = 0; k < 2; k++) {
                double[][] perturbed = new double[wb[0][0].length][];
                for (int i = 0; i < perturbed.length; i++) {
                    perturbed[i] = wb[0][0][i].clone();
                }
                perturbed[1][5] += k == 0 ? h : -h;
                try (TFloat64 w = TFloat64.tensorOf(StdArrays.ndCopyOf(perturbed));
                     Result r = s.runner().feed(w0, w).fetch(loss).run()) {
                    plusMinus[k] = ((TFloat64) r.get(0)).getDouble();
                }
            }
            double numeric = (plusMinus[0] - plusMinus[1]) / (2 * h);
            assertEquals(numeric, analytic, 1e-7 * Math.max(1, Math.abs(numeric)));
        }
    }
}
