package org.popcast.kernels.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** The LSTM step and its tangents against a plain Java LSTM and its central differences. */
class TangentLstmTest {

    private static final int IN = 3, UNITS = 5, STEPS = 4;
    private static final double[][][] SEQUENCE = new double[STEPS][2][IN]; // [step][row][input]
    private static final double[] DIRECTION = {0.3, 1, 0};

    static {
        Random r = new Random(2);
        for (double[][] step : SEQUENCE) {
            for (double[] row : step) {
                for (int k = 0; k < IN; k++) {
                    row[k] = r.nextDouble();
                }
            }
        }
    }

    private static double[][] random(Random r, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * r.nextGaussian();
            }
        }
        return m;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** h after the sequence (row {@code row}), inputs shifted by eps * direction at every step. */
    private static double[] javaRun(double[][] w, double[][] u, double[] b, int row, double eps, int changedStep, double change) {
        double[] h = new double[UNITS], c = new double[UNITS];
        for (int s = 0; s < STEPS; s++) {
            double[] x = SEQUENCE[s][row].clone();
            for (int k = 0; k < IN; k++) {
                x[k] += eps * DIRECTION[k] + (s == changedStep && k == 0 ? change : 0);
            }
            double[] z = b.clone();
            for (int j = 0; j < 4 * UNITS; j++) {
                for (int k = 0; k < IN; k++) {
                    z[j] += x[k] * w[k][j];
                }
                for (int k = 0; k < UNITS; k++) {
                    z[j] += h[k] * u[k][j];
                }
            }
            double[] hn = new double[UNITS];
            for (int j = 0; j < UNITS; j++) {
                double i = sigmoid(z[j]), f = sigmoid(z[UNITS + j]), g = Math.tanh(z[2 * UNITS + j]), o = sigmoid(z[3 * UNITS + j]);
                c[j] = f * c[j] + i * g;
                hn[j] = o * Math.tanh(c[j]);
            }
            h = hn;
        }
        return h;
    }

    /** Random kernels and bias of a cell: arrays for the plain Java cell, constants for the graph. */
    private record CellWeights(double[][] w, double[][] u, double[] b) {
        static CellWeights draw(long seed) {
            Random r = new Random(seed);
            double[][] w = random(r, IN, 4 * UNITS, 0.7), u = random(r, UNITS, 4 * UNITS, 0.7);
            return new CellWeights(w, u, random(r, 1, 4 * UNITS, 0.3)[0]);
        }

        TangentLstm.Weights<TFloat64> constants(Ops tf) {
            return new TangentLstm.Weights<>(tf.constant(w), tf.constant(u), tf.constant(new double[][] {b}));
        }
    }

    /** h and its tangent along DIRECTION ({h, dh}, each rows x units) after the graph's TangentLstm has read {@code sequence}. */
    private static double[][][] graphRun(CellWeights cell, double[][][] sequence) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            TangentLstm.Weights<TFloat64> weights = cell.constants(tf);
            List<Operand<TFloat64>> dx = List.of(tf.constant(new double[][] {DIRECTION}));
            TangentLstm.State<TFloat64> state = TangentLstm.zero(tf, tf.constant(sequence[0]), UNITS, 1);
            for (double[][] step : sequence) {
                state = TangentLstm.step(tf, weights, tf.constant(step), dx, state);
            }
            try (Result res = s.runner().fetch(state.h()).fetch(state.dh().get(0)).run()) {
                return new double[][][] {StdArrays.array2dCopyOf((TFloat64) res.get(0)), StdArrays.array2dCopyOf((TFloat64) res.get(1))};
            }
        }
    }

    /** The plain Java h after the sequence and its central-difference tangent along DIRECTION: {h, dh}. */
    private static double[][] oracle(double[][] w, double[][] u, double[] b, int row, int changedStep, double change) {
        double eps = 1e-6;
        double[] plus = javaRun(w, u, b, row, eps, changedStep, change), minus = javaRun(w, u, b, row, -eps, changedStep, change);
        double[] dh = new double[UNITS];
        for (int j = 0; j < UNITS; j++) {
            dh[j] = (plus[j] - minus[j]) / (2 * eps);
        }
        return new double[][] {javaRun(w, u, b, row, 0, changedStep, change), dh};
    }

    @Test
    void valuesAndTangentsMatchPlainJavaAndDifferences() {
        CellWeights cell = CellWeights.draw(9);
        double[][][] graph = graphRun(cell, SEQUENCE);
        double[][] h = graph[0], dh = graph[1];
        for (int row = 0; row < 2; row++) {
            double[][] plain = oracle(cell.w(), cell.u(), cell.b(), row, -1, 0);
            for (int j = 0; j < UNITS; j++) {
                assertEquals(plain[0][j], h[row][j], 1e-14, "h");
                assertEquals(plain[1][j], dh[row][j], 1e-8, "dh along the direction");
            }
        }
    }

    @Test
    void recurrenceIsReal() {
        // An input changed at the first of the STEPS steps must reach TangentLstm's state after the
        // last one as it reaches the plain Java cell's. That alone would not show the recurrent
        // kernel at work (with U = 0 the cell state still carries it: c' = f c + i g), so the graph
        // must also stay far, in values and tangents, from the same cell without U: a step that
        // dropped h U or dh U would match that one instead.
        CellWeights cell = CellWeights.draw(4);
        double[][] noRecurrence = new double[UNITS][4 * UNITS];
        double[][][] changed = new double[STEPS][][];
        for (int s = 0; s < STEPS; s++) {
            changed[s] = new double[][] {SEQUENCE[s][0].clone(), SEQUENCE[s][1].clone()};
        }
        for (double[] row : changed[0]) {
            row[0] += 0.5;
        }
        double[][][] before = graphRun(cell, SEQUENCE), after = graphRun(cell, changed);
        for (int row = 0; row < 2; row++) {
            double[][] unchanged = oracle(cell.w(), cell.u(), cell.b(), row, -1, 0);
            double[][] plain = oracle(cell.w(), cell.u(), cell.b(), row, 0, 0.5);
            double[][] flat = oracle(cell.w(), noRecurrence, cell.b(), row, 0, 0.5);
            double moved = 0, offFlat = 0, tangentOffFlat = 0;
            for (int j = 0; j < UNITS; j++) {
                assertEquals(unchanged[0][j], before[0][row][j], 1e-14, "h, unchanged input");
                assertEquals(unchanged[1][j], before[1][row][j], 1e-8, "dh, unchanged input");
                assertEquals(plain[0][j], after[0][row][j], 1e-14, "h, first input changed");
                assertEquals(plain[1][j], after[1][row][j], 1e-8, "dh, first input changed");
                moved = Math.max(moved, Math.abs(after[0][row][j] - before[0][row][j]));
                offFlat = Math.max(offFlat, Math.abs(after[0][row][j] - flat[0][j]));
                tangentOffFlat = Math.max(tangentOffFlat, Math.abs(after[1][row][j] - flat[1][j]));
            }
            assertTrue(moved > 1e-4, "row " + row + ": the first step's input changes the last state by " + moved);
            assertTrue(offFlat > 1e-2, "row " + row + ": h is " + offFlat + " from the cell without U");
            assertTrue(tangentOffFlat > 1e-2, "row " + row + ": dh is " + tangentOffFlat + " from the cell without U");
        }
    }

    @Test
    void theZeroStateShortcutGivesExactlyWhatTheFullStepGivesFromZeros() {
        CellWeights cell = CellWeights.draw(11);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            TangentLstm.Weights<TFloat64> weights = cell.constants(tf);
            List<Operand<TFloat64>> dx = List.of(tf.constant(new double[][] {DIRECTION}));
            TangentLstm.State<TFloat64> zero = TangentLstm.zero(tf, tf.constant(SEQUENCE[0]), UNITS, 1);
            TangentLstm.State<TFloat64> unflagged = new TangentLstm.State<>(zero.h(), zero.c(), zero.dh(), zero.dc());
            TangentLstm.State<TFloat64> a = TangentLstm.step(tf, weights, tf.constant(SEQUENCE[0]), dx, zero);
            TangentLstm.State<TFloat64> full = TangentLstm.step(tf, weights, tf.constant(SEQUENCE[0]), dx, unflagged);
            try (Result res = s.runner().fetch(a.h()).fetch(full.h()).fetch(a.c()).fetch(full.c()).fetch(a.dh().get(0))
                    .fetch(full.dh().get(0)).run()) {
                for (int k = 0; k < 6; k += 2) {
                    double[][] x = StdArrays.array2dCopyOf((TFloat64) res.get(k)), y = StdArrays.array2dCopyOf((TFloat64) res.get(k + 1));
                    for (int row = 0; row < x.length; row++) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(y[row], x[row], 0, "output " + k / 2);
                    }
                }
            }
        }
    }
}
