package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.quadrature.BirthIntegral;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * The PINN's birth quadrature (nodes, weights and b(a, t) built in the graph), fed the exact
 * density, against the exact solver's births.
 */
class BirthIntegralTest {

    private static final ExactMvfSolver EXACT =
            new ExactMvfSolver(PaperProblems.problem(PaperProblems.threeChild(), 2054), ExactSolverSettings.DEFAULT);
    private static final double[] TIMES = AgePdeSolution.uniformGrid(2024, 2054, 0.5, "time");

    /** Node ages, node times, weights and births of the rule for {@link #TIMES}, the density at the nodes fed from the exact solver. */
    private static double[][][] run(BirthIntegral rule) {
        return run(rule, PaperProblems.threeChild(), EXACT);
    }

    private static double[][][] run(BirthIntegral rule, Fertility f, ExactMvfSolver exact) {
        return runAt(rule, f, exact, TIMES);
    }

    private static double[][][] runAt(BirthIntegral rule, Fertility f, ExactMvfSolver exact, double[] at) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            BirthIntegral.Nodes<TFloat64> nodes = rule.nodes(tf, Constants.column(tf, at, TFloat64.class));
            Placeholder<TFloat64> density = tf.placeholder(TFloat64.class);
            Operand<TFloat64> births = rule.births(tf, nodes, tf.math.mul(f.graphInside(tf, nodes.ages(), nodes.times()), density));
            double[][] ages, times, weights;
            try (Result r = s.runner().fetch(nodes.ages()).fetch(nodes.times()).fetch(nodes.weights()).run()) {
                ages = StdArrays.array2dCopyOf((TFloat64) r.get(0));
                times = StdArrays.array2dCopyOf((TFloat64) r.get(1));
                weights = StdArrays.array2dCopyOf((TFloat64) r.get(2));
            }
            double[][] p = new double[ages.length][1];
            for (int j = 0; j < p.length; j++) {
                p[j][0] = exact.density(ages[j][0], times[j][0]);
            }
            try (TFloat64 in = TFloat64.tensorOf(StdArrays.ndCopyOf(p));
                 Result r = s.runner().feed(density, in).fetch(births).run()) {
                return new double[][][] {ages, times, weights, StdArrays.array2dCopyOf((TFloat64) r.get(0))};
            }
        }
    }

    private static double worstError(BirthIntegral rule) {
        double[][] births = run(rule)[3];
        double worst = 0;
        for (int k = 0; k < TIMES.length; k++) {
            worst = Math.max(worst, Math.abs(births[k][0] / EXACT.births(TIMES[k]) - 1));
        }
        return worst;
    }

    @Test
    void splittingAtTheJumpLineGivesTheBirthsToNearMachinePrecision() {
        assertTrue(worstError(new BirthIntegral(20, 35, 16, 1, 2024)) < 1e-12);
        // a jump line that never enters the window: split in the middle, and the jump costs accuracy
        double unsplit = worstError(new BirthIntegral(20, 35, 16, 1, -1e6));
        assertTrue(unsplit > 1e-4, "unsplit: " + unsplit);
    }

    /** A policy step in 2030 makes births jump, and the density along a = t - 2030 (inside the window after 2050). */
    @Test
    void splittingAtEveryJumpLineKeepsAPolicyStepExact() {
        Fertility stepped = new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2030}, new double[] {0.5}, 0.25);
        AgePdeProblem problem = PaperProblems.problem(stepped, 2060);
        ExactMvfSolver exact = new ExactMvfSolver(problem, ExactSolverSettings.DEFAULT);
        assertArrayEquals(new double[] {2024, 2030}, problem.jumpOrigins());
        double[] times = AgePdeSolution.uniformGrid(2024.25, 2059.75, 0.5, "time");
        BirthIntegral rule = new BirthIntegral(20, 35, 16, 1, problem.jumpOrigins());
        assertEquals(48, rule.nodesPerTime());
        double[][] births = runAt(rule, stepped, exact, times)[3];
        for (int k = 0; k < times.length; k++) {
            assertEquals(exact.births(times[k]), births[k][0], 1e-11 * exact.births(times[k]), "births at " + times[k]);
        }
    }

    @Test
    void layoutIsOneRowOfWeightsPerTime() {
        BirthIntegral rule = new BirthIntegral(20, 35, 4, 1, 2024);
        assertEquals(8, rule.nodesPerTime());
        double[][][] out = run(rule);
        double[][] ages = out[0], times = out[1], weights = out[2];
        assertEquals(TIMES.length * 8, ages.length);
        assertEquals(TIMES.length, weights.length);
        for (int k = 0; k < TIMES.length; k++) {
            double sum = 0, cut = TIMES[k] - 2024;
            for (int j = 0; j < 8; j++) {
                sum += weights[k][j];
                assertEquals(TIMES[k], times[k * 8 + j][0]);
                double a = ages[k * 8 + j][0];
                assertTrue(a > 20 && a < 35);
                if (cut > 20 && cut < 35) {
                    assertTrue(j < 4 ? a < cut : a > cut, "nodes on both sides of the jump at " + TIMES[k]);
                }
            }
            assertEquals(15, sum, 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> new BirthIntegral(35, 20, 4, 1, 2024));
    }
}
