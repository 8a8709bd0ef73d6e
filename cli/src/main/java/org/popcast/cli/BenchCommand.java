package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.ExactSolveOutputs;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;
import org.popcast.models.pinn.PinnSettings;
import org.popcast.models.pinn.PinnTrainer;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Benchmark the exact PDE solver on a policy or scenario file (default three-child) and the default grid.",
                "Prints the median, min and max wall time of each phase over the repeats, after warm-up runs."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--repeat", defaultValue = "10", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--pinn", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Time PINN training steps (default and paper presets) instead of the exact solver.")
    boolean pinn;

    @ArgGroup(exclusive = true)
    ScenarioChoice source = new ScenarioChoice();

    @Mixin
    ExactSolverOptions solverOptions;

    @Mixin
    GridOptions gridOptions;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--repeat must be >= 1 and --warmup >= 0");
        }
        if (pinn) {
            return pinnSteps();
        }
        ExactSolverSettings settings = solverOptions.settings(spec);
        PdeScenario scenario = ScenarioChoice.resolve(source, spec);
        AgePdeProblem p = scenario.problem();
        ExactSolveRun.Grid grid = gridOptions.grid(spec, List.of(scenario));
        double[] times = ExactSolveRun.times(scenario, grid);
        double[] ages = ExactSolveRun.ages(scenario, grid);
        Path file = Files.createTempFile("popcast-bench", ".h5");
        long[][] ns = new long[3][repeat];
        try {
            for (int run = -warmup; run < repeat; run++) {
                long t0 = System.nanoTime();
                ExactMvfSolver solver = new ExactMvfSolver(p, settings);
                long t1 = System.nanoTime();
                AgePdeSolution solution = solver.onGrid(times, ages);
                long t2 = System.nanoTime();
                NetcdfWriter.write(file, ExactSolveOutputs.dataset(scenario, grid, settings, solution, Provenance.of("popcast bench")));
                long t3 = System.nanoTime();
                if (run >= 0) {
                    ns[0][run] = t1 - t0;
                    ns[1][run] = t2 - t1;
                    ns[2][run] = t3 - t2;
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("exact solver, %s, grid %d times x %d ages, %d repeats after %d warm-up, %d cores%n",
                scenario.name(), times.length, ages.length, repeat, warmup, Runtime.getRuntime().availableProcessors());
        out.printf("%-44s %10s %10s %10s%n", "phase", "median ms", "min ms", "max ms");
        String[] names = {"births (renewal equation)", "grid: density, births, population", "write HDF5 (deflate)"};
        long[] total = new long[repeat];
        for (int i = 0; i < 3; i++) {
            row(out, names[i], ns[i]);
            for (int r = 0; r < repeat; r++) {
                total[r] += ns[i][r];
            }
        }
        row(out, "total", total);
        out.flush();
        return 0;
    }

    /** Median time of one Adam step (blocks of 10 steps) for each preset, three-child, on this machine's default device. */
    private int pinnSteps() {
        PdeScenario scenario = PdeScenarioReader.builtin("three-child");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("PINN Adam steps, three-child, blocks of 10 steps: %d timed after %d warm-up, %d cores%n",
                repeat, warmup, Runtime.getRuntime().availableProcessors());
        out.printf("%-44s %10s %10s %10s %10s%n", "preset (points per step)", "median ms", "min ms", "max ms", "steps/s");
        for (PinnSettings s : List.of(PinnSettings.defaults(), PinnSettings.paperPreset())) {
            long[] ns = new long[repeat];
            try (PinnTrainer trainer = new PinnTrainer(scenario.problem(), s, Device.AUTO)) {
                for (int run = -warmup; run < repeat; run++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 10; i++) {
                        trainer.step();
                    }
                    if (run >= 0) {
                        ns[run] = (System.nanoTime() - t0) / 10;
                    }
                }
            }
            PinnSettings.Points p = s.points();
            int points = p.interior() + p.boundaryTimes() * (1 + 2 * p.quadratureNodes()) + (s.hardInitial() ? 0 : p.initial());
            String name = (s.hardInitial() ? "default " : "paper ") + s.architecture(scenario.problem()) + " (" + points + ")";
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            out.printf("%-44s %10.2f %10.2f %10.2f %10.1f%n", name, median / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, 1e9 / median);
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String name, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        out.printf("%-44s %10.2f %10.2f %10.2f%n", name, median / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6);
    }
}
