package org.popcast.kernels.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

class CollocationTest {

    private static double[][] draw(Collocation c, long step, int stream, int count) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TInt64> at = tf.placeholder(TInt64.class);
            Operand<TFloat64> points = c.draw(tf, TFloat64.class, count, 2, at, stream);
            try (TInt64 in = TInt64.scalarOf(step); Result r = s.runner().feed(at, in).fetch(points).run()) {
                return StdArrays.array2dCopyOf((TFloat64) r.get(0));
            }
        }
    }

    /** |mean of x y over the points - 1/4|: the integration error of a smooth function. */
    private static double error(double[][] p) {
        return Math.abs(Arrays.stream(p).mapToDouble(x -> x[0] * x[1]).average().orElseThrow() - 0.25);
    }

    @Test
    void sameSeedStreamAndStepGiveTheSamePointsInTheUnitSquare() {
        for (Collocation.Kind kind : Collocation.Kind.values()) {
            Collocation c = new Collocation(kind, 42);
            double[][] a = draw(c, 7, 1, 512), b = draw(c, 7, 1, 512);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0);
                assertTrue(a[i][0] >= 0 && a[i][0] < 1 && a[i][1] >= 0 && a[i][1] < 1);
            }
            assertFalse(Arrays.equals(a[0], draw(c, 8, 1, 512)[0]), kind + ": a new step draws new points");
            assertFalse(Arrays.equals(a[0], draw(c, 7, 2, 512)[0]), kind + ": streams differ");
        }
    }

    @Test
    void shiftedSobolPointsIntegrateBetterThanUniformOnes() {
        double sobol = 0, uniform = 0;
        int steps = 20;
        for (int step = 0; step < steps; step++) {
            sobol += error(draw(new Collocation(Collocation.Kind.SOBOL, 1), step, 1, 1024)) / steps;
            uniform += error(draw(new Collocation(Collocation.Kind.UNIFORM, 1), step, 1, 1024)) / steps;
        }
        // uniform: about 0.22 / sqrt(1024) = 7e-3 per draw; Sobol: near 1/n
        assertTrue(uniform > 2e-3, "uniform error " + uniform);
        assertTrue(sobol < uniform / 5, "sobol " + sobol + " vs uniform " + uniform);
        assertEquals(0.25, 0.25 + sobol, 1e-3);
    }
}
