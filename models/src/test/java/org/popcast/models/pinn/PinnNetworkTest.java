package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.sampling.Collocation;
import org.popcast.models.agepde.PdeScenarioReader;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** The PINN's density and its input derivatives (tangents through the ansatz) against central differences. */
class PinnNetworkTest {

    private static final AgePdeProblem PROBLEM = PdeScenarioReader.builtin("three-child").problem();

    private static final PinnBody MLP = new PinnBody.Mlp(new int[] {12, 12});
    private static final PinnBody LSTM = new PinnBody.Lstm(6, 2, 3, 1.0, 0);

    private static PinnSettings settings(PinnBody body, boolean hard, boolean jump) {
        return new PinnSettings(body, hard ? PinnSettings.InitialCondition.HARD : PinnSettings.InitialCondition.SOFT, jump,
                new PinnSettings.Points(16, 16, 4, 4, Collocation.Kind.UNIFORM), PinnSettings.LossWeights.EQUAL, 10,
                new PinnSettings.Optimisation(LearningRateSchedule.constant(1e-3), 1, 0, 0), 3);
    }

    private static PinnSettings settings(boolean hard, boolean jump) {
        return settings(MLP, hard, jump);
    }

    /** Random weights (not Glorot's zero biases) so every term of the ansatz is exercised. */
    private static PinnWeights random(PinnSettings s, AgePdeProblem problem) {
        PinnWeights shape = PinnWeights.initial(s, s.inputWidth(problem));
        Random r = new Random(11);
        double[] x = new double[shape.count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.6 * r.nextGaussian();
        }
        return shape.reshape(x);
    }

    @Test
    void tangentsMatchCentralDifferencesForEveryAnsatz() {
        // unit points away from the jump lines a~ = 0.3 (t~ - tau_j), on all sides
        double[][] points = {{0.5, 0.2}, {0.05, 0.9}, {0.9, 0.5}, {0.1, 0.1}, {0.2, 0.95}, {0.12, 0.7}};
        double h = 1e-6;
        AgePdeProblem stepped = new AgePdeProblem(2024, 2054, 100, 1, PROBLEM.mortality(),
                new org.popcast.kernels.agepde.Fertility(org.popcast.kernels.agepde.Fertility.quadratic(0.0022, 20, 35),
                        new double[] {2030, 2040}, new double[] {0.2, 0.2}, 0.25), PROBLEM.initialDensity());
        for (PinnBody body : new PinnBody[] {MLP, LSTM})
        for (AgePdeProblem problem : new AgePdeProblem[] {PROBLEM, stepped})
        for (boolean hard : new boolean[] {true, false}) {
            for (boolean jump : new boolean[] {true, false}) {
                PinnSettings s = settings(body, hard, jump);
                try (Graph g = new Graph(); Session session = new Session(g)) {
                    Ops tf = Ops.create(g);
                    PinnNetwork<TFloat64> net = new PinnNetwork<>(random(s, problem).constants(tf, TFloat64.class), problem, s);
                    Placeholder<TFloat64> in = tf.placeholder(TFloat64.class);
                    PinnNetwork.Density<TFloat64> d = net.evaluate(tf, in, -1);
                    double[][] base = run(session, in, d, points);
                    for (int k = 0; k < 2; k++) {
                        double[][] plus = shifted(points, k, h), minus = shifted(points, k, -h);
                        double[][] vp = run(session, in, d, plus), vm = run(session, in, d, minus);
                        for (int i = 0; i < points.length; i++) {
                            double fd = (vp[i][0] - vm[i][0]) / (2 * h);
                            double tangent = base[i][1 + k];
                            assertEquals(fd, tangent, 1e-6 * Math.max(1, Math.abs(fd)),
                                    body + ", hard " + hard + ", jump " + jump + ", d/d" + (k == 0 ? "a~" : "t~") + " at point " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void hardConstraintHoldsOnTheInitialSideAndLeavesTheBornSideFree() {
        PinnSettings s = settings(true, true);
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            PinnNetwork<TFloat64> net = new PinnNetwork<>(random(s, PROBLEM).constants(tf, TFloat64.class), PROBLEM, s);
            Placeholder<TFloat64> in = tf.placeholder(TFloat64.class);
            double[][] pts = {{0, 0}, {0.37, 0}, {1, 0}, {0, 0.5}};
            double[][] v = run(session, in, net.evaluate(tf, in, -1), pts);
            double scale = PinnNetwork.densityScale(PROBLEM);
            for (int i = 0; i < 3; i++) {
                assertEquals(PROBLEM.initialDensity().value(100 * pts[i][0]) / scale, v[i][0], 1e-12, "P(a, t0) = P0(a)");
            }
            // at age 0 after t0 the density is the network's own value, not tied to P0(0)
            double p00 = PROBLEM.initialDensity().value(0) / scale;
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(v[3][0] - p00) > 1e-3, "born side is free: " + v[3][0]);
        }
    }

    /**
     * The transported ansatz P = s P0(a - v (t - t0)) (1 + t~ N) + (1 - s) N: its tangents match central
     * differences on both sides of the corner's line (and of a policy step's), P(a, t0) = P0(a), and
     * without the jump feature it is refused.
     */
    @Test
    void transportedAnsatzHasExactTangentsAndHoldsTheInitialCondition() {
        double[][] points = {{0.5, 0.2}, {0.05, 0.9}, {0.9, 0.5}, {0.1, 0.1}, {0.2, 0.95}, {0.12, 0.7}};
        double h = 1e-6;
        PinnSettings s = settings(MLP, true, true).toBuilder().initialCondition(PinnSettings.InitialCondition.TRANSPORTED).build();
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            PinnNetwork<TFloat64> net = new PinnNetwork<>(random(s, PROBLEM).constants(tf, TFloat64.class), PROBLEM, s);
            Placeholder<TFloat64> in = tf.placeholder(TFloat64.class);
            PinnNetwork.Density<TFloat64> d = net.evaluate(tf, in, -1);
            double[][] base = run(session, in, d, points);
            for (int k = 0; k < 2; k++) {
                double[][] vp = run(session, in, d, shifted(points, k, h)), vm = run(session, in, d, shifted(points, k, -h));
                for (int i = 0; i < points.length; i++) {
                    double fd = (vp[i][0] - vm[i][0]) / (2 * h);
                    assertEquals(fd, base[i][1 + k], 1e-6 * Math.max(1, Math.abs(fd)), "d/d" + (k == 0 ? "a~" : "t~") + " at point " + i);
                }
            }
            double[][] initial = run(session, in, d, new double[][] {{0, 0}, {0.37, 0}, {1, 0}});
            double scale = PinnNetwork.densityScale(PROBLEM);
            for (int i = 0; i < 3; i++) {
                assertEquals(PROBLEM.initialDensity().value(new double[] {0, 37, 100}[i]) / scale, initial[i][0], 1e-12, "P(a, t0) = P0(a)");
            }
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.toBuilder().jumpFeature(false).build());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("jump feature"), e.getMessage());
    }

    /** The LSTM-PINN's density at one point with the given body, weights fixed, optionally with dropout. */
    private static double lstmDensity(PinnBody.Lstm body, double[] point, boolean dropout) {
        PinnSettings s = settings(body, true, true);
        PinnWeights w = random(settings(new PinnBody.Lstm(body.units(), body.layers(), 3, 1.0, 0), true, true), PROBLEM);
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            PinnNetwork<TFloat64> net = new PinnNetwork<>(w.constants(tf, TFloat64.class), PROBLEM, s,
                    dropout ? tf.constant(new long[] {5, 9}) : null);
            Placeholder<TFloat64> in = tf.placeholder(TFloat64.class);
            return run(session, in, net.evaluate(tf, in, -1), new double[][] {point})[0][0];
        }
    }

    @Test
    void theLstmDensityDependsOnWhatItSawEarlierAlongTheCharacteristic() {
        double[] point = {0.6, 0.5};
        double oneYear = lstmDensity(new PinnBody.Lstm(6, 2, 3, 1.0, 0), point, false);
        double twoYears = lstmDensity(new PinnBody.Lstm(6, 2, 3, 2.0, 0), point, false);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(oneYear - twoYears) > 1e-6,
                "same final input, different earlier inputs: " + oneYear + " vs " + twoYears);
        // a sequence of length one (the seed's) cannot depend on earlier points
        assertEquals(lstmDensity(new PinnBody.Lstm(6, 2, 0, 1.0, 0), point, false),
                lstmDensity(new PinnBody.Lstm(6, 2, 0, 2.0, 0), point, false), 0);
    }

    @Test
    void dropoutActsInTrainingOnly() {
        double[] point = {0.6, 0.5};
        PinnBody.Lstm body = new PinnBody.Lstm(6, 2, 3, 1.0, 0.5);
        double training = lstmDensity(body, point, true), evaluation = lstmDensity(body, point, false);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(training - evaluation) > 1e-9, "dropout changes the training pass");
        PinnSettings s = settings(body, true, true);
        PinnWeights w = random(settings(new PinnBody.Lstm(6, 2, 3, 1.0, 0), true, true), PROBLEM);
        try (PinnPredictor p = new PinnPredictor(PROBLEM, s, w)) {
            double year = 2024 + 30 * point[1], age = 100 * point[0];
            double first = p.density(new double[] {age}, new double[] {year})[0];
            assertEquals(first, p.density(new double[] {age}, new double[] {year})[0], 0, "prediction is deterministic");
            assertEquals(evaluation * PinnNetwork.densityScale(PROBLEM), first, 1e-9 * Math.abs(first), "prediction has no dropout");
        }
    }

    private static double[][] shifted(double[][] p, int k, double h) {
        double[][] q = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i].clone();
            q[i][k] += h;
        }
        return q;
    }

    /** value, dP/da~, dP/dt~ per point. */
    private static double[][] run(Session s, Placeholder<TFloat64> in, PinnNetwork.Density<TFloat64> d, double[][] points) {
        try (TFloat64 x = TFloat64.tensorOf(StdArrays.ndCopyOf(points));
             Result r = s.runner().feed(in, x).fetch(d.value()).fetch(d.dAge()).fetch(d.dTime()).run()) {
            double[][] v = StdArrays.array2dCopyOf((TFloat64) r.get(0)), da = StdArrays.array2dCopyOf((TFloat64) r.get(1)),
                    dt = StdArrays.array2dCopyOf((TFloat64) r.get(2));
            double[][] out = new double[points.length][3];
            for (int i = 0; i < points.length; i++) {
                out[i] = new double[] {v[i][0], da[i][0], dt[i][0]};
            }
            return out;
        }
    }
}
