package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.popcast.kernels.graph.Constants;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

class ScaledResidualTest {

    @Test
    void seedSlopeIsPointThree() {
        assertEquals(0.3, ScaledResidual.of(PaperProblems.problem(PaperProblems.threeChild(), 2054)).slope(), 1e-15);
    }

    /**
     * P = exp(r s - (r + mu) a / v) solves P_t + v P_a = -mu P for any r. With a = A a~, s = T t~:
     * dP/dt~ = T r P and dP/da~ = -A (r + mu) / v P, so the scaled residual vanishes; a wrong
     * slope or hazard factor would not.
     */
    @Test
    void vanishesOnAnExactSolution() {
        double r = 0.013, mu = 0.02, v = 0.7, ageLimit = 100, span = 30;
        ScaledResidual res = new ScaledResidual(ageLimit, span, v);
        double[] a = {0, 12.5, 50, 99}, s = {0, 3, 17.2, 30};
        double[] p = new double[4], dA = new double[4], dT = new double[4], m = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = Math.exp(r * s[i] - (r + mu) * a[i] / v);
            dT[i] = span * r * p[i];
            dA[i] = -ageLimit * (r + mu) / v * p[i];
            m[i] = mu;
        }
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat64> out = res.residual(tf, Constants.column(tf, p, TFloat64.class), Constants.column(tf, dA, TFloat64.class),
                    Constants.column(tf, dT, TFloat64.class), Constants.column(tf, m, TFloat64.class));
            try (Result result = session.runner().fetch(out).run()) {
                double[][] values = StdArrays.array2dCopyOf((TFloat64) result.get(0));
                for (int i = 0; i < 4; i++) {
                    assertEquals(0, values[i][0], 1e-14 * Math.abs(dA[i]), "at point " + i);
                }
            }
        }
    }
}
