package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** The causal weights against their closed form, computed here in plain Java from the same residuals. */
class CausalWeightsTest {

    /** Unit times, three pieces of four: 2, 3, 1 and 2 points (t~ = 1 belongs to the last piece). */
    private static final double[] TIMES = {0.05, 0.2, 0.3, 0.4, 0.45, 0.6, 0.8, 1.0};
    private static final double[] RESIDUALS = {0.3, -0.5, 0.2, 0.1, -0.4, 0.7, 0.05, -0.25};
    private static final int CHUNKS = 4;
    private static final double EPS = 2.5;

    /** L_i: the mean squared residual of piece i = floor(4 t~), the last piece closed at 1. */
    private static double[] chunkLosses(double theta) {
        double[] sum = new double[CHUNKS];
        int[] count = new int[CHUNKS];
        for (int i = 0; i < TIMES.length; i++) {
            int c = Math.min((int) Math.floor(TIMES[i] * CHUNKS), CHUNKS - 1);
            sum[c] += theta * RESIDUALS[i] * theta * RESIDUALS[i];
            count[c]++;
        }
        for (int c = 0; c < CHUNKS; c++) {
            sum[c] /= count[c];
        }
        return sum;
    }

    /** w_i = exp(-eps sum_{j < i} L_j). */
    private static double[] weights(double[] losses) {
        double[] w = new double[losses.length];
        double before = 0;
        for (int i = 0; i < losses.length; i++) {
            w[i] = Math.exp(-EPS * before);
            before += losses[i];
        }
        return w;
    }

    private static double[][] column(double[] x, double scale) {
        double[][] c = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            c[i][0] = scale * x[i];
        }
        return c;
    }

    /** Loss, weights (4) and d loss / d theta of the graph, the residual being theta x RESIDUALS. */
    private static double[] graph(double theta) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> t = tf.placeholder(TFloat64.class);
            Operand<TFloat64> residual = tf.math.mul(t, tf.constant(column(RESIDUALS, 1)));
            Operand<TFloat64> times = tf.constant(column(TIMES, 1));
            CausalWeights causal = new CausalWeights(CHUNKS, EPS);
            Operand<TFloat64> loss = causal.loss(tf, residual, times);
            Operand<TFloat64> w = causal.weights(tf, causal.chunkLosses(tf, residual, times));
            Operand<TFloat64> gradient = tf.gradients(loss, List.of(t)).dy(0);
            try (TFloat64 fed = TFloat64.scalarOf(theta);
                 Result r = s.runner().feed(t, fed).fetch(loss).fetch(w).fetch(gradient).run()) {
                double[][] weights = StdArrays.array2dCopyOf((TFloat64) r.get(1));
                return new double[] {((TFloat64) r.get(0)).getDouble(), weights[0][0], weights[0][1], weights[0][2], weights[0][3],
                        ((TFloat64) r.get(2)).getDouble()};
            }
        }
    }

    @Test
    void weightsAndLossFollowTheClosedForm() {
        double theta = 1.3;
        double[] l = chunkLosses(theta), w = weights(l);
        double loss = 0;
        for (int i = 0; i < CHUNKS; i++) {
            loss += w[i] * l[i] / CHUNKS;
        }
        double[] g = graph(theta);
        assertEquals(loss, g[0], 1e-14);
        for (int i = 0; i < CHUNKS; i++) {
            assertEquals(w[i], g[1 + i], 1e-14, "w_" + i);
        }
        assertEquals(1.0, g[1], 0, "the first piece is never held back");
        assertTrue(g[4] < 0.5, "the weights fall with the losses before: " + g[4]);
    }

    @Test
    void theWeightsGetNoGradient() {
        double theta = 1.3;
        double[] l = chunkLosses(theta), w = weights(l);
        // with w fixed: d/dtheta mean_i w_i L_i = mean_i w_i dL_i/dtheta, and L_i = theta^2 x const, so dL_i/dtheta = 2 L_i / theta
        double fixed = 0;
        for (int i = 0; i < CHUNKS; i++) {
            fixed += w[i] * 2 * l[i] / theta / CHUNKS;
        }
        // had the weights been differentiated, each w_i would add -eps w_i L_i sum_{j<i} dL_j/dtheta
        double full = fixed, before = 0;
        for (int i = 0; i < CHUNKS; i++) {
            full -= EPS * w[i] * l[i] * before / CHUNKS;
            before += 2 * l[i] / theta;
        }
        double g = graph(theta)[5];
        assertEquals(fixed, g, 1e-13);
        assertTrue(Math.abs(full - fixed) > 0.1 * Math.abs(fixed), "the test tells the two apart: " + full + " vs " + fixed);
    }

    @Test
    void refusesNegativePiecesAndNonPositiveEps() {
        assertThrows(IllegalArgumentException.class, () -> new CausalWeights(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CausalWeights(4, 0));
        assertThrows(IllegalArgumentException.class, () -> new CausalWeights(4, Double.NaN));
        assertTrue(!CausalWeights.OFF.on() && new CausalWeights(1, 1).on());
    }
}
