package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.sampling.Collocation;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;

/** Training runs end to end: resume reproduces an uninterrupted run, the saved model predicts what was trained. */
class PinnTrainRunTest {

    private static final PdeScenario SCENARIO = PdeScenarioReader.builtin("three-child");
    private static final ExactSolveRun.Grid GRID = new ExactSolveRun.Grid(5, 1);

    private static PinnSettings settings(int adamSteps) {
        return new PinnSettings(new PinnBody.Mlp(new int[] {16, 16}), PinnSettings.InitialCondition.HARD, true,
                new PinnSettings.Points(256, 0, 8, 4, Collocation.Kind.SOBOL), PinnSettings.LossWeights.GRADIENT_NORM, 10,
                new PinnSettings.Optimisation(new LearningRateSchedule(1e-3, 0.9, 20), adamSteps, 5, 256), 7);
    }

    private static PinnTrainRun.Result run(Path dir, int steps, boolean resume) throws Exception {
        return PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(settings(steps), GRID, Device.CPU, dir, resume, 20),
                Provenance.of("test"), Progress.none());
    }

    private static void assertSameRun(NetcdfDataset expected, NetcdfDataset actual) {
        for (String v : List.of("loss_total", "loss_pde", "loss_ic", "loss_bc", "density", "births", "population")) {
            assertArrayEquals(expected.variable(v).data(), actual.variable(v).data(), 0, v);
        }
        assertEquals(expected.attributes().get("rel_l2"), actual.attributes().get("rel_l2"));
    }

    @Test
    void resumingAnInterruptedRunGivesTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        PinnTrainRun.Result straight = run(tmp.resolve("a"), 60, false);
        run(tmp.resolve("b"), 40, false); // "killed" after step 40 (its last checkpoint)
        PinnTrainRun.Result resumed = run(tmp.resolve("b"), 60, true);
        assertEquals(20, resumed.adamStepsThisRun());
        assertEquals(60 + 5, straight.dataset().dimension("step").size());
        assertSameRun(straight.dataset(), resumed.dataset());
        assertArrayEquals(PinnModelFile.read(tmp.resolve("a")).weights().flatten(), PinnModelFile.read(tmp.resolve("b")).weights().flatten(), 0);
    }

    private static PinnSettings adaptive(int adamSteps, int rarEvery) {
        return settings(adamSteps).toBuilder().causal(new CausalWeights(4, 10))
                .refinement(new ResidualRefinement(rarEvery, 1, 1, 64, 512)).build();
    }

    private static PinnTrainRun.Result run(Path dir, PinnSettings s, boolean resume) throws Exception {
        return PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(s, GRID, Device.CPU, dir, resume, 20), Provenance.of("test"),
                Progress.none());
    }

    @Test
    void causalWeightingAndAdaptivePointsResumeToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        // resampling at 15, 30, 45, checkpoints at 20 and 40: the resumed run needs the points drawn at step 30
        PinnTrainRun.Result straight = run(tmp.resolve("a"), adaptive(60, 15), false);
        run(tmp.resolve("b"), adaptive(40, 15), false);
        PinnTrainRun.Result resumed = run(tmp.resolve("b"), adaptive(60, 15), true);
        assertEquals(20, resumed.adamStepsThisRun());
        assertSameRun(straight.dataset(), resumed.dataset());
        var a = straight.dataset().attributes();
        assertEquals(4L, a.get("causal_chunks"));
        assertEquals(10.0, a.get("causal_eps"));
        assertEquals(15L, a.get("rar_every"));
        assertEquals(64L, a.get("rar_points"));
        String[] w = ((String) a.get("causal_weights_final")).split(",");
        assertEquals(4, w.length);
        assertEquals(1.0, Double.parseDouble(w[0]), "the first piece is never held back");
        assertEquals(adaptive(60, 15).toMap(), PinnModelFile.read(tmp.resolve("a")).settings().toMap());

        InputException other = assertThrows(InputException.class, () -> run(tmp.resolve("b"), adaptive(80, 10), true));
        assertTrue(other.getMessage().contains("rar_every (checkpoint: 15, now: 10)"), other.getMessage());
        InputException off = assertThrows(InputException.class, () -> run(tmp.resolve("b"), settings(80), true));
        assertTrue(off.getMessage().contains("causal_chunks (checkpoint: 4, now: 0)"), off.getMessage());
    }

    @Test
    void aCheckpointFromBeforeTheseOptionsResumesWithThemOff(@TempDir Path tmp) throws Exception {
        run(tmp, 20, false);
        Path manifest = tmp.resolve("checkpoints").resolve("checkpoint.properties");
        List<String> lines = Files.readAllLines(manifest).stream()
                .filter(l -> !l.startsWith("causal_chunks") && !l.startsWith("rar_every")).toList();
        Files.write(manifest, lines);
        assertEquals(20, run(tmp, 40, true).adamStepsThisRun());
        InputException on = assertThrows(InputException.class, () -> run(tmp, adaptive(60, 15), true));
        assertTrue(on.getMessage().contains("causal_chunks (checkpoint: 0, now: 4)"), on.getMessage());
    }

    @Test
    void settingsWithoutTheNewKeysReadAsOff() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(settings(20).toMap());
        m.remove("causal_chunks");
        m.remove("rar_every");
        PinnSettings s = PinnSettings.fromMap(m);
        assertTrue(!s.causal().on() && !s.refinement().on());
        assertEquals(adaptive(20, 5).toMap(), PinnSettings.fromMap(adaptive(20, 5).toMap()).toMap());
    }

    @Test
    void theSavedModelPredictsTheTrainedDensity(@TempDir Path tmp) throws Exception {
        PinnTrainRun.Result o = run(tmp, 20, false);
        PinnModelFile.Loaded m = PinnModelFile.read(tmp);
        assertEquals(SCENARIO.source(), m.scenario().source());
        assertEquals(settings(20).toMap(), m.settings().toMap());
        double[] times = ExactSolveRun.times(SCENARIO, GRID), ages = ExactSolveRun.ages(SCENARIO, GRID);
        try (PinnPredictor p = new PinnPredictor(m.scenario().problem(), m.settings(), m.weights())) {
            double[][] grid = p.grid(times, ages);
            double[] flat = o.dataset().variable("density").data();
            for (int i = 0; i < times.length; i++) {
                for (int j = 0; j < ages.length; j++) {
                    assertEquals(flat[i * ages.length + j], grid[i][j], 0);
                }
            }
        }
        NetcdfDataset ds = o.dataset();
        double relL2 = (Double) ds.attributes().get("rel_l2");
        assertTrue(relL2 > 0 && relL2 < 1, "rel_l2 " + relL2);
        assertTrue(ds.attributes().containsKey("births_rel_error_2054"));
        assertEquals("cpu", ds.attributes().get("device"));
        assertEquals(7L, ds.attributes().get("seed"));
    }

    @Test
    void resumeRefusesOtherSettingsAndMissingCheckpoints(@TempDir Path tmp) throws Exception {
        InputException none = assertThrows(InputException.class, () -> run(tmp.resolve("x"), 20, true));
        assertTrue(none.getMessage().contains("no checkpoint"), none.getMessage());
        run(tmp.resolve("y"), 20, false);
        PinnSettings other = new PinnSettings(new PinnBody.Mlp(new int[] {16, 16}), PinnSettings.InitialCondition.HARD, true,
                new PinnSettings.Points(256, 0, 8, 4, Collocation.Kind.SOBOL), PinnSettings.LossWeights.GRADIENT_NORM, 10,
                new PinnSettings.Optimisation(new LearningRateSchedule(1e-3, 0.9, 20), 40, 5, 256), 8);
        InputException e = assertThrows(InputException.class, () -> PinnTrainRun.run(SCENARIO,
                new PinnTrainRun.RunSettings(other, GRID, Device.CPU, tmp.resolve("y"), true, 20), Provenance.of("t"), Progress.none()));
        assertTrue(e.getMessage().contains("seed (checkpoint: 7, now: 8)"), e.getMessage());
    }

    @Test
    void aTimeLimitedRunStopsWithACheckpointAndResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        PinnTrainRun.Result limited = PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(settings(1_000_000), GRID, Device.CPU,
                tmp.resolve("limited"), false, 1_000_000, Duration.ofSeconds(1)), Provenance.of("test"), Progress.none());
        assertTrue(limited.timeLimited());
        long done = limited.adamStepsDone();
        assertTrue(done >= 1 && done < 1_000_000, "steps done " + done);
        assertEquals(0, limited.lbfgsIterations(), "L-BFGS is skipped once the limit is reached in Adam");
        assertEquals("1s", limited.dataset().attributes().get("time_limit"));
        assertTrue(((String) limited.dataset().attributes().get("stopped_by_time_limit")).startsWith("yes"));
        assertEquals(done, limited.dataset().attributes().get("adam_steps_done"));

        int total = (int) done + 10;
        PinnTrainRun.Result resumed = run(tmp.resolve("limited"), total, true);
        assertEquals(10, resumed.adamStepsThisRun(), "the checkpoint was saved at the step where the limit stopped the run");
        assertSameRun(run(tmp.resolve("straight"), total, false).dataset(), resumed.dataset());
    }

    @Test
    void aComparisonReusesAFinishedRunWithTheSameSettingsOnly(@TempDir Path tmp) throws Exception {
        PdeComparison.Config config = new PdeComparison.Config("tiny", settings(20));
        PdeComparison.Row first = PdeComparison.run(config, SCENARIO, GRID, Device.CPU, null, true, tmp, Provenance.of("t"), Progress.none());
        Path file = tmp.resolve("tiny-three-child.h5");
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        assertEquals(20, first.adamStepsDone());
        assertEquals(20, first.adamStepsPlanned());
        assertEquals(3, first.birthYears().length);
        assertEquals(first.relL2(), (Double) NetcdfReader.read(file).attributes().get("rel_l2"));

        PdeComparison.Row again = PdeComparison.run(config, SCENARIO, GRID, Device.CPU, null, true, tmp, Provenance.of("t"), Progress.none());
        assertEquals(written, Files.getLastModifiedTime(file), "not trained again");
        assertEquals(first.relL2OffJump(), again.relL2OffJump());
        assertArrayEquals(first.birthErrors(), again.birthErrors(), 0);

        PdeComparison.Row longer = PdeComparison.run(new PdeComparison.Config("tiny", settings(25)), SCENARIO, GRID, Device.CPU, null, true,
                tmp, Provenance.of("t"), Progress.none());
        assertEquals(25, longer.adamStepsDone(), "other settings: trained again");
    }

    @Test
    void aLengthOneLstmTrainsAndLeavesItsUnreadRecurrentKernelsAlone(@TempDir Path tmp) throws Exception {
        PinnSettings s = new PinnSettings(new PinnBody.Lstm(4, 2, 0, 1.0, 0), PinnSettings.InitialCondition.HARD, true,
                new PinnSettings.Points(128, 0, 8, 4, Collocation.Kind.SOBOL), PinnSettings.LossWeights.GRADIENT_NORM, 5,
                new PinnSettings.Optimisation(new LearningRateSchedule(1e-3, 0.9, 20), 10, 3, 128), 7);
        PinnTrainRun.Result o = PinnTrainRun.run(SCENARIO, new PinnTrainRun.RunSettings(s, GRID, Device.CPU, tmp, false, 20),
                Provenance.of("test"), Progress.none());
        assertEquals(10, o.adamStepsDone());
        java.util.Map<String, double[][]> before = PinnWeights.initial(s, s.inputWidth(SCENARIO.problem())).arrays();
        java.util.Map<String, double[][]> after = PinnModelFile.read(tmp).weights().arrays();
        for (String name : before.keySet()) {
            boolean same = java.util.Arrays.deepEquals(before.get(name), after.get(name));
            assertEquals(name.endsWith("_recurrent"), same, name + (same ? " unchanged" : " changed"));
        }
    }
}
