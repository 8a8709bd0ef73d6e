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
import org.popcast.models.pinn.PinnModelFile;
import org.popcast.models.pinn.PinnParametric;
import org.popcast.models.pinn.PinnPredictor;
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
                "Prints the median, min and max wall time of each phase over the repeats, after warm-up runs.",
                "--pinn times PINN training steps; --surrogate DIR a sweep over a parametric model's members."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--repeat", defaultValue = "10", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--pinn", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Time PINN training steps (default and paper presets) instead of the exact solver.")
    boolean pinn;

    @Option(names = "--surrogate", paramLabel = "DIR",
            description = {"Time a sweep over --members members of a parametric model (pde train --parametric):",
                    "births and population in --sweep-years for each member, beside the exact solver doing the",
                    "same sweep (one solve per member), and the largest differences between the two."})
    Path surrogate;

    @Option(names = "--members", paramLabel = "N", defaultValue = "10000", description = "--surrogate: members in the sweep (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--sweep-years", split = ",", paramLabel = "YEAR", description = "--surrogate: years of the sweep (default: every 10 years after the start).")
    double[] sweepYears;

    @Option(names = "--sweep-piece", paramLabel = "YEARS", defaultValue = "20",
            description = "--surrogate: the surrogate's population integral uses 16 Gauss-Legendre nodes per piece of at most this many years of age (default ${DEFAULT-VALUE}).")
    double sweepPiece;

    /** Gauss-Legendre nodes per piece of the surrogate's population integral (the network is smooth off the jump line, where the rule is split). */
    private static final int SWEEP_NODES = 16;

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
        if (pinn && surrogate != null) {
            throw new ParameterException(spec.commandLine(), "--pinn and --surrogate time different things: give one");
        }
        if (pinn) {
            return pinnSteps();
        }
        if (surrogate != null) {
            return sweep();
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

    /**
     * A sweep of a parametric surrogate against the exact solver: the members spread evenly over
     * the trained ranges (a Kronecker sequence, the midpoints for one parameter), births and
     * population at the sweep years; the surrogate in batched graph runs, the exact solver one
     * solve per member.
     */
    private int sweep() {
        if (members < 1 || !(sweepPiece > 0)) {
            throw new ParameterException(spec.commandLine(), "--members must be >= 1 and --sweep-piece > 0");
        }
        PinnModelFile.Loaded m = PinnModelFile.read(surrogate);
        PinnParametric parametric = m.settings().parametric();
        if (parametric.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--surrogate " + surrogate + " is not a parametric model (pde train --parametric)");
        }
        AgePdeProblem problem = m.scenario().problem();
        double[] years = sweepYears;
        if (years == null) {
            List<Double> y = new java.util.ArrayList<>();
            for (double t = problem.startYear() + 10; t <= problem.endYear() + 1e-9; t += 10) {
                y.add(t);
            }
            years = y.stream().mapToDouble(Double::doubleValue).toArray();
        }
        for (double year : years) {
            if (!(year >= problem.startYear() && year <= problem.endYear())) {
                throw new ParameterException(spec.commandLine(), "--sweep-years " + year + " is outside the model's window "
                        + problem.startYear() + " .. " + problem.endYear());
            }
        }
        double[][] set = new double[members][parametric.count()];
        for (int i = 0; i < members; i++) {
            for (int j = 0; j < parametric.count(); j++) {
                // R_d sequence (Roberts 2018): alpha_j = phi_d^-(j+1), phi_d the root of x^(d+1) = x + 1
                double phi = 2;
                for (int it = 0; it < 30; it++) {
                    phi = Math.pow(1 + phi, 1.0 / (parametric.count() + 1));
                }
                double u = parametric.count() == 1 ? (i + 0.5) / members : (0.5 + (i + 1) * Math.pow(phi, -(j + 1))) % 1;
                PinnParametric.Range r = parametric.ranges().get(j);
                set[i][j] = r.low() + u * (r.high() - r.low());
            }
        }
        long[] surrogateNs = new long[repeat], exactNs = new long[repeat];
        double[][][] net = null;
        double[][][] exact = new double[2][members][years.length];
        try (PinnPredictor predictor = new PinnPredictor(problem, m.settings(), m.weights(), parametric.centre())) {
            for (int run = -warmup; run < repeat; run++) {
                long t0 = System.nanoTime();
                net = predictor.sweep(set, years, SWEEP_NODES, sweepPiece);
                long t1 = System.nanoTime();
                double[] at = years;
                // over all cores, as TensorFlow runs the surrogate
                java.util.stream.IntStream.range(0, members).parallel().forEach(i -> {
                    ExactMvfSolver solver = new ExactMvfSolver(parametric.apply(problem, set[i]), ExactSolverSettings.DEFAULT);
                    for (int y = 0; y < at.length; y++) {
                        exact[0][i][y] = solver.births(at[y]);
                        exact[1][i][y] = solver.population(at[y]);
                    }
                });
                long t2 = System.nanoTime();
                if (run >= 0) {
                    surrogateNs[run] = t1 - t0;
                    exactNs[run] = t2 - t1;
                }
            }
        }
        double[] worst = new double[2];
        String[] where = new String[2];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < members; i++) {
                for (int y = 0; y < years.length; y++) {
                    double d = Math.abs(net[k][i][y] / exact[k][i][y] - 1);
                    if (d >= worst[k]) {
                        worst[k] = d;
                        where[k] = parametric.label(set[i]) + " in " + (years[y] == Math.rint(years[y]) ? Long.toString((long) years[y]) : Double.toString(years[y]));
                    }
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(java.util.Locale.ROOT, "sweep of %d members over %s, births and population in %s, %s; %d repeats after %d warm-up, %d cores%n",
                members, parametric, Arrays.toString(years), m.scenario().name(), repeat, warmup, Runtime.getRuntime().availableProcessors());
        out.printf("%-44s %10s %10s %10s%n", "sweep", "median ms", "min ms", "max ms");
        row(out, "surrogate (" + m.settings().architecture(problem) + ", float32)", surrogateNs);
        row(out, "exact solver (one solve per member, all cores)", exactNs);
        out.printf(java.util.Locale.ROOT, "largest relative difference, surrogate against exact, over all members and years: births %.3e (%s), "
                + "population %.3e (%s)%n", worst[0], where[0], worst[1], where[1]);
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
