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
import org.popcast.models.inverse.ExactInference;
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
                "Least squares on log-scales through the exact solver (Levenberg-Marquardt), standard errors from the Jacobian.",
                "Writes estimate_<name> and stderr_<name> attributes, the fitted density and the residuals to an HDF5 file."},
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

    @Option(names = "--unknown", required = true, split = ",", paramLabel = "NAME", converter = UnknownConverter.class,
            description = "Parameters to estimate, comma separated: mortality_scale, fertility_scale.")
    List<UnknownParameter> unknowns;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "exact", converter = MethodConverter.class,
            description = "exact (default; least squares through the exact solver). pinn is not built yet.")
    InferenceMethod method;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100", description = "Levenberg-Marquardt iterations allowed (default ${DEFAULT-VALUE}).")
    int maxIterations;

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
        if (method != InferenceMethod.EXACT) {
            throw new ParameterException(spec.commandLine(), "--method pinn is not built yet (issue 19); use --method exact");
        }
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
            InferenceResult result = ExactInference.fit(scenario.problem(), unknowns, observations,
                    new ExactInference.Settings(solver, maxIterations, ExactInference.Settings.DEFAULT.tolerance(),
                            ExactInference.Settings.DEFAULT.differenceStep()), listener());
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
            parts.add(String.format(Locale.ROOT, "%s %.6g +- %.2g", unknowns.get(j).label(), r.estimates()[j], r.stderrs()[j]));
        }
        stdout.printf(Locale.ROOT, "%s from %d observations: rms log misfit %.4g, %d iterations, %d exact solves, %.2f s -> %s%n",
                String.join(", ", parts), observations.size(), r.rmsLogMisfit(), r.iterations(), r.evaluations(), r.seconds(), target);
        stdout.flush();
    }
}
