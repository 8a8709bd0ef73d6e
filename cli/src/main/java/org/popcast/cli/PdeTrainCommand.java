package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.popcast.models.pinn.CausalWeights;
import org.popcast.models.pinn.PinnBody;
import org.popcast.kernels.sampling.Collocation;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.pinn.PinnParametric;
import org.popcast.models.pinn.PinnSettings;
import org.popcast.models.pinn.PinnTrainRun;
import org.popcast.models.pinn.ResidualRefinement;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train",
        header = "Train a physics-informed network on the age-structured PDE and measure it against the exact solver.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Train a physics-informed network on the age-structured PDE and measure it",
                "against the exact solution. Writes density, births, population, loss curves",
                "and errors (rel_l2, rel_linf, rel_l2_off_jump, births errors) to a netCDF-4",
                "HDF5 file, and the weights to a model directory for 'popcast pde predict'.",
                "Options without a default below take theirs from the preset."},
        footer = {"", "Presets:",
                "  default  popcast's recipe (docs/pinn.md): 2(+jump side)-64-64-64-1 tanh,",
                "           hard initial condition on the cohorts alive at t0, births per",
                "           boundary time by Gauss-Legendre split at the jump line, Sobol",
                "           points, Adam 1e-3 x 0.9 per 1000 steps for 10,000 steps, then",
                "           2,000 float64 L-BFGS iterations.",
                "  paper    the source paper's configuration: 2-128-128-64-1 tanh, Adam 5e-4,",
                "           10,000 steps, 5000 interior / 2000 initial / 2000 boundary points",
                "           redrawn each step, equal weights, relative initial-condition loss.",
                "           The paper's defects NOT copied:",
                "           - births from one Monte Carlo number pooled over all boundary",
                "             times (here: a Gauss-Legendre integral per boundary time);",
                "           - output multiplied by (1 - a/100), forcing P(100, t) = 0 though",
                "             P0(100) = 1.64e6 (here: no forced zero);",
                "           - no random seeds (here: --seed, same seed, same numbers);",
                "           - tables reshaped with scrambled age and year labels (here:",
                "             named netCDF dimensions).",
                "",
                "LSTM-PINN presets (--model lstm-pinn):",
                "  default  two LSTM layers of 32 units reading 4 earlier points, 1 year apart,",
                "           along each point's characteristic (real recurrence), then a linear",
                "           output; otherwise as the PINN default with 1,024 interior points,",
                "           5,000 Adam steps and 1,000 L-BFGS iterations (docs/lstm-pinn.md).",
                "  paper    the source paper's LSTM-PINN: 4 stacked LSTM layers of 64 units,",
                "           dropout 0.1 between layers, Linear(64, 1), sequences of length one,",
                "           Adam 5e-4, the paper PINN's points and losses. Its defects NOT",
                "           copied: dropout stays on when predicting (here: training only);",
                "           length-one sequences (kept in this preset, so its recurrent weights",
                "           get no gradient; the default preset recurs).",
                "('seed', the old name of 'paper', still works and says so.)",
                "",
                "Example: popcast pde train --model pinn --policy three-child --out pinn.h5"})
public final class PdeTrainCommand implements Callable<Integer> {

    enum Model {
        PINN("pinn"), LSTM_PINN("lstm-pinn");

        final String label;

        Model(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final class ModelConverter implements picocli.CommandLine.ITypeConverter<Model> {
        @Override
        public Model convert(String value) {
            for (Model m : Model.values()) {
                if (m.label.equals(value.trim())) {
                    return m;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected pinn or lstm-pinn, got '" + value + "'");
        }
    }

    /** Which recipe the options start from: popcast's, or the source paper's set-up. */
    enum Preset { DEFAULT, PAPER }

    /** The old name of {@link Preset#PAPER}, accepted with a notice. */
    static final String DEPRECATED_PAPER = "seed";

    @Option(names = "--model", required = true, paramLabel = "MODEL", converter = ModelConverter.class,
            description = "Network: pinn (tanh MLP) or lstm-pinn (LSTM along the characteristics).")
    Model model;

    @ArgGroup(exclusive = true)
    ScenarioChoice scenario = new ScenarioChoice();

    @Option(names = "--preset", completionCandidates = Candidates.Presets.class, paramLabel = "PRESET", defaultValue = "default", converter = PresetConverter.class,
            description = "default or paper (see below; default ${DEFAULT-VALUE}).")
    Preset preset;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Result file (default pde-<model>-<scenario>.h5).")
    Path out;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Where the trained model and checkpoints go (default: the result file's name with .model).")
    Path modelDir;

    @Option(names = "--resume", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Continue from the newest checkpoint in the model directory (same settings; --steps may grow).")
    boolean resume;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = {"Stop training after this wall-clock time (e.g. 45m, 2h), save a checkpoint and write",
                    "the result as far as it got; --resume goes on. The steps reached depend on the machine:",
                    "the result records them (adam_steps_done), and --steps with that number reproduces it."})
    java.time.Duration timeLimit;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1000", description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Mixin
    DeviceOption deviceOption;

    @Option(names = "--steps", paramLabel = "N", description = "Adam steps.")
    Integer steps;

    @Option(names = "--lbfgs", paramLabel = "N", description = "float64 L-BFGS iterations after Adam (0: none).")
    Integer lbfgs;

    @Option(names = "--lbfgs-points", paramLabel = "N", description = "Interior points of the fixed L-BFGS batch.")
    Integer lbfgsPoints;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's initial learning rate.")
    Double lr;

    @Option(names = "--lr-decay", paramLabel = "FACTOR", description = "Learning-rate factor per --lr-decay-steps (1: constant).")
    Double lrDecay;

    @Option(names = "--lr-decay-steps", paramLabel = "N", description = "Steps over which the learning rate falls by --lr-decay.")
    Long lrDecaySteps;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "pinn: hidden layer widths, e.g. 64,64,64.")
    List<Integer> hidden;

    @Option(names = "--lstm-units", paramLabel = "N", description = "lstm-pinn: units per LSTM layer.")
    Integer lstmUnits;

    @Option(names = "--lstm-layers", paramLabel = "N", description = "lstm-pinn: stacked LSTM layers.")
    Integer lstmLayers;

    @Option(names = "--sequence-steps", paramLabel = "N", description = "lstm-pinn: earlier points read along each characteristic (0: no recurrence).")
    Integer sequenceSteps;

    @Option(names = "--sequence-spacing", paramLabel = "YEARS", description = "lstm-pinn: years between the points of a sequence.")
    Double sequenceSpacing;

    @Option(names = "--dropout", paramLabel = "P", description = "lstm-pinn: dropout between LSTM layers, in training only.")
    Double dropout;

    @Option(names = "--ic", completionCandidates = Candidates.InitialConditions.class, paramLabel = "FORM", description = "Initial condition: hard, soft, soft-relative or transported (P0 carried along the characteristics; for a rough P0 such as a census).")
    PinnSettings.InitialCondition ic;

    @Option(names = "--jump-feature", negatable = true, fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Give the network the side of the jump line (--no-jump-feature: not).")
    Boolean jumpFeature;

    @Option(names = "--interior-points", paramLabel = "N", description = "PDE collocation points per step.")
    Integer interiorPoints;

    @Option(names = "--initial-points", paramLabel = "N", description = "Initial-condition points per step (soft initial condition).")
    Integer initialPoints;

    @Option(names = "--boundary-times", paramLabel = "N", description = "Boundary times per step, each with its own birth integral.")
    Integer boundaryTimes;

    @Option(names = "--quadrature-nodes", paramLabel = "N", description = "Gauss-Legendre nodes per piece of each birth integral (2 pieces).")
    Integer quadratureNodes;

    @Option(names = "--sampling", completionCandidates = Candidates.Samplings.class, paramLabel = "KIND", description = "uniform or sobol (shifted each step).")
    Collocation.Kind sampling;

    @Option(names = "--loss-weights", completionCandidates = Candidates.LossWeights.class, paramLabel = "WEIGHTS", description = "equal or gradient-norm (balanced every --weight-update-every steps).")
    PinnSettings.LossWeights lossWeights;

    @Option(names = "--weight-update-every", paramLabel = "N", description = "Steps between loss-weight updates.")
    Integer weightUpdateEvery;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial weights and of the points.")
    Long seed;

    @Option(names = "--causal-chunks", paramLabel = "M", description = {"Causal weighting in time (Adam): M pieces of the time axis,",
            "piece i's PDE loss weighted by exp(-eps x the losses of the pieces before it) (0: off)."})
    Integer causalChunks;

    @Option(names = "--causal-eps", paramLabel = "EPS", description = "Causal weighting: eps (> 0; needs --causal-chunks).")
    Double causalEps;

    @Option(names = "--rar-every", paramLabel = "K", description = {"Residual-based adaptive points (RAR-D, Adam): every K steps draw",
            "--rar-points among --rar-candidates with p ~ |r|^k / mean |r|^k + c (0: off)."})
    Integer rarEvery;

    @Option(names = "--rar-k", paramLabel = "K", description = "RAR-D: exponent of the residual (>= 0).")
    Double rarK;

    @Option(names = "--rar-c", paramLabel = "C", description = "RAR-D: added to the normalised density (>= 0).")
    Double rarC;

    @Option(names = "--rar-points", paramLabel = "N", description = "RAR-D: adaptive points, added to each step's interior points.")
    Integer rarPoints;

    @Option(names = "--rar-candidates", paramLabel = "N", description = "RAR-D: candidates the residual is evaluated at.")
    Integer rarCandidates;

    @Option(names = "--parametric", split = ",", paramLabel = "NAME=LOW:HIGH",
            description = {"Train a parametric surrogate: one network over (age, time, parameters), each parameter",
                    "an extra input and the physics loss taken at a value drawn per point from LOW..HIGH:",
                    "fertility_scale (multiplier of b(a, t)), mortality_scale (of mu(a)); e.g.",
                    "fertility_scale=0.8:1.2. 'pde predict --set NAME=VALUE' evaluates a member."})
    List<String> parametric;

    @Mixin
    GridOptions gridOptions;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    static final class PresetConverter implements picocli.CommandLine.ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals(DEPRECATED_PAPER)) {
                return Preset.PAPER;
            }
            for (Preset p : Preset.values()) {
                if (p.name().toLowerCase(Locale.ROOT).equals(v)) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected default or paper, got '" + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        var presetGiven = spec.commandLine().getParseResult().matchedOption("--preset");
        if (presetGiven != null && DEPRECATED_PAPER.equalsIgnoreCase(presetGiven.stringValues().get(0).trim())) {
            spec.commandLine().getErr().println("popcast pde train: --preset seed is now called --preset paper (the source paper's set-up)");
            spec.commandLine().getErr().flush();
        }
        PdeScenario chosen = ScenarioChoice.resolve(scenario, spec);
        PinnSettings settings = settings();
        ExactSolveRun.Grid grid = gridOptions.grid(spec, List.of(chosen));
        if (checkpointEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-every must be >= 1, got " + checkpointEvery);
        }
        Path target = out != null ? out : Path.of("pde-" + model + "-" + chosen.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".h5");
        Path dir = modelDir != null ? modelDir : PinnTrainRun.defaultModelDir(target);
        // checked before training; the lock keeps a second run off this result and model until both are written
        try (OutputFiles outputs = ScenarioChoice.inputs(config.outputs(), chosen)) {
            outputs.file("--out", target);
            outputs.directory("--model-dir", dir);
            outputs.lock("--model-dir", dir);
            return train(chosen, settings, grid, target, dir, outputs);
        }
    }

    private int train(PdeScenario chosen, PinnSettings settings, ExactSolveRun.Grid grid, Path target, Path dir, OutputFiles outputs)
            throws Exception {
        Progress progress = PopcastCommand.progress(spec);
        Device dev = deviceOption.resolve(spec, progress);
        PinnTrainRun.Result o = PinnTrainRun.run(chosen, new PinnTrainRun.RunSettings(settings, grid, dev, dir, resume, checkpointEvery, timeLimit),
                Provenance.of(PopcastCommand.commandLine(spec)), progress);
        outputs.write(target, NetcdfWriter.writer(o.dataset()));
        outputs.commit();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s %s: rel_l2 %.3e, rel_l2_off_jump %.3e, rel_linf %.3e; births errors %s; "
                        + "adam %d steps in %.1f s (%.0f steps/s), l-bfgs %d iterations in %.1f s%s -> %s (model %s)%n",
                model, chosen.name(), o.comparison().relL2(), o.comparison().relL2OffJump(), o.comparison().relLinf(),
                births(o), o.adamStepsThisRun(), o.adamSeconds(), o.adamStepsThisRun() / Math.max(o.adamSeconds(), 1e-9),
                o.lbfgsIterations(), o.lbfgsSeconds(), o.timeLimited() ? " (stopped by --time-limit at Adam step "
                        + o.adamStepsDone() + " of " + settings.adamSteps() + ")" : "", target, dir);
        if (!settings.parametric().isEmpty()) {
            var a = o.dataset().attributes();
            stdout.printf(Locale.ROOT, "parametric over %s: errors above at %s; rel_l2_off_jump at held-out members %s: %s (max %.3e)%n",
                    settings.parametric(), a.get("parametric_member"), a.get("heldout_members"), heldOut(a), (Double) a.get("rel_l2_off_jump_heldout_max"));
        }
        stdout.flush();
        return 0;
    }

    private static String heldOut(java.util.Map<String, Object> a) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; a.containsKey("rel_l2_off_jump_heldout_" + k); k++) {
            b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3e", (Double) a.get("rel_l2_off_jump_heldout_" + k)));
        }
        return b.toString();
    }

    private static String births(PinnTrainRun.Result o) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < o.comparison().birthYears().length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f %.2e", o.comparison().birthYears()[i],
                    o.comparison().birthErrors()[i]));
        }
        return b.toString();
    }

    /** The preset with the options given on the command line put over it. */
    PinnSettings settings() {
        PinnSettings base = model == Model.LSTM_PINN
                ? (preset == Preset.PAPER ? PinnSettings.lstmPaperPreset() : PinnSettings.lstmDefaults())
                : (preset == Preset.PAPER ? PinnSettings.paperPreset() : PinnSettings.defaults());
        if (model == Model.LSTM_PINN && hidden != null || model == Model.PINN && (lstmUnits != null || lstmLayers != null
                || sequenceSteps != null || sequenceSpacing != null || dropout != null)) {
            throw new ParameterException(spec.commandLine(), "--hidden is for --model pinn; --lstm-*, --sequence-* and --dropout for lstm-pinn");
        }
        PinnSettings.InitialCondition condition = or(ic, base.initialCondition());
        try {
            return base.toBuilder().body(body(base.body())).initialCondition(condition).jumpFeature(or(jumpFeature, base.jumpFeature()))
                    .points(points(base.points(), condition))
                    .lossWeights(or(lossWeights, base.lossWeights()), or(weightUpdateEvery, base.weightUpdateEvery()))
                    .optimisation(optimisation(base.optimisation())).seed(or(seed, base.seed()))
                    .parametric(parametric == null ? PinnParametric.NONE : PinnParametric.parse(parametric))
                    .causal(causal(base.causal())).refinement(refinement(base.refinement())).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Causal weighting: the preset's, with the options over it; eps without pieces would do nothing, so it is refused. */
    private CausalWeights causal(CausalWeights base) {
        int chunks = or(causalChunks, base.chunks());
        if (chunks == 0 && causalEps != null) {
            throw new IllegalArgumentException("--causal-eps needs --causal-chunks M (M >= 1)");
        }
        return chunks == 0 ? CausalWeights.OFF : new CausalWeights(chunks, or(causalEps, base.eps()));
    }

    /** RAR-D: the preset's, with the options over it; its details without --rar-every would do nothing, so they are refused. */
    private ResidualRefinement refinement(ResidualRefinement base) {
        int every = or(rarEvery, base.every());
        if (every == 0 && (rarK != null || rarC != null || rarPoints != null || rarCandidates != null)) {
            throw new IllegalArgumentException("--rar-k, --rar-c, --rar-points and --rar-candidates need --rar-every K (K >= 1)");
        }
        return every == 0 ? ResidualRefinement.OFF : new ResidualRefinement(every, or(rarK, base.k()), or(rarC, base.c()),
                or(rarPoints, base.points()), or(rarCandidates, base.candidates()));
    }

    private PinnBody body(PinnBody base) {
        if (base instanceof PinnBody.Lstm l) {
            return new PinnBody.Lstm(or(lstmUnits, l.units()), or(lstmLayers, l.layers()), or(sequenceSteps, l.steps()),
                    or(sequenceSpacing, l.spacing()), or(dropout, l.dropout()));
        }
        return hidden == null ? base : new PinnBody.Mlp(hidden.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A soft initial condition needs initial points: a preset without them gets 2000. */
    private PinnSettings.Points points(PinnSettings.Points base, PinnSettings.InitialCondition condition) {
        int initial = or(initialPoints, base.initial());
        if (condition != PinnSettings.InitialCondition.HARD && initial == 0) {
            initial = 2000;
        }
        return new PinnSettings.Points(or(interiorPoints, base.interior()), initial, or(boundaryTimes, base.boundaryTimes()),
                or(quadratureNodes, base.quadratureNodes()), or(sampling, base.sampling()));
    }

    private PinnSettings.Optimisation optimisation(PinnSettings.Optimisation base) {
        LearningRateSchedule s = base.schedule();
        return new PinnSettings.Optimisation(new LearningRateSchedule(or(lr, s.initial()), or(lrDecay, s.decay()), or(lrDecaySteps, s.every())),
                or(steps, base.adamSteps()), or(lbfgs, base.lbfgsIterations()), or(lbfgsPoints, base.lbfgsPoints()));
    }

    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }
}
