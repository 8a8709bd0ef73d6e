package org.popcast.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** L-BFGS against problems whose minimisers are known in closed form. */
class LbfgsTest {

    /** The extended Rosenbrock function: minimum 0 at (1, ..., 1). */
    private static double rosenbrock(double[] x, double[] g) {
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    @Test
    void findsTheRosenbrockMinimum() {
        for (int n : new int[] {2, 20}) {
            double[] start = new double[n];
            for (int i = 0; i < n; i += 2) {
                start[i] = -1.2;
                start[i + 1] = 1;
            }
            Lbfgs.Result r = Lbfgs.minimize(LbfgsTest::rosenbrock, start, new Lbfgs.Settings(500, 10, 1e-10, 0), null);
            for (double xi : r.x()) {
                assertEquals(1, xi, 1e-8, "n = " + n + ", stop " + r.stop());
            }
            assertEquals(Lbfgs.Stop.GRADIENT, r.stop());
            assertTrue(r.iterations() < 200, "iterations " + r.iterations());
        }
    }

    @Test
    void solvesAnIllConditionedQuadratic() {
        // f = 1/2 sum d_i x_i^2 - sum x_i, minimiser x_i = 1 / d_i, condition number 1e4; SciPy's
        // L-BFGS-B (maxcor 20) needs 58 iterations here
        int n = 10;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.pow(10, 4.0 * i / (n - 1));
        }
        Lbfgs.Objective f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += 0.5 * d[i] * x[i] * x[i] - x[i];
                g[i] = d[i] * x[i] - 1;
            }
            return v;
        };
        Lbfgs.Result r = Lbfgs.minimize(f, new double[n], new Lbfgs.Settings(1000, 20, 1e-12, 0), null);
        assertTrue(r.iterations() < 100, "iterations " + r.iterations());
        for (int i = 0; i < n; i++) {
            assertEquals(1 / d[i], r.x()[i], 1e-7 / d[i], "x_" + i + ", " + r);
        }
    }

    @Test
    void listenerCanStopAndSeesFallingValues() {
        double[] last = {Double.POSITIVE_INFINITY};
        Lbfgs.Result r = Lbfgs.minimize(LbfgsTest::rosenbrock, new double[] {-1.2, 1}, Lbfgs.Settings.of(100),
                (it, x, value, gnorm) -> {
                    assertTrue(value <= last[0], "monotone");
                    last[0] = value;
                    return it < 5;
                });
        assertEquals(5, r.iterations());
        assertEquals(Lbfgs.Stop.ITERATIONS, r.stop());
    }
}
