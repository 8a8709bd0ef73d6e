package org.popcast.models.pinn;

import org.popcast.models.common.ResultHeader;
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
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactSolverSettings;
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

    public static final String FORMAT_VERSION = "1.0";
    private static final List<String> SERIES = List.of("loss_total", "loss_pde", "loss_ic", "loss_bc");
    /** Settings a resumed run may change: how long to train. */
    private static final List<String> EXTENDABLE = List.of("adam_steps", "lbfgs_iterations");

    /**
     * How to run: settings, output grid, device, where the model and checkpoints go, resume or not,
     * and an optional wall-clock limit on training (null: none). A run stopped by the limit saves a
     * checkpoint, so {@code --resume} goes on from there.
     */
    public record Options(PinnSettings settings, ExactSolveRun.Grid grid, Device device, Path modelDir, boolean resume,
                          int checkpointEvery, Duration timeLimit) {

        public Options(PinnSettings settings, ExactSolveRun.Grid grid, Device device, Path modelDir, boolean resume, int checkpointEvery) {
            this(settings, grid, device, modelDir, resume, checkpointEvery, null);
        }
    }

    /** The run's results. */
    public record Outcome(NetcdfDataset dataset, ExactComparison comparison, Map<String, Integer> placement,
                          double adamSeconds, long adamStepsThisRun, double lbfgsSeconds, int lbfgsIterations,
                          long adamStepsDone, boolean timeLimited) {
    }

    private PinnTrainRun() {
    }

    /**
     * Trains (Adam, then L-BFGS unless the time limit stopped Adam), writes the model directory and
     * compares the trained network with the exact solver on the output grid.
     */
    public static Outcome run(PdeScenario scenario, Options o, Provenance provenance, Progress progress) throws IOException {
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
    private record AdamRun(PinnWeights weights, double[] lossWeights, LossHistory history, Map<String, Integer> placement,
                           double seconds, long stepsThisRun, long stepsDone, boolean timeLimited) {
    }

    /** What the L-BFGS phase did (nothing when skipped): the final weights, wall time, iterations, stopped by the limit. */
    private record LbfgsRun(PinnWeights weights, double seconds, int iterations, boolean timeLimited) {
    }

    /**
     * The Adam phase: fresh or resumed from the newest checkpoint, then the training loop with, in
     * this order, the loss history, the loss-weight update (gradient-norm balancing), checkpoints
     * every {@code checkpointEvery} steps and at the end, progress, and the deadline (which leaves a
     * checkpoint where it stops the loop).
     */
    private static AdamRun adam(PdeScenario scenario, Options o, Deadline deadline, Progress progress) throws IOException {
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
                    timeLimited);
        }
    }

    /** The first line of a run: versions, device, model and scenario. */
    private static String banner(PdeScenario scenario, PinnSettings s, PinnTrainer trainer) {
        AgePdeProblem problem = scenario.problem();
        return String.format(Locale.ROOT, "popcast %s, TensorFlow %s, device %s; %s %s (%d parameters), scenario %s",
                Provenance.version(), TensorFlowRuntime.version(), trainer.device().name().toLowerCase(Locale.ROOT), s.toMap().get("model"),
                s.architecture(problem), s.parameterCount(problem), scenario.name());
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
    private static LbfgsRun lbfgs(PdeScenario scenario, Options o, AdamRun adam, Deadline deadline, Progress progress) {
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
    private static Outcome evaluate(PdeScenario scenario, Options o, Provenance provenance, AdamRun adam, LbfgsRun lbfgs) {
        AgePdeProblem problem = scenario.problem();
        double[] times = ExactSolveRun.times(scenario, o.grid()), ages = ExactSolveRun.ages(scenario, o.grid());
        AgePdeSolution exact = ExactSolveRun.solve(scenario, o.grid(), ExactSolverSettings.DEFAULT);
        double[][] density, exactDensity = new double[times.length][ages.length];
        double[] births, population;
        try (PinnPredictor predictor = new PinnPredictor(problem, o.settings(), lbfgs.weights())) {
            density = predictor.grid(times, ages);
            births = predictor.births(times);
            population = predictor.population(times);
        }
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < ages.length; j++) {
                exactDensity[i][j] = exact.density(i, j);
            }
        }
        ExactComparison cmp = ExactComparison.of(problem, times, ages, density, exactDensity, births, exact.births());
        boolean timeLimited = adam.timeLimited() || lbfgs.timeLimited();
        NetcdfDataset ds = dataset(scenario, o, provenance, times, ages, density, exactDensity, births, population, exact, adam.history(),
                cmp, adam.placement(), adam.seconds(), adam.stepsThisRun(), lbfgs.seconds(), lbfgs.iterations(), adam.lossWeights(),
                adam.stepsDone(), timeLimited);
        return new Outcome(ds, cmp, adam.placement(), adam.seconds(), adam.stepsThisRun(), lbfgs.seconds(), lbfgs.iterations(),
                adam.stepsDone(), timeLimited);
    }

    private static void checkCompatible(Checkpoints.Saved saved, Map<String, String> meta, Path dir) {
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (EXTENDABLE.contains(e.getKey())) {
                continue;
            }
            String was = saved.meta().get(e.getKey());
            if (!e.getValue().equals(was)) {
                String shown = e.getKey().equals("scenario_yaml") ? "the scenario" : e.getKey() + " (checkpoint: " + was + ", now: " + e.getValue() + ")";
                throw new InputException("--resume: the checkpoint in " + dir + " was made with different settings: " + shown);
            }
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

    private static NetcdfDataset dataset(PdeScenario scenario, Options o, Provenance provenance, double[] times, double[] ages,
                                         double[][] density, double[][] exactDensity, double[] births, double[] population,
                                         AgePdeSolution exact, LossHistory history, ExactComparison cmp,
                                         Map<String, Integer> placement, double adamSeconds, long stepsThisRun,
                                         double lbfgsSeconds, int lbfgsIterations, double[] lossWeights, long stepsDone,
                                         boolean timeLimited) {
        PinnSettings s = o.settings();
        NetcdfDataset.Builder b = ResultHeader.start("popcast " + s.toMap().get("model") + " for the McKendrick-von Foerster problem, scenario "
                + scenario.name(), provenance, FORMAT_VERSION, "agepde_pinn");
        b.attribute("architecture", s.architecture(scenario.problem()))
                .attribute("parameter_count", (long) s.parameterCount(scenario.problem()))
                .attribute("scenario", scenario.name())
                .attribute("scenario_yaml", scenario.source())
                .attribute("age_step", o.grid().ageStep())
                .attribute("time_step", o.grid().timeStep());
        for (Map.Entry<String, String> e : s.toMap().entrySet()) {
            attribute(b, e.getKey(), e.getValue());
        }
        b.attribute("rel_l2", cmp.relL2())
                .attribute("rel_linf", cmp.relLinf())
                .attribute("rel_l2_off_jump", cmp.relL2OffJump())
                .attribute("jump_band", "rel_l2_off_jump leaves out grid points with |age - " + scenario.problem().ageingSpeed()
                        + " (time - t_j)| < " + ExactComparison.JUMP_HALF_WIDTH + " for the jump origins t_j = "
                        + java.util.Arrays.toString(scenario.problem().jumpOrigins()) + " (start and fertility steps)");
        for (int i = 0; i < cmp.birthYears().length; i++) {
            b.attribute(String.format(Locale.ROOT, "births_rel_error_%.0f", cmp.birthYears()[i]), cmp.birthErrors()[i]);
        }
        b.attribute("device", o.device().resolve().name().toLowerCase(Locale.ROOT))
                .attribute("ops_placed_on", placement.toString())
                .attribute("adam_wall_time_s", adamSeconds)
                .attribute("adam_steps_this_run", stepsThisRun)
                .attribute("adam_steps_done", stepsDone)
                .attribute("time_limit", o.timeLimit() == null ? "none" : format(o.timeLimit()))
                .attribute("stopped_by_time_limit", timeLimited ? "yes: adam_steps_done and lbfgs_iterations_done say how far it got"
                        : "no")
                .attribute("steps_per_s", stepsThisRun > 0 ? stepsThisRun / adamSeconds : 0)
                .attribute("lbfgs_wall_time_s", lbfgsSeconds)
                .attribute("lbfgs_iterations_done", (long) lbfgsIterations)
                .attribute("wall_time_s", adamSeconds + lbfgsSeconds)
                .attribute("loss_weights_final", lossWeights[0] + "," + lossWeights[1] + "," + lossWeights[2])
                .attribute("initial_condition_note", s.hardInitial()
                        ? "hard: P = P0(a) + (t - t0)/T N(a, t) holds the initial condition exactly, so loss_ic is 0" : "soft: loss_ic is trained");
        long[] steps = new long[history.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        b.dimension("time", times, "year", "time (calendar year, fractional)")
                .dimension("age", ages, "year", "age")
                .dimension("step", steps, "1", "training step (Adam steps, then L-BFGS iterations after adam_steps)");
        double[] flat = flatten(density), err = flatten(exactDensity);
        for (int i = 0; i < err.length; i++) {
            err[i] = flat[i] - err[i];
        }
        b.variable("density", List.of("time", "age"), flat, "persons per year of age", "population density by age (PINN)")
                .variable("births", List.of("time"), births, "persons per year", "births per year (PINN, v P(0, t))")
                .variable("population", List.of("time"), population, "persons", "total population on [0, max_age] (PINN)")
                .variable("density_error", List.of("time", "age"), err, "persons per year of age", "PINN density minus the exact density")
                .variable("births_exact", List.of("time"), exact.births(), "persons per year", "births per year (exact solver)")
                .variable("population_exact", List.of("time"), exact.population(), "persons", "total population (exact solver)");
        Map<String, double[]> series = history.toMap();
        b.variable("loss_total", List.of("step"), series.get("loss_total"), "1", "weighted total loss")
                .variable("loss_pde", List.of("step"), series.get("loss_pde"), "1", "mean squared PDE residual (unit square, density / scale)")
                .variable("loss_ic", List.of("step"), series.get("loss_ic"), "1", "initial-condition loss")
                .variable("loss_bc", List.of("step"), series.get("loss_bc"), "1", "mean squared birth-boundary mismatch");
        return b.build();
    }

    private static void attribute(NetcdfDataset.Builder b, String key, String value) {
        Object v = typed(value);
        if (v instanceof Long l) {
            b.attribute(key, l);
        } else if (v instanceof Double d) {
            b.attribute(key, d);
        } else {
            b.attribute(key, value);
        }
    }

    /** A setting's value as the result file stores it: a long, else a double, else the string. */
    static Object typed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException notDouble) {
                return value;
            }
        }
    }

    private static double[] flatten(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        }
        return out;
    }

    /** The model directory next to an output file: run.h5 -> run.model. */
    public static Path defaultModelDir(Path out) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".h5") ? name.substring(0, name.length() - 3) : name;
        Path parent = out.toAbsolutePath().getParent();
        return parent.resolve(stem + ".model");
    }

}
