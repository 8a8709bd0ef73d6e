package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/** RAR-D's graph sampler against a naive one written here: the same draws from the same uniforms, and the right frequencies. */
class ResidualSamplerTest {

    private static double[] residuals(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            // a few large residuals among many small ones, as near a jump line
            r[i] = random.nextDouble() < 0.1 ? 5 * random.nextDouble() : 0.1 * random.nextDouble();
        }
        return r;
    }

    private static double[] uniforms(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }

    /** p_i = (|r_i|^k / mean |r|^k + c) / sum_j (..), the definition. */
    private static double[] probabilities(double[] r, double k, double c) {
        double mean = 0;
        for (double x : r) {
            mean += Math.pow(Math.abs(x), k) / r.length;
        }
        double[] p = new double[r.length];
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            p[i] = Math.pow(Math.abs(r[i]), k) / mean + c;
            sum += p[i];
        }
        for (int i = 0; i < r.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The naive sampler: walk the probabilities until their running sum passes u. */
    private static int[] naive(double[] r, double[] u, double k, double c) {
        double[] p = probabilities(r, k, c);
        int[] out = new int[u.length];
        for (int j = 0; j < u.length; j++) {
            double running = 0;
            int i = 0;
            while (i < p.length - 1 && running + p[i] <= u[j]) {
                running += p[i++];
            }
            out[j] = i;
        }
        return out;
    }

    private static int[] graph(double[] r, double[] u, double k, double c) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var drawn = ResidualSampler.draw(tf, tf.constant(r), tf.constant(u), k, c);
            try (Result out = s.runner().fetch(drawn).run()) {
                return StdArrays.array1dCopyOf((TInt32) out.get(0));
            }
        }
    }

    @Test
    void drawsWhatTheNaiveSamplerDrawsFromTheSameUniforms() {
        double[] r = residuals(300, 1), u = uniforms(5000, 2);
        for (double[] kc : new double[][] {{1, 1}, {2, 0}, {0, 1}, {0.5, 0.25}}) {
            assertArrayEquals(naive(r, u, kc[0], kc[1]), graph(r, u, kc[0], kc[1]), "k " + kc[0] + ", c " + kc[1]);
        }
    }

    @Test
    void frequenciesMatchTheDistributionWithinBinomialNoise() {
        double[] r = residuals(40, 3);
        double k = 2, c = 0.5;
        int draws = 200_000;
        int[] counts = new int[r.length];
        for (int i : graph(r, uniforms(draws, 4), k, c)) {
            counts[i]++;
        }
        double[] p = probabilities(r, k, c);
        for (int i = 0; i < r.length; i++) {
            double sd = Math.sqrt(draws * p[i] * (1 - p[i]));
            assertTrue(Math.abs(counts[i] - draws * p[i]) < 5 * sd + 1, "candidate " + i + ": " + counts[i] + " vs " + draws * p[i]);
        }
    }

    @Test
    void aZeroResidualEverywhereDrawsUniformly() {
        double[] zero = new double[4];
        assertArrayEquals(new int[] {0, 1, 2, 3}, graph(zero, new double[] {0.1, 0.3, 0.6, 0.9}, 1, 1));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement(-1, 1, 1, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement(10, -1, 1, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement(10, 1, -1, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement(10, 0, 0, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement(10, 1, 1, 0, 8));
        assertEquals(0, ResidualRefinement.OFF.rows());
    }
}
