package org.popcast.models.pinn;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.popcast.data.input.InputException;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.runtime.TensorFlowRuntime;
import org.popcast.engine.train.Checkpointing;
import org.popcast.engine.train.Checkpoints;
import org.popcast.engine.train.Deadline;
import org.popcast.engine.train.LossHistory;
import org.popcast.engine.train.LossWeightUpdate;
import org.popcast.engine.train.Progress;
import org.popcast.engine.train.ProgressReport;
import org.popcast.engine.train.StepListener;
import org.popcast.engine.train.TrainingLoop;
import org.popcast.engine.train.TrainingStep;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;

/**
 * {@code popcast pde train --model pinn}: Adam (float32) with checkpoints, then L-BFGS (float64),
 * then the trained network on the output grid against the exact solver, as a netCDF-4 dataset
 * (formats.md) and a model directory for {@code pde predict}.
 *
 * <p>Resuming: every variable of the Adam phase is checkpointed and the points are a function of
 * (seed, step), so a resumed run repeats exactly what the killed one would have done. A run killed
 * during L-BFGS resumes from the end of Adam and repeats the (deterministic) L-BFGS phase.
 */
public final class PinnTrainRun {

    /** Of training and prediction results; 1.1: CF 1.10 (time without units, UDUNITS units with display_units). */
    public static final String FORMAT_VERSION = "1.1";
    private static final List<String> SERIES = List.of("loss_total", "loss_pde", "loss_ic", "loss_bc");
    /** Settings a resumed run may change: how long to train. */
    private static final List<String> EXTENDABLE = List.of("adam_steps", "lbfgs_iterations");

    /**
     * How to run: settings, output grid, device, where the model and checkpoints go, resume or not,
     * and an optional wall-clock limit on training (null: none). A run stopped by the limit saves a
     * checkpoint, so {@code --resume} goes on from there.
     */
    public record RunSettings(PinnSettings settings, ExactSolveRun.Grid grid, Device device, Path modelDir, boolean resume,
                          int checkpointEvery, Duration timeLimit) {

        public RunSettings(PinnSettings settings, ExactSolveRun.Grid grid, Device device, Path modelDir, boolean resume, int checkpointEvery) {
            this(settings, grid, device, modelDir, resume, checkpointEvery, null);
        }
    }

    /** The run's results. */
    public record Result(NetcdfDataset dataset, ExactComparison comparison, Map<String, Integer> placement,
                          double adamSeconds, long adamStepsThisRun, double lbfgsSeconds, int lbfgsIterations,
                          long adamStepsDone, boolean timeLimited) {
    }

    private PinnTrainRun() {
    }

    /**
     * Trains (Adam, then L-BFGS unless the time limit stopped Adam), writes the model directory and
     * compares the trained network with the exact solver on the output grid.
     */
    public static Result run(PdeScenario scenario, RunSettings o, Provenance provenance, Progress progress) throws IOException {
        // the clock starts before the graph is built: the limit bounds the user's wait, not only the steps
        Deadline deadline = Deadline.after(o.timeLimit());
        AdamRun adam = adam(scenario, o, deadline, progress);
        LbfgsRun lbfgs = o.settings().lbfgsIterations() > 0 && !adam.timeLimited()
                ? lbfgs(scenario, o, adam, deadline, progress) : new LbfgsRun(adam.weights(), 0, 0, false);
        PinnModelFile.write(o.modelDir(), scenario, o.settings(), lbfgs.weights(), provenance);
        return evaluate(scenario, o, provenance, adam, lbfgs);
    }

    /**
     * What the Adam phase did: the final weights and loss weights, the loss history (L-BFGS goes on
     * adding to it), where the first step's ops ran, its wall time, its steps this run and in all,
     * and whether the time limit stopped it.
     */
    record AdamRun(PinnWeights weights, double[] lossWeights, LossHistory history, Map<String, Integer> placement,
                           double seconds, long stepsThisRun, long stepsDone, boolean timeLimited, double[] causalWeights) {
    }

    /** What the L-BFGS phase did (nothing when skipped): the final weights, wall time, iterations, stopped by the limit. */
    record LbfgsRun(PinnWeights weights, double seconds, int iterations, boolean timeLimited) {
    }

    /**
     * The Adam phase: fresh or resumed from the newest checkpoint, then the training loop with, in
     * this order, the loss history, the loss-weight update (gradient-norm balancing), checkpoints
     * every {@code checkpointEvery} steps and at the end, progress, and the deadline (which leaves a
     * checkpoint where it stops the loop).
     */
    private static AdamRun adam(PdeScenario scenario, RunSettings o, Deadline deadline, Progress progress) throws IOException {
        PinnSettings s = o.settings();
        Checkpoints checkpoints = new Checkpoints(o.modelDir().resolve("checkpoints"));
        Map<String, String> meta = new LinkedHashMap<>(s.toMap());
        meta.put("scenario_yaml", scenario.source());
        try (PinnTrainer trainer = new PinnTrainer(scenario.problem(), s, o.device())) {
            progress.message(banner(scenario, s, trainer));
            LossHistory history = o.resume() ? resume(trainer, checkpoints, meta, s.adamSteps(), progress) : new LossHistory(SERIES);
            AdamSteps steps = new AdamSteps(trainer, progress);
            TrainingLoop<PinnTrainer.StepLosses> loop = new TrainingLoop<PinnTrainer.StepLosses>(steps)
                    .addStepListener(StepListener.recorder(l -> history.add(l.total(), l.pde(), l.initial(), l.boundary())));
            if (s.lossWeights() == PinnSettings.LossWeights.GRADIENT_NORM) {
                loop.addStepListener(new LossWeightUpdate(s.weightUpdateEvery(), trainer::rebalance));
            }
            if (s.refinement().on()) {
                loop.addStepListener(new Resampling(s.refinement().every(), trainer::resample));
            }
            loop.addStepListener(new Checkpointing(o.checkpointEvery(), () -> trainer.save(checkpoints, meta, history.toMap())))
                    .addStepListener(new ProgressReport<>(progress, "adam", PinnTrainRun::losses))
                    .addStepListener(deadline);
            long start = System.nanoTime();
            TrainingLoop.Ending end = loop.run(trainer.stepCount(), s.adamSteps());
            boolean timeLimited = end.stoppedBy() == deadline;
            if (timeLimited) {
                progress.message(String.format(Locale.ROOT, "time limit %s reached after %d of %d Adam steps; L-BFGS skipped "
                        + "(checkpoint saved: --resume goes on)", format(o.timeLimit()), end.done(), s.adamSteps()));
            }
            long stepsDone = trainer.stepCount();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new AdamRun(trainer.weights(), trainer.lossWeights(), history, steps.placement, seconds, end.thisRun(), stepsDone,
                    timeLimited, trainer.causalWeights());
        }
    }

    /** The first line of a run: versions, device, model and scenario. */
    private static String banner(PdeScenario scenario, PinnSettings s, PinnTrainer trainer) {
        AgePdeProblem problem = scenario.problem();
        return String.format(Locale.ROOT, "popcast %s, TensorFlow %s, device %s; %s %s (%d parameters), scenario %s%s",
                Provenance.version(), TensorFlowRuntime.version(), trainer.device().name().toLowerCase(Locale.ROOT), s.toMap().get("model"),
                s.architecture(problem), s.parameterCount(problem), scenario.name(),
                s.parametric().isEmpty() ? "" : ", parametric over " + s.parametric());
    }

    /** Restores the newest checkpoint (made with the same settings, at most at {@code adamSteps}); returns its loss history. */
    private static LossHistory resume(PinnTrainer trainer, Checkpoints checkpoints, Map<String, String> meta, long adamSteps,
                                      Progress progress) throws IOException {
        Checkpoints.Saved saved = checkpoints.latest().orElseThrow(() -> new InputException(
                "--resume: no checkpoint in " + checkpoints.directory() + " (start without --resume)"));
        checkCompatible(saved, meta, checkpoints.directory());
        if (saved.step() > adamSteps) {
            throw new InputException("--resume: the checkpoint is at step " + saved.step() + ", beyond --steps " + adamSteps);
        }
        trainer.restore(saved);
        LossHistory history = LossHistory.of(SERIES, saved.series(), saved.step());
        progress.message("resumed from step " + saved.step() + " (" + checkpoints.directory() + ")");
        return history;
    }

    /**
     * The Adam steps of a trainer. The first step of this run is traced and where its ops ran is
     * reported (and recorded as ops_placed_on); tracing every step would slow training.
     */
    private static final class AdamSteps implements TrainingStep<PinnTrainer.StepLosses> {

        private final PinnTrainer trainer;
        private final Progress progress;
        private final Map<String, Integer> placement = new LinkedHashMap<>();
        private boolean traced;

        AdamSteps(PinnTrainer trainer, Progress progress) {
            this.trainer = trainer;
            this.progress = progress;
        }

        @Override
        public PinnTrainer.StepLosses take() {
            if (traced) {
                return trainer.step();
            }
            traced = true;
            PinnTrainer.StepLosses l = trainer.step(placement);
            progress.message("ops placed on " + placement);
            return l;
        }
    }

    /**
     * The float64 L-BFGS phase from Adam's weights, adding its iterations to the loss history; the
     * deadline stops it after the iteration that passes it (L-BFGS iterates inside
     * {@link org.popcast.engine.optim.Lbfgs}, which asks its listener whether to go on).
     */
    private static LbfgsRun lbfgs(PdeScenario scenario, RunSettings o, AdamRun adam, Deadline deadline, Progress progress) {
        PinnSettings s = o.settings();
        long start = System.nanoTime();
        int[] iterations = {0};
        boolean[] stopped = {false};
        PinnWeights weights;
        try (PinnLbfgsPhase phase = new PinnLbfgsPhase(scenario.problem(), s, adam.weights(), adam.lossWeights(), s.adamSteps(),
                o.device())) {
            weights = phase.run(adam.weights(), s.lbfgsIterations(), (it, l) -> {
                adam.history().add(l.total(), l.pde(), l.initial(), l.boundary());
                iterations[0] = it;
                progress.update("l-bfgs", it, s.lbfgsIterations(), it, losses(l));
                stopped[0] = deadline.passed() && it < s.lbfgsIterations();
                return !stopped[0];
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.message(String.format(Locale.ROOT, "l-bfgs stopped after %d iterations%s", iterations[0],
                stopped[0] ? " (time limit " + format(o.timeLimit()) + ")" : ""));
        return new LbfgsRun(weights, seconds, iterations[0], stopped[0]);
    }

    /** The trained network on the output grid against the exact solver, as the run's dataset and outcome. */
    private static Result evaluate(PdeScenario scenario, RunSettings o, Provenance provenance, AdamRun adam, LbfgsRun lbfgs) {
        PinnOutputs.Evaluation e = PinnOutputs.Evaluation.of(scenario, o.grid(), o.settings(), lbfgs.weights());
        NetcdfDataset ds = PinnOutputs.dataset(scenario, o, provenance, e, adam, lbfgs);
        return new Result(ds, e.comparison(), adam.placement(), adam.seconds(), adam.stepsThisRun(), lbfgs.seconds(), lbfgs.iterations(),
                adam.stepsDone(), adam.timeLimited() || lbfgs.timeLimited());
    }

    private static void checkCompatible(Checkpoints.Saved saved, Map<String, String> meta, Path dir) {
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (EXTENDABLE.contains(e.getKey())) {
                continue;
            }
            // checkpoints older than a setting lack it and were made with it off
            String was = saved.meta().getOrDefault(e.getKey(), PinnSettings.ABSENT_MEANS.get(e.getKey()));
            if (!e.getValue().equals(was)) {
                String shown = e.getKey().equals("scenario_yaml") ? "the scenario" : e.getKey() + " (checkpoint: " + was + ", now: " + e.getValue() + ")";
                throw new InputException("--resume: the checkpoint in " + dir + " was made with different settings: " + shown);
            }
        }
        if (saved.meta().containsKey("parametric") && !meta.containsKey("parametric")) {
            throw new InputException("--resume: the checkpoint in " + dir + " was made with different settings: parametric (checkpoint: "
                    + saved.meta().get("parametric") + ", now: none)");
        }
    }

    /** A duration as the user writes it: 90s, 10m, 1h30m. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        return (s >= 3600 ? s / 3600 + "h" : "") + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "") + (s % 60 != 0 || s == 0 ? s % 60 + "s" : "");
    }

    private static String losses(PinnTrainer.StepLosses l) {
        return String.format(Locale.ROOT, "loss %.3e (pde %.2e ic %.2e bc %.2e)", l.total(), l.pde(), l.initial(), l.boundary());
    }

    /** The model directory next to an output file: run.h5 -> run.model. */
    public static Path defaultModelDir(Path out) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".h5") ? name.substring(0, name.length() - 3) : name;
        Path parent = out.toAbsolutePath().getParent();
        return parent.resolve(stem + ".model");
    }

}
