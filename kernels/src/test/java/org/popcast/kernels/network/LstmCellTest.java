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
import org.tensorflow.types.TFloat64;

/** The graph cell against a plain Java LSTM written from the equations, and its weight gradient against differences. */
class LstmCellTest {

    private static final int N = 4, F = 5, U = 3, T = 3;

    private static double[][] random(Random r, int rows, int cols, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * r.nextGaussian();
            }
        }
        return a;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Plain Java: returns {h, c} after the sequence, each N x U. */
    static double[][][] javaLstm(double[][] w, double[][] u, double[] b, double[][][] xs) {
        double[][] h = new double[N][U], c = new double[N][U];
        for (double[][] x : xs) {
            double[][] hNew = new double[N][U], cNew = new double[N][U];
            for (int n = 0; n < N; n++) {
                double[] z = b.clone();
                for (int k = 0; k < 4 * U; k++) {
                    for (int i = 0; i < F; i++) {
                        z[k] += x[n][i] * w[i][k];
                    }
                    for (int i = 0; i < U; i++) {
                        z[k] += h[n][i] * u[i][k];
                    }
                }
                for (int j = 0; j < U; j++) {
                    double ig = sigmoid(z[j]), fg = sigmoid(z[U + j]), g = Math.tanh(z[2 * U + j]), og = sigmoid(z[3 * U + j]);
                    cNew[n][j] = fg * c[n][j] + ig * g;
                    hNew[n][j] = og * Math.tanh(cNew[n][j]);
                }
            }
            h = hNew;
            c = cNew;
        }
        return new double[][][] {h, c};
    }

    private static double[][] fetch(Session s, Operand<TFloat64> op) {
        try (Result r = s.runner().fetch(op).run()) {
            return StdArrays.array2dCopyOf((TFloat64) r.get(0));
        }
    }

    @Test
    void sequenceMatchesPlainJava() {
        Random r = new Random(5);
        double[][] w = random(r, F, 4 * U, 0.5), u = random(r, U, 4 * U, 0.5);
        double[] b = random(r, 1, 4 * U, 0.3)[0];
        double[][][] xs = new double[T][][];
        for (int t = 0; t < T; t++) {
            xs[t] = random(r, N, F, 1);
        }
        double[][][] expected = javaLstm(w, u, b, xs);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            LstmCell.Weights<TFloat64> weights = new LstmCell.Weights<>(tf.constant(w), tf.constant(u), tf.constant(new double[][] {b}));
            List<Operand<TFloat64>> inputs = new ArrayList<>();
            for (double[][] x : xs) {
                inputs.add(tf.constant(x));
            }
            LstmCell.State<TFloat64> out = LstmCell.run(tf, weights, inputs, U);
            double[][] h = fetch(s, out.h()), c = fetch(s, out.c());
            for (int n = 0; n < N; n++) {
                for (int j = 0; j < U; j++) {
                    assertEquals(expected[0][n][j], h[n][j], 1e-14, "h");
                    assertEquals(expected[1][n][j], c[n][j], 1e-14, "c");
                }
            }
        }
    }

    @Test
    void kernelGradientMatchesDifferences() {
        Random r = new Random(9);
        double[][] w = random(r, F, 4 * U, 0.5), u = random(r, U, 4 * U, 0.5);
        double[] b = random(r, 1, 4 * U, 0.3)[0];
        double[][][] xs = {random(r, N, F, 1), random(r, N, F, 1)};
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> kernel = tf.placeholder(TFloat64.class);
            LstmCell.Weights<TFloat64> weights = new LstmCell.Weights<>(kernel, tf.constant(u), tf.constant(new double[][] {b}));
            LstmCell.State<TFloat64> out = LstmCell.run(tf, weights, List.of(tf.constant(xs[0]), tf.constant(xs[1])), U);
            Operand<TFloat64> loss = tf.reduceSum(tf.math.square(out.h()), tf.constant(new int[] {0, 1}));
            var grad = tf.gradients(loss, List.of(kernel));
            double analytic;
            try (TFloat64 in = TFloat64.tensorOf(StdArrays.ndCopyOf(w));
                 Result res = s.runner().feed(kernel, in).fetch(grad.dy(0)).run()) {
                analytic = StdArrays.array2dCopyOf((TFloat64) res.get(0))[2][U + 1]; // a forget-gate weight
            }
            double step = 1e-6;
            double[] plusMinus = new double[2];
            for (int k = 0; k < 2; k++) {
                double[][] p = new double[F][];
                for (int i = 0; i < F; i++) {
                    p[i] = w[i].clone();
                }
                p[2][U + 1] += k == 0 ? step : -step;
                double[][] h = javaLstm(p, u, b, xs)[0];
                for (double[] row : h) {
                    for (double v : row) {
                        plusMinus[k] += v * v;
                    }
                }
            }
            assertEquals((plusMinus[0] - plusMinus[1]) / (2 * step), analytic, 1e-8);
        }
    }
}
