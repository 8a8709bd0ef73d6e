package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.engine.runtime.Device;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.StablePopulation;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.kernels.quadrature.GaussLegendreRule;
import org.popcast.kernels.sampling.Collocation;
import org.popcast.models.agepde.PdeScenarioReader;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

class PinnTrainerTest {

    /**
     * The kernels' stable population (StablePopulation, from the kernels test-jar): continuous
     * across the corner, so a smooth network without the jump feature can fit it.
     */
    static AgePdeProblem stablePopulation() {
        return StablePopulation.standard(1, 1e7).problem(2024, 2054);
    }

    static PinnSettings small(int adamSteps, int lbfgsIterations) {
        return new PinnSettings(new PinnBody.Mlp(new int[] {32, 32}), PinnSettings.InitialCondition.HARD, false,
                new PinnSettings.Points(1024, 0, 16, 8, Collocation.Kind.UNIFORM), PinnSettings.LossWeights.EQUAL, 100,
                new PinnSettings.Optimisation(LearningRateSchedule.constant(1e-3), adamSteps, lbfgsIterations, 1024), 42);
    }

    static double relL2(PinnWeights w, PinnSettings s, AgePdeProblem problem) {
        ExactMvfSolver exact = new ExactMvfSolver(problem, ExactSolverSettings.DEFAULT);
        double[] ages = new double[31 * 21], years = new double[ages.length];
        int n = 0;
        for (int i = 0; i <= 30; i++) {
            for (int j = 0; j <= 20; j++, n++) {
                ages[n] = 5 * j;
                years[n] = 2024 + i;
            }
        }
        double[] p;
        try (PinnPredictor predictor = new PinnPredictor(problem, s, w)) {
            p = predictor.density(ages, years);
        }
        double d2 = 0, r2 = 0;
        for (int i = 0; i < n; i++) {
            double ref = exact.density(ages[i], years[i]);
            d2 += (p[i] - ref) * (p[i] - ref);
            r2 += ref * ref;
        }
        return Math.sqrt(d2 / r2);
    }

    @Test
    void learnsAContinuousProblemToOnePercent() {
        AgePdeProblem problem = stablePopulation();
        PinnSettings s = small(2000, 0);
        try (PinnTrainer trainer = new PinnTrainer(problem, s, Device.CPU)) {
            double before = relL2(trainer.weights(), s, problem);
            PinnTrainer.StepLosses l = null;
            for (int i = 0; i < s.adamSteps(); i++) {
                l = trainer.step();
            }
            double after = relL2(trainer.weights(), s, problem);
            assertEquals(2000, trainer.stepCount());
            assertTrue(after < 1e-2 && after < before / 10, "rel L2 " + before + " -> " + after + ", last losses " + l);
        }
    }

    @Test
    void sameSeedSameNumbers() {
        AgePdeProblem problem = stablePopulation();
        double[] first, second;
        try (PinnTrainer t = new PinnTrainer(problem, small(100, 0), Device.CPU)) {
            for (int i = 0; i < 100; i++) {
                t.step();
            }
            first = t.weights().flatten();
        }
        try (PinnTrainer t = new PinnTrainer(problem, small(100, 0), Device.CPU)) {
            for (int i = 0; i < 100; i++) {
                t.step();
            }
            second = t.weights().flatten();
        }
        assertArrayEquals(first, second, 0);
    }

    /** The loss totals of {@code steps} steps and the final weights (last row) of a fresh trainer. */
    private static double[][] train(AgePdeProblem problem, PinnSettings s, int steps) {
        double[][] out = new double[2][];
        out[0] = new double[steps];
        try (PinnTrainer t = new PinnTrainer(problem, s, Device.CPU)) {
            for (int i = 0; i < steps; i++) {
                out[0][i] = t.step().total();
                if (s.refinement().on() && (i + 1) % s.refinement().every() == 0) {
                    t.resample();
                }
            }
            out[1] = t.weights().flatten();
        }
        return out;
    }

    @Test
    void causalWeightingAndAdaptivePointsTrainAndAreReproducibleFromTheSeed() {
        AgePdeProblem problem = stablePopulation();
        PinnSettings plain = new PinnSettings(new PinnBody.Mlp(new int[] {16, 16}), PinnSettings.InitialCondition.HARD, false,
                new PinnSettings.Points(256, 0, 8, 4, Collocation.Kind.SOBOL), PinnSettings.LossWeights.EQUAL, 100,
                new PinnSettings.Optimisation(LearningRateSchedule.constant(1e-3), 40, 0, 256), 42);
        double[][] base = train(problem, plain, 40);
        for (PinnSettings s : List.of(plain.toBuilder().causal(new CausalWeights(8, 10)).build(),
                plain.toBuilder().refinement(new ResidualRefinement(10, 2, 0.5, 64, 1024)).build())) {
            double[][] first = train(problem, s, 40), second = train(problem, s, 40);
            assertArrayEquals(first[0], second[0], 0, "same seed, same losses: " + s.toMap());
            assertArrayEquals(first[1], second[1], 0, "same seed, same weights: " + s.toMap());
            assertTrue(first[0][39] < first[0][0], "the loss falls: " + first[0][0] + " -> " + first[0][39]);
            assertNotEquals(base[0][0], first[0][0], "the option changes the loss at the first step: " + s.toMap());
            double[][] other = train(problem, s.toBuilder().seed(43).build(), 40);
            assertNotEquals(first[1][0], other[1][0]);
        }
    }

    @Test
    void resamplingDrawsNewPointsFromTheStepAndSeedWhereTheResidualIsLarge() {
        AgePdeProblem problem = PdeScenarioReader.builtin("three-child").problem();
        PinnSettings s = small(0, 0).toBuilder().refinement(new ResidualRefinement(1, 2, 0, 256, 4096)).build();
        float[][] initial, once, again;
        try (PinnTrainer t = new PinnTrainer(problem, s, Device.CPU)) {
            initial = t.adaptivePoints();
            t.resample();
            once = t.adaptivePoints();
        }
        try (PinnTrainer t = new PinnTrainer(problem, s, Device.CPU)) {
            t.resample();
            again = t.adaptivePoints();
        }
        assertEquals(256, once.length);
        assertTrue(java.util.Arrays.deepEquals(once, again), "the same seed and step draw the same points");
        assertTrue(!java.util.Arrays.deepEquals(initial, once), "resampling replaces the first (uniform) points");
        // the untrained network is P0 carried along t~ with the jump side ignored (no jump feature):
        // its residual, hence the draws with k = 2, c = 0, crowd the old ages where mortality is steep
        double oldInitial = 0, oldOnce = 0;
        for (int i = 0; i < 256; i++) {
            oldInitial += initial[i][0] > 0.6 ? 1 : 0;
            oldOnce += once[i][0] > 0.6 ? 1 : 0;
        }
        assertTrue(oldOnce > 1.3 * oldInitial, "adaptive points at ages over 60: " + oldInitial + " -> " + oldOnce);
    }

    /**
     * With all weights zero the hard-constrained density is P0 at every time, so the loss terms
     * have closed forms at the sampled points: residual (v T / A) A P0'(a) + T mu(a) P0(a) and
     * birth mismatch v P0(0) - integral b P0 (in units of the density scale).
     */
    @Test
    void lossTermsMatchAHostComputationForTheInitialDensity() {
        AgePdeProblem p = PdeScenarioReader.builtin("three-child").problem();
        PinnSettings s = small(0, 0);
        PinnWeights zero = PinnWeights.initial(s, s.inputWidth(p)).reshape(new double[s.parameterCount(p)]);
        double scale = PinnNetwork.densityScale(p), span = p.endYear() - p.startYear();
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            PinnNetwork<TFloat64> net = new PinnNetwork<>(zero.constants(tf, TFloat64.class), p, s);
            PinnLoss.Terms<TFloat64> terms = PinnLoss.build(tf, net, p, s, tf.constant(3L), 256, TFloat64.class);
            try (Result r = session.runner().fetch(terms.pde()).fetch(terms.boundary()).fetch(terms.interior())
                    .fetch(terms.boundaryTimes()).run()) {
                double[][] pts = StdArrays.array2dCopyOf((TFloat64) r.get(2));
                double[][] times = StdArrays.array2dCopyOf((TFloat64) r.get(3));
                double pde = 0;
                for (double[] pt : pts) {
                    double a = pt[0] * p.maxAge(), h = 1e-4;
                    double slope = (p.initialDensity().value(a + h) - p.initialDensity().value(a - h)) / (2 * h);
                    double res = (p.ageingSpeed() * span / p.maxAge()) * p.maxAge() * slope / scale
                            + span * p.mortality().hazard(a) * p.initialDensity().value(a) / scale;
                    pde += res * res / pts.length;
                }
                GaussLegendreRule rule = new GaussLegendreRule(16);
                double bc = 0;
                for (double[] t : times) {
                    double year = p.startYear() + span * t[0];
                    double births = rule.integrate(a -> p.fertility().rate(a, year) * p.initialDensity().value(a), 20, 35,
                            new double[0], 1);
                    double gap = (p.ageingSpeed() * p.initialDensity().value(0) - births) / scale;
                    bc += gap * gap / times.length;
                }
                assertEquals(pde, ((TFloat64) r.get(0)).getDouble(), 1e-7 * pde);
                assertEquals(bc, ((TFloat64) r.get(1)).getDouble(), 1e-10 * bc);
            }
        }
    }

    @Test
    void gradientNormBalancingMovesTheWeightsOfTrainedTermsOnly() {
        AgePdeProblem problem = stablePopulation();
        PinnSettings s = new PinnSettings(new PinnBody.Mlp(new int[] {16}), PinnSettings.InitialCondition.HARD, false,
                new PinnSettings.Points(256, 0, 8, 4, Collocation.Kind.SOBOL), PinnSettings.LossWeights.GRADIENT_NORM, 10,
                new PinnSettings.Optimisation(LearningRateSchedule.constant(1e-3), 20, 0, 0), 1);
        try (PinnTrainer t = new PinnTrainer(problem, s, Device.CPU)) {
            assertArrayEquals(new double[] {1, 1, 1}, t.lossWeights(), 0);
            t.step();
            t.rebalance();
            double[] w = t.lossWeights();
            assertNotEquals(1, w[0]);
            assertNotEquals(1, w[2]);
            assertEquals(1, w[1], 0, "the hard initial condition has no loss to weigh");
            // lambda = 0.9 + 0.1 (|g_pde| + |g_bc|) / |g_i|: the two updates are tied
            double x0 = (w[0] - 0.9) / 0.1, x2 = (w[2] - 0.9) / 0.1;
            assertEquals(1, 1 / x0 + 1 / x2, 1e-5);
        }
    }

    @Test
    void softRelativeInitialConditionIsTrained() {
        AgePdeProblem problem = stablePopulation();
        PinnSettings s = new PinnSettings(new PinnBody.Mlp(new int[] {32, 32}), PinnSettings.InitialCondition.SOFT_RELATIVE, false,
                new PinnSettings.Points(512, 256, 8, 4, Collocation.Kind.UNIFORM), PinnSettings.LossWeights.EQUAL, 100,
                new PinnSettings.Optimisation(LearningRateSchedule.constant(1e-3), 300, 0, 0), 5);
        try (PinnTrainer t = new PinnTrainer(problem, s, Device.CPU)) {
            double first = t.step().initial(), last = 0;
            for (int i = 1; i < s.adamSteps(); i++) {
                last = t.step().initial();
            }
            assertTrue(first > 0.05 && last < first / 10, "relative ic loss " + first + " -> " + last);
        }
    }

    @Test
    void lbfgsLowersTheLossAfterAdam() {
        AgePdeProblem problem = stablePopulation();
        PinnSettings s = small(300, 30);
        try (PinnTrainer t = new PinnTrainer(problem, s, Device.CPU)) {
            for (int i = 0; i < s.adamSteps(); i++) {
                t.step();
            }
            PinnWeights adam = t.weights();
            double[] values = new double[s.lbfgsIterations() + 1];
            try (PinnLbfgsPhase phase = new PinnLbfgsPhase(problem, s, adam, t.lossWeights(), s.adamSteps(), Device.CPU)) {
                PinnWeights done = phase.run(adam, s.lbfgsIterations(), (it, l) -> {
                    values[it] = l.total();
                    return true;
                });
                assertTrue(values[s.lbfgsIterations()] < values[1] / 3, "L-BFGS loss " + values[1] + " -> " + values[s.lbfgsIterations()]);
                assertTrue(relL2(done, s, problem) < relL2(adam, s, problem));
            }
        }
    }

    @Test
    void listsTheCpuAsThePlacementOfAStep() {
        try (PinnTrainer t = new PinnTrainer(stablePopulation(), small(1, 0), Device.AUTO)) {
            java.util.Map<String, Integer> placement = new java.util.LinkedHashMap<>();
            t.step(placement);
            assertTrue(placement.keySet().stream().anyMatch(d -> d.endsWith("CPU:0")), placement.toString());
            assertTrue(placement.values().stream().mapToInt(Integer::intValue).sum() > 10);
            assertEquals(List.of(), placement.keySet().stream().filter(d -> d.contains("GPU")).toList());
        }
    }
}
