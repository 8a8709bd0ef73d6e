package org.popcast.models.inverse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.popcast.data.input.InputException;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Checkpointing;
import org.popcast.engine.train.Checkpoints;
import org.popcast.engine.train.Deadline;
import org.popcast.engine.train.Progress;
import org.popcast.engine.train.ProgressReport;
import org.popcast.engine.train.TrainingLoop;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.pinn.PinnInverse;
import org.popcast.models.pinn.PinnPredictor;
import org.popcast.models.pinn.PinnSettings;
import org.popcast.models.pinn.PinnTrainer;

/**
 * {@code pde infer --method pinn}: the PINN of {@code pde train} (float32 Adam, one fused graph step)
 * whose loss adds the relative data misfit at the observations, with each unknown a trainable
 * log-scale multiplying mu(a) in the PDE residual or b(a, t) in the birth integral (PinnLoss). No
 * standard errors. Checkpoints hold the network, Adam's moments, the step and the log-scales, so a
 * resumed run repeats what the stopped one would have done; a time limit stops the loop with a
 * checkpoint and the estimates as far as they got. The result's fitted values are the exact
 * solver's with the estimated scales (the network's own misfit is reported as progress).
 */
public final class PinnInference {

    /**
     * @param pinn         network, points, Adam steps, seed (L-BFGS is not used)
     * @param dataWeight   weight of the data term against the PDE's
     * @param warmupSteps  steps with the scales held at 1 (PinnInverse)
     * @param checkpoints  where checkpoints go (null: none)
     * @param resume       start from the newest checkpoint there
     * @param timeLimit    wall-clock limit of the training (null: none)
     */
    public record Settings(PinnSettings pinn, double dataWeight, long warmupSteps, Device device, Path checkpoints, boolean resume, int checkpointEvery,
                           Duration timeLimit) {
    }

    /** Steps with the scales held at 1 by default. */
    public static final long DEFAULT_WARMUP = 2000;
    public static final double DEFAULT_DATA_WEIGHT = 1;

    private PinnInference() {
    }

    /**
     * The inverse run's network and Adam: {@code pde train}'s default network and points, Adam
     * 3e-3 x 0.9 per 1,000 steps for 20,000 steps, no L-BFGS (docs/inverse.md has the measurements).
     */
    public static PinnSettings defaults() {
        return PinnSettings.defaults().toBuilder().optimisation(new PinnSettings.Optimisation(
                new org.popcast.engine.optim.LearningRateSchedule(3e-3, 0.9, 1000), 20000, 0,
                PinnSettings.defaults().optimisation().lbfgsPoints())).build();
    }

    public static InferenceResult fit(AgePdeProblem problem, List<UnknownParameter> unknowns, Observations observations, Settings s,
                                      Progress progress) throws IOException {
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(s.timeLimit());
        PinnInverse inverse = inverse(unknowns, observations, s.dataWeight(), s.warmupSteps());
        try (PinnTrainer trainer = new PinnTrainer(problem, s.pinn(), s.device(), inverse)) {
            TrainingLoop<PinnTrainer.StepLosses> loop = new TrainingLoop<PinnTrainer.StepLosses>(trainer::step)
                    .addStepListener(new ProgressReport<>(progress, "infer", PinnInference::line));
            if (s.checkpoints() != null) {
                Checkpoints checkpoints = new Checkpoints(s.checkpoints());
                Map<String, String> meta = meta(unknowns, observations, s);
                if (s.resume()) {
                    resume(trainer, checkpoints, meta, progress);
                }
                loop.addStepListener(new Checkpointing(s.checkpointEvery(), () -> trainer.save(checkpoints, meta, Map.of())));
            }
            loop.addStepListener(deadline);
            TrainingLoop.Ending end = loop.run(trainer.stepCount(), s.pinn().adamSteps());
            if (end.stoppedBy() == deadline) {
                progress.message(String.format(Locale.ROOT, "time limit reached after %d of %d steps (checkpoint saved: --resume goes on)",
                        end.done(), s.pinn().adamSteps()));
            }
            double[] estimates = scales(unknowns, trainer.logScales());
            double[] network;
            try (PinnPredictor predictor = new PinnPredictor(problem, s.pinn(), trainer.weights())) {
                network = predictor.density(observations.ages(), observations.years());
            }
            progress.message(String.format(Locale.ROOT, "network's relative L2 misfit at the observations %.3g", relativeL2(observations, network)));
            // the fitted values are the exact solver's with the estimated scales: positive, and the same scenario as the density grid
            double[] logs = java.util.Arrays.stream(estimates).map(Math::log).toArray();
            double[] fitted = new LogScaleModel(problem, unknowns, observations, ExactSolverSettings.DEFAULT, 1e-4).densities(logs);
            double[] none = new double[unknowns.size()];
            java.util.Arrays.fill(none, Double.NaN);
            return new InferenceResult(InferenceMethod.PINN, unknowns, estimates, none, fitted, rmsLogMisfit(observations, fitted),
                    (int) trainer.stepCount(), (int) end.thisRun(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** The trainer's view of the unknowns and observations. */
    static PinnInverse inverse(List<UnknownParameter> unknowns, Observations o, double dataWeight, long warmupSteps) {
        return new PinnInverse(o.ages(), o.years(), o.densities(), unknowns.contains(UnknownParameter.MORTALITY_SCALE),
                unknowns.contains(UnknownParameter.FERTILITY_SCALE), dataWeight, warmupSteps);
    }

    /** exp of the trainer's log-scales (mortality first) in the order of {@code unknowns}. */
    private static double[] scales(List<UnknownParameter> unknowns, double[] logScales) {
        double[] x = new double[unknowns.size()];
        boolean mortality = unknowns.contains(UnknownParameter.MORTALITY_SCALE);
        for (int i = 0; i < x.length; i++) {
            int trainerIndex = unknowns.get(i) == UnknownParameter.MORTALITY_SCALE || !mortality ? 0 : 1;
            x[i] = Math.exp(logScales[trainerIndex]);
        }
        return x;
    }

    /** sqrt(sum (model - observed)^2 / sum observed^2): the data term's misfit. */
    static double relativeL2(Observations o, double[] model) {
        double d2 = 0, o2 = 0;
        for (int i = 0; i < model.length; i++) {
            d2 += (model[i] - o.density(i)) * (model[i] - o.density(i));
            o2 += o.density(i) * o.density(i);
        }
        return Math.sqrt(d2 / o2);
    }

    static double rmsLogMisfit(Observations o, double[] fitted) {
        double sum = 0;
        for (int i = 0; i < fitted.length; i++) {
            double r = Math.log(o.density(i)) - Math.log(fitted[i]);
            sum += r * r;
        }
        return Math.sqrt(sum / fitted.length);
    }

    private static Map<String, String> meta(List<UnknownParameter> unknowns, Observations o, Settings s) {
        Map<String, String> meta = new LinkedHashMap<>(s.pinn().toMap());
        meta.put("unknowns", unknowns.toString());
        meta.put("data_weight", Double.toString(s.dataWeight()));
        meta.put("warmup_steps", Long.toString(s.warmupSteps()));
        meta.put("observations", Integer.toString(java.util.Arrays.hashCode(o.densities()) ^ java.util.Arrays.hashCode(o.ages())
                ^ java.util.Arrays.hashCode(o.years())));
        return meta;
    }

    private static void resume(PinnTrainer trainer, Checkpoints checkpoints, Map<String, String> meta, Progress progress) throws IOException {
        Checkpoints.Saved saved = checkpoints.latest().orElseThrow(() -> new InputException(
                "--resume: no checkpoint in " + checkpoints.directory() + " (start without --resume)"));
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (!e.getKey().equals("adam_steps") && !e.getValue().equals(saved.meta().get(e.getKey()))) {
                throw new InputException("--resume: the checkpoint in " + checkpoints.directory() + " was made with different settings: "
                        + e.getKey());
            }
        }
        trainer.restore(saved);
        progress.message("resumed from step " + saved.step() + " (" + checkpoints.directory() + ")");
    }

    private static String line(PinnTrainer.StepLosses l) {
        return String.format(Locale.ROOT, "loss %.3e (pde %.2e bc %.2e data %.2e)", l.total(), l.pde(), l.boundary(), l.data());
    }
}
