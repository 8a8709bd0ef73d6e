package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.kernels.sampling.Collocation;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * The parametric surrogate: the physics loss scales the rates by each point's parameter exactly
 * as the exact solver does, a trained surrogate saves, loads and predicts any member, and bad
 * members are refused.
 */
class PinnParametricTest {

    private static final PdeScenario SCENARIO = PdeScenarioReader.builtin("three-child");
    private static final PinnParametric BOTH = PinnParametric.parse(List.of("fertility_scale=0.8:1.2", "mortality_scale=0.7:1.3"));

    private static PinnSettings settings(PinnParametric parametric, int interior, int boundaryTimes, int nodes, int steps) {
        return new PinnSettings(new PinnBody.Mlp(new int[] {8, 8}), PinnSettings.InitialCondition.HARD, true,
                new PinnSettings.Points(interior, 0, boundaryTimes, nodes, Collocation.Kind.SOBOL), PinnSettings.LossWeights.EQUAL, 10,
                new PinnSettings.Optimisation(new LearningRateSchedule(1e-3, 0.9, 20), steps, 2, 64), 5, parametric);
    }

    /** A known density in the network's place: placeholders the test feeds after reading the batch's points. */
    private static final class Fed implements PinnField<TFloat64> {
        Placeholder<TFloat64> value, dAge, dTime;
        final PinnNetwork<TFloat64> shape;

        Fed(PinnNetwork<TFloat64> shape) {
            this.shape = shape;
        }

        @Override
        public PinnNetwork.Density<TFloat64> evaluate(Ops tf, Operand<TFloat64> points, int rows) {
            value = tf.placeholder(TFloat64.class);
            dAge = tf.placeholder(TFloat64.class);
            dTime = tf.placeholder(TFloat64.class);
            return new PinnNetwork.Density<>(value, dAge, dTime);
        }

        @Override
        public Operand<TFloat64> initial(Ops tf, Operand<TFloat64> unitAges) {
            return shape.initial(tf, unitAges);
        }
    }

    @Test
    void theExactSolutionOfEachPointsMemberSatisfiesTheParametricLoss() {
        AgePdeProblem problem = SCENARIO.problem();
        int n = 40, k = 6, q = 8;
        PinnSettings s = settings(BOTH, n, k, q, 1);
        double scale = PinnNetwork.densityScale(problem), t0 = problem.startYear(), span = problem.endYear() - t0, v = problem.ageingSpeed();
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            PinnNetwork<TFloat64> net = new PinnNetwork<>(PinnWeights.initial(s, s.inputWidth(problem)).constants(tf, TFloat64.class), problem, s);
            Fed fed = new Fed(net);
            PinnLoss.Terms<TFloat64> terms = PinnLoss.build(tf, fed, problem, s, tf.constant(3L), n, TFloat64.class);
            double[][] batch;
            try (Result r = session.runner().fetch(terms.batch()).run()) {
                batch = StdArrays.array2dCopyOf((TFloat64) r.get(0));
            }
            assertEquals(n + k + k * 2 * q, batch.length);
            assertEquals(4, batch[0].length, "a~, t~, mortality, fertility");
            Map<String, ExactMvfSolver> solvers = new HashMap<>();
            double[][] value = new double[batch.length][1], dAge = new double[n][1], dTime = new double[n][1];
            double h = 1e-4;
            for (int i = 0; i < batch.length; i++) {
                ExactMvfSolver exact = solver(solvers, problem, batch[i]);
                double a = batch[i][0] * problem.maxAge(), t = t0 + batch[i][1] * span;
                value[i][0] = exact.density(a, t) / scale;
                if (i < n) {
                    // along the characteristic (v, 1): dP/dt~ + (v T / A) dP/da~ = T (dP/dt + v dP/da); dP/da~ fed as 0
                    double hh = Math.min(h, Math.min(t - t0, a / v) / 2);
                    double along = (exact.density(a + v * hh, t + hh) - exact.density(a - v * hh, t - hh)) / (2 * hh);
                    dTime[i][0] = span * along / scale;
                }
            }
            double[][] residual, mismatch;
            try (TFloat64 fv = TFloat64.tensorOf(StdArrays.ndCopyOf(value)); TFloat64 fa = TFloat64.tensorOf(StdArrays.ndCopyOf(dAge));
                 TFloat64 ft = TFloat64.tensorOf(StdArrays.ndCopyOf(dTime));
                 Result r = session.runner().feed(fed.value, fv).feed(fed.dAge, fa).feed(fed.dTime, ft)
                         .fetch(terms.residual()).fetch(terms.mismatch()).run()) {
                residual = StdArrays.array2dCopyOf((TFloat64) r.get(0));
                mismatch = StdArrays.array2dCopyOf((TFloat64) r.get(1));
            }
            double worstResidual = 0, worstMismatch = 0;
            for (int i = 0; i < n; i++) {
                // relative to the decay term T m mu P: a wrong multiplier leaves |m' - m| / m of it
                double decay = Math.abs(dTime[i][0]);
                worstResidual = Math.max(worstResidual, Math.abs(residual[i][0]) / Math.max(decay, 1e-9));
            }
            for (int j = 0; j < k; j++) {
                worstMismatch = Math.max(worstMismatch, Math.abs(mismatch[j][0]) / (v * value[n + j][0]));
            }
            assertTrue(worstResidual < 1e-5, "PDE residual of the exact solution, relative: " + worstResidual);
            assertTrue(worstMismatch < 1e-3, "birth-boundary mismatch of the exact solution, relative: " + worstMismatch);

            // the same points with the members read the wrong way round (mortality <-> fertility) do not fit
            double[][] swapped = new double[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                swapped[i] = batch[i].clone();
                swapped[i][2] = -batch[i][2];
            }
            Map<String, ExactMvfSolver> others = new HashMap<>();
            double off = 0;
            for (int i = 0; i < n; i++) {
                ExactMvfSolver wrong = solver(others, problem, swapped[i]);
                double a = batch[i][0] * problem.maxAge(), t = t0 + batch[i][1] * span;
                off = Math.max(off, Math.abs(wrong.density(a, t) / scale - value[i][0]) / value[i][0]);
            }
            assertTrue(off > 1e-3, "the members must matter: " + off);
        }
    }

    /** The exact solver of the member a batch row encodes (columns 2.. in [-1, 1], in the order of the ranges). */
    private static ExactMvfSolver solver(Map<String, ExactMvfSolver> cache, AgePdeProblem problem, double[] row) {
        double[] member = new double[BOTH.count()];
        for (int p = 0; p < member.length; p++) {
            PinnParametric.Range r = BOTH.ranges().get(p);
            member[p] = r.low() + (row[2 + p] + 1) / 2 * (r.high() - r.low());
        }
        return cache.computeIfAbsent(java.util.Arrays.toString(member),
                key -> new ExactMvfSolver(BOTH.apply(problem, member), ExactSolverSettings.DEFAULT));
    }

    @Test
    void aTinySurrogateSavesLoadsAndPredictsItsMembers(@TempDir Path tmp) throws Exception {
        PinnParametric fertility = PinnParametric.parse(List.of("fertility_scale=0.8:1.2"));
        PinnSettings s = settings(fertility, 128, 4, 4, 30);
        ExactSolveRun.Grid grid = new ExactSolveRun.Grid(5, 1);
        PinnTrainRun.Result o = PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(s, grid, Device.CPU, tmp, false, 10),
                Provenance.of("test"), Progress.none());
        var attributes = o.dataset().attributes();
        assertEquals("fertility_scale=0.8:1.2", attributes.get("parametric"));
        assertEquals("fertility_scale=1", attributes.get("parametric_member"));
        assertEquals("0: fertility_scale=0.85; 1: fertility_scale=0.95; 2: fertility_scale=1.05; 3: fertility_scale=1.15",
                attributes.get("heldout_members"));
        assertTrue((Double) attributes.get("rel_l2_off_jump_heldout_max") > 0);

        PinnModelFile.Loaded m = PinnModelFile.read(tmp);
        assertEquals(s.toMap(), m.settings().toMap());
        assertEquals(fertility, m.settings().parametric());
        double[] times = ExactSolveRun.times(SCENARIO, grid), ages = ExactSolveRun.ages(SCENARIO, grid);
        try (PinnPredictor centre = new PinnPredictor(m.scenario().problem(), m.settings(), m.weights(), new double[] {1.0});
             PinnPredictor low = new PinnPredictor(m.scenario().problem(), m.settings(), m.weights(), new double[] {0.85});
             PinnPredictor high = new PinnPredictor(m.scenario().problem(), m.settings(), m.weights(), new double[] {1.15})) {
            double[][] grid1 = centre.grid(times, ages);
            double[] flat = o.dataset().variable("density").data();
            for (int i = 0; i < times.length; i++) {
                assertArrayEquals(java.util.Arrays.copyOfRange(flat, i * ages.length, (i + 1) * ages.length), grid1[i], 0);
            }
            double[] bl = low.births(new double[] {2040}), bh = high.births(new double[] {2040});
            assertTrue(bl[0] != bh[0], "members differ");
            // the batched sweep is the per-member predictor
            double[][][] sweep = centre.sweep(new double[][] {{0.85}, {1.15}}, new double[] {2040, 2054}, 16, 5);
            assertEquals(bl[0], sweep[0][0][0], 1e-5 * Math.abs(bl[0]), "float32 sweep");
            assertEquals(bh[0], sweep[0][1][0], 1e-5 * Math.abs(bh[0]));
            assertEquals(high.population(new double[] {2054})[0], sweep[1][1][1], 1e-5 * sweep[1][1][1]);
        }
        assertThrows(IllegalArgumentException.class, () -> new PinnPredictor(m.scenario().problem(), m.settings(), m.weights()));

        // resuming without --parametric is refused
        PinnSettings plain = settings(PinnParametric.NONE, 128, 4, 4, 40);
        InputException e = assertThrows(InputException.class, () -> PinnTrainRun.run(SCENARIO,
                new PinnTrainRun.RunSettings(plain, grid, Device.CPU, tmp, true, 10), Provenance.of("test"), Progress.none()));
        assertTrue(e.getMessage().contains("parametric"), e.getMessage());
    }

    @Test
    void aResumedSurrogateIsTheUninterruptedOne(@TempDir Path tmp) throws Exception {
        ExactSolveRun.Grid grid = new ExactSolveRun.Grid(10, 2);
        PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(settings(BOTH, 64, 4, 4, 20), grid, Device.CPU, tmp.resolve("a"), false, 10),
                Provenance.of("test"), Progress.none());
        PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(settings(BOTH, 64, 4, 4, 10), grid, Device.CPU, tmp.resolve("b"), false, 10),
                Provenance.of("test"), Progress.none());
        PinnTrainRun.Result resumed = PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(settings(BOTH, 64, 4, 4, 20), grid, Device.CPU,
                tmp.resolve("b"), true, 10), Provenance.of("test"), Progress.none());
        assertEquals(10, resumed.adamStepsThisRun());
        assertArrayEquals(PinnModelFile.read(tmp.resolve("a")).weights().flatten(), PinnModelFile.read(tmp.resolve("b")).weights().flatten(), 0);
        // another range is other settings
        InputException e = assertThrows(InputException.class, () -> PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(
                settings(PinnParametric.parse(List.of("fertility_scale=0.8:1.3")), 64, 4, 4, 30), grid, Device.CPU, tmp.resolve("b"), true, 10),
                Provenance.of("test"), Progress.none()));
        assertTrue(e.getMessage().contains("parametric"), e.getMessage());
    }

    @Test
    void rangesAndMembersAreChecked() {
        assertEquals("mortality_scale=0.7:1.3,fertility_scale=0.8:1.2", BOTH.toString(), "a fixed order whatever the given one");
        assertEquals(BOTH, PinnParametric.parse(List.of(BOTH.toString().split(","))));
        for (String bad : List.of("fertility_scale=1.2:0.8", "fertility_scale=0:1", "fertility_scale=0.8", "fertility=0.8:1.2",
                "fertility_scale=a:1", "fertility_scale")) {
            assertThrows(IllegalArgumentException.class, () -> PinnParametric.parse(List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PinnParametric.parse(List.of("fertility_scale=0.8:1.2", "fertility_scale=0.9:1")));
        assertArrayEquals(new double[] {1.1, 0.9}, BOTH.member(Map.of("fertility_scale", 0.9, "mortality_scale", 1.1), false), 0);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> BOTH.member(Map.of("fertility_scale", 0.9), false));
        assertTrue(missing.getMessage().contains("mortality_scale"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BOTH.member(Map.of("fertility_scale", 0.9, "mortality_scale", 1.1, "x", 1.0), false));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> BOTH.member(Map.of("fertility_scale", 1.3, "mortality_scale", 1.1), false));
        assertTrue(outside.getMessage().contains("outside the trained range 0.8 .. 1.2"), outside.getMessage());
        double[] far = BOTH.member(Map.of("fertility_scale", 1.3, "mortality_scale", 1.1), true);
        assertTrue(BOTH.outside(far));
        assertArrayEquals(new double[] {1.0 / 3, 1.5}, BOTH.normalise(far), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PinnParametric.NONE.member(Map.of("fertility_scale", 1.0), false));
        // held out: the diagonal, and with two parameters the anti-diagonal too
        double[][] held = BOTH.heldOut();
        assertEquals(8, held.length);
        assertArrayEquals(new double[] {0.775, 0.85}, held[0], 1e-12);
        assertArrayEquals(new double[] {0.775, 1.15}, held[4], 1e-12);
        assertArrayEquals(new double[] {1.225, 0.85}, held[7], 1e-12);
    }
}
