package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.ExactSolveOutputs;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "solve", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Exact solution of the age-structured PDE by characteristics and the renewal equation for births.",
                "Writes density(time, age), births(time) and population(time) to a netCDF-4 compatible HDF5 file."},
        footer = {"", "Built-in policies (China's fertility policies as the source paper models them): three-child, two-child, universal-two-child.",
                "A scenario file (YAML) sets fertility, mortality, initial density, time window, age limit and ageing speed;",
                "see docs/scenarios.md. Example: popcast pde solve --policy two-child --out two.h5"})
public final class PdeSolveCommand implements Callable<Integer> {

    /** --policy, --scenario (inherited) or --all-policies. */
    static final class Source extends ScenarioChoice {

        @Option(names = "--all-policies", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Solve every built-in policy; --out is then a directory.")
        boolean allPolicies;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = {"-o", "--out"}, paramLabel = "PATH",
            description = "Output file (default pde-<scenario>.h5), or directory with --all-policies (default .).")
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
        ExactSolverSettings settings = solverOptions.settings(spec);
        List<PdeScenario> scenarios = scenarios();
        ExactSolveRun.Grid grid = gridOptions.grid(spec, scenarios);
        try (OutputFiles outputs = config.outputs()) {
            scenarios.forEach(s -> ScenarioChoice.inputs(outputs, s));
            if (source.allPolicies) {
                outputs.directory("--out", out != null ? out : Path.of("."));
            } else {
                outputs.file("--out", target(scenarios.get(0)));
            }
            solve(scenarios, grid, settings, outputs);
            outputs.commit();
        }
        return 0;
    }

    private void solve(List<PdeScenario> scenarios, ExactSolveRun.Grid grid, ExactSolverSettings settings, OutputFiles outputs)
            throws java.io.IOException {
        Provenance provenance = Provenance.of(PopcastCommand.commandLine(spec));
        PrintWriter stdout = spec.commandLine().getOut();
        for (PdeScenario scenario : scenarios) {
            long started = System.nanoTime();
            AgePdeSolution solution = ExactSolveRun.solve(scenario, grid, settings);
            Path target = target(scenario);
            outputs.write(target, NetcdfWriter.writer(ExactSolveOutputs.dataset(scenario, grid, settings, solution, provenance)));
            double seconds = (System.nanoTime() - started) / 1e9;
            int last = solution.times().length - 1;
            stdout.printf("%s: %d times x %d ages, births %.6g -> %.6g per year, population %.6g -> %.6g, %.2f s -> %s%n",
                    scenario.name(), solution.times().length, solution.ages().length, solution.births()[0],
                    solution.births()[last], solution.population()[0], solution.population()[last], seconds, target);
        }
        stdout.flush();
    }

    private List<PdeScenario> scenarios() {
        List<PdeScenario> list = new ArrayList<>();
        if (source.allPolicies) {
            PdeScenarioReader.BUILTIN.forEach(name -> list.add(PdeScenarioReader.builtin(name)));
        } else {
            list.add(ScenarioChoice.resolve(source, spec));
        }
        return list;
    }

    private Path target(PdeScenario scenario) {
        String fileName = "pde-" + scenario.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".h5";
        if (!source.allPolicies) {
            return out != null ? out : Path.of(fileName);
        }
        return (out != null ? out : Path.of(".")).resolve(fileName);
    }
}
