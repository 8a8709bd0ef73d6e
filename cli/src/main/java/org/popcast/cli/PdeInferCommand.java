package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.models.inverse.ExactInference;
import org.popcast.models.inverse.PinnInference;
import org.popcast.models.pinn.PinnBody;
import org.popcast.models.pinn.PinnSettings;
import org.popcast.models.inverse.InferOutputs;
import org.popcast.models.inverse.InferenceMethod;
import org.popcast.models.inverse.InferenceResult;
import org.popcast.models.inverse.Observations;
import org.popcast.models.inverse.ObservationsReader;
import org.popcast.models.inverse.UnknownParameter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "infer", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Estimates scales of a scenario's rates from observed densities (an inverse problem).",
                "exact: least squares on log-scales through the exact solver (Levenberg-Marquardt), standard errors from the Jacobian.",
                "pinn: a PINN whose loss adds the data misfit, the log-scales trained with the network (no standard errors).",
                "Writes estimate_<name> (and stderr_<name>, exact) attributes, the fitted density and the residuals to an HDF5 file."},
        footer = {"", "Observations: CSV with columns year,age,density (persons per year of age), inside the scenario's domain.",
                "Example: popcast pde infer --policy three-child --observed census.csv --unknown mortality_scale,fertility_scale",
                "Method and validation: docs/inverse.md."})
public final class PdeInferCommand implements Callable<Integer> {

    static final class UnknownConverter implements ITypeConverter<UnknownParameter> {
        @Override
        public UnknownParameter convert(String value) {
            try {
                return UnknownParameter.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MethodConverter implements ITypeConverter<InferenceMethod> {
        @Override
        public InferenceMethod convert(String value) {
            for (InferenceMethod m : InferenceMethod.values()) {
                if (m.label().equals(value.trim())) {
                    return m;
                }
            }
            throw new TypeConversionException("expected exact or pinn, got '" + value + "'");
        }
    }

    @ArgGroup(exclusive = true)
    ScenarioChoice source = new ScenarioChoice();

    @Option(names = "--observed", required = true, paramLabel = "FILE", description = "Observed densities: CSV with columns year,age,density.")
    Path observed;

    @Option(names = "--unknown", completionCandidates = Candidates.Unknowns.class, required = true, split = ",", paramLabel = "PARAMETER", converter = UnknownConverter.class,
            description = "Parameters to estimate, comma separated: mortality_scale, fertility_scale.")
    List<UnknownParameter> unknowns;

    @Option(names = "--method", completionCandidates = Candidates.InferenceMethods.class, paramLabel = "METHOD", defaultValue = "exact", converter = MethodConverter.class,
            description = "exact (default; least squares through the exact solver) or pinn (physics-informed network).")
    InferenceMethod method;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100", description = "Levenberg-Marquardt iterations allowed (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--steps", paramLabel = "N", description = "pinn: Adam steps (default 20000).")
    Integer steps;

    @Option(names = "--warmup-steps", paramLabel = "N", description = "pinn: first steps with the scales held at 1 (default 2000).")
    Long warmupSteps;

    @Option(names = "--data-weight", paramLabel = "W", description = "pinn: weight of the data misfit against the PDE's (default 1).")
    Double dataWeight;

    @Option(names = "--lr", paramLabel = "RATE", description = "pinn: Adam's initial rate (default 3e-3, x 0.9 per 1000 steps).")
    Double lr;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "pinn: hidden layer widths (default 64,64,64).")
    List<Integer> hidden;

    @Option(names = "--seed", paramLabel = "N", description = "pinn: seed of the initial weights and of the points (default 42).")
    Long seed;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "pinn: stop training after this wall-clock time (checkpoint saved; --resume goes on).")
    java.time.Duration timeLimit;

    @Option(names = "--resume", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "pinn: continue from the newest checkpoint (same settings; --steps may grow).")
    boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1000", description = "pinn: steps between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "pinn: where checkpoints go (default: the result file's name with .checkpoints).")
    Path checkpointDir;

    @Mixin
    DeviceOption deviceOption;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Result file (default pde-infer-<scenario>.h5).")
    Path out;

    @Mixin
    GridOptions gridOptions;

    @Mixin
    ExactSolverOptions solverOptions;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkMethodOptions();
        if (unknowns.size() != unknowns.stream().distinct().count()) {
            throw new ParameterException(spec.commandLine(), "--unknown names a parameter twice: " + unknowns.stream().map(UnknownParameter::label).toList());
        }
        if (maxIterations < 1) {
            throw new ParameterException(spec.commandLine(), "--max-iterations must be >= 1, got " + maxIterations);
        }
        ExactSolverSettings solver = solverOptions.settings(spec);
        PdeScenario scenario = ScenarioChoice.resolve(source, spec);
        ExactSolveRun.Grid grid = gridOptions.grid(spec, List.of(scenario));
        Path target = out != null ? out : Path.of("pde-infer-" + scenario.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".h5");
        try (OutputFiles outputs = config.outputs()) {
            ScenarioChoice.inputs(outputs, scenario).input("--observed", observed);
            outputs.file("--out", target);
            Observations observations = ObservationsReader.read(observed, scenario.problem(), unknowns.size());
            InferenceResult result = method == InferenceMethod.EXACT
                    ? ExactInference.fit(scenario.problem(), unknowns, observations, new ExactInference.Settings(solver, maxIterations,
                            ExactInference.Settings.DEFAULT.tolerance(), ExactInference.Settings.DEFAULT.differenceStep()), listener())
                    : pinn(scenario, observations, target, outputs);
            AgePdeSolution fitted = ExactSolveRun.solve(new PdeScenario(scenario.name(), scenario.description(),
                    UnknownParameter.applyAll(scenario.problem(), unknowns, result.estimates()), scenario.source(), scenario.files()),
                    grid, solver);
            Provenance provenance = Provenance.of(PopcastCommand.commandLine(spec));
            outputs.write(target, NetcdfWriter.writer(InferOutputs.dataset(scenario, observations, result, grid, solver, fitted, provenance)));
            outputs.commit();
            summary(result, observations, target);
        }
        return 0;
    }

    /** Options of the other method are refused, as are out-of-range numbers. */
    private void checkMethodOptions() {
        List<String> pinnOnly = List.of("--steps", "--warmup-steps", "--data-weight", "--lr", "--hidden", "--seed", "--time-limit", "--resume",
                "--checkpoint-every", "--checkpoint-dir", "--device");
        var parsed = spec.commandLine().getParseResult();
        for (String name : method == InferenceMethod.EXACT ? pinnOnly : List.of("--max-iterations")) {
            if (parsed.hasMatchedOption(name)) {
                throw new ParameterException(spec.commandLine(), name + " is not an option of --method " + method.label());
            }
        }
        if (steps != null && steps < 1 || warmupSteps != null && warmupSteps < 0 || checkpointEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--steps and --checkpoint-every must be >= 1, --warmup-steps >= 0");
        }
        if (dataWeight != null && !(dataWeight > 0 && Double.isFinite(dataWeight)) || lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new ParameterException(spec.commandLine(), "--data-weight and --lr must be finite numbers > 0");
        }
    }

    /** The PINN fit, with checkpoints in --checkpoint-dir (locked as an output) and progress as pde train's. */
    private InferenceResult pinn(PdeScenario scenario, Observations observations, Path target, OutputFiles outputs) throws Exception {
        PinnSettings base = PinnInference.defaults();
        PinnSettings.Optimisation o = base.optimisation();
        PinnSettings settings;
        try {
            settings = base.toBuilder().body(hidden == null ? base.body() : new PinnBody.Mlp(hidden.stream().mapToInt(Integer::intValue).toArray()))
                    .optimisation(new PinnSettings.Optimisation(new LearningRateSchedule(lr != null ? lr : o.schedule().initial(),
                            o.schedule().decay(), o.schedule().every()), steps != null ? steps : o.adamSteps(), 0, o.lbfgsPoints()))
                    .seed(seed != null ? seed : base.seed()).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = checkpointDir != null ? checkpointDir : checkpoints(target);
        outputs.directory("--checkpoint-dir", dir);
        outputs.lock("--checkpoint-dir", dir);
        Progress progress = PopcastCommand.progress(spec);
        Device device = deviceOption.resolve(spec, progress);
        return PinnInference.fit(scenario.problem(), unknowns, observations, new PinnInference.Settings(settings,
                dataWeight != null ? dataWeight : PinnInference.DEFAULT_DATA_WEIGHT, warmupSteps != null ? warmupSteps : PinnInference.DEFAULT_WARMUP,
                device, dir, resume, checkpointEvery, timeLimit), progress);
    }

    /** run.h5 -> run.checkpoints beside it. */
    private static Path checkpoints(Path out) {
        String name = out.getFileName().toString();
        return out.toAbsolutePath().getParent().resolve((name.endsWith(".h5") ? name.substring(0, name.length() - 3) : name) + ".checkpoints");
    }

    /** One line per Levenberg-Marquardt iteration on standard error, none under --quiet. */
    private ExactInference.Listener listener() {
        if (((PopcastCommand) spec.root().userObject()).quiet) {
            return ExactInference.Listener.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        return (iteration, rms, estimates) -> {
            err.println(String.format(Locale.ROOT, "infer iteration %d: rms log misfit %.6g, %s", iteration, rms, pairs(estimates)));
            err.flush();
        };
    }

    private String pairs(double[] values) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            parts.add(String.format(Locale.ROOT, "%s %.6g", unknowns.get(j).label(), values[j]));
        }
        return String.join(", ", parts);
    }

    private void summary(InferenceResult r, Observations observations, Path target) {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < unknowns.size(); j++) {
            parts.add(String.format(Locale.ROOT, Double.isNaN(r.stderrs()[j]) ? "%s %.6g" : "%s %.6g +- %.2g", unknowns.get(j).label(),
                    r.estimates()[j], r.stderrs()[j]));
        }
        String cost = r.method() == InferenceMethod.EXACT ? String.format(Locale.ROOT, "%d iterations, %d exact solves", r.iterations(), r.evaluations())
                : String.format(Locale.ROOT, "pinn, %d steps (%d this run)", r.iterations(), r.evaluations());
        stdout.printf(Locale.ROOT, "%s from %d observations: rms log misfit %.4g, %s, %.2f s -> %s%n",
                String.join(", ", parts), observations.size(), r.rmsLogMisfit(), cost, r.seconds(), target);
        stdout.flush();
    }
}
