package org.popcast.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.CellPasses;
import org.popcast.models.cohort.BenchInput;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.ProjectionEngine;
import org.popcast.models.cohort.BandwidthProbe;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ProjectionResult;
import org.popcast.models.cohort.Projector;
import org.popcast.models.cohort.Scenario;
import org.popcast.models.cohort.ScenarioSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench",
        header = "Benchmark the projection engines beside a memory-bandwidth probe.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Benchmark the projection: the embedded city input with its cities repeated to --regions regions, the source paper's",
                "15 scenarios (or the first --scenarios of them), 2 sexes, 101 single ages, --steps one-year steps.",
                "Times the engines (median, min, max over --repeat runs after --warmup runs), reports cell-years per second",
                "(scenarios x regions x sexes x ages x steps / seconds), each median's ratio to a memory-bandwidth probe timed the",
                "same way in the same process (a fresh slab per year, filled by a streaming copy: the least any engine keeping",
                "every year must do), and each engine's largest relative difference from the first engine's population.",
                "The heap the warm-up runs grew is kept between runs (HotSpot's MaxHeapFreeRatio=100, in this process only), and each",
                "run starts after a garbage collection (off the clock). The second line says whether the cell passes run with SIMD",
                "(the Vector API, which the popcast launcher enables for cohort commands) or scalar: the numbers are the same."})
public final class CohortBenchCommand implements Callable<Integer> {

    @Option(names = "--regions", defaultValue = "400", description = "Projected regions (default ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--scenarios", defaultValue = "15", description = "Scenarios, at most 15 (default ${DEFAULT-VALUE}).")
    int scenarios;

    @Option(names = "--steps", defaultValue = "90", description = "One-year steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--engines", completionCandidates = Candidates.Engines.class, split = ",", defaultValue = "stream,loop", description = "Engines to time (default ${DEFAULT-VALUE}).")
    List<ProjectionEngine> engines;

    @Option(names = "--trajectories", paramLabel = "N",
            description = {"Time N trajectories of the default probabilistic projection instead of the engines: the embedded city",
                    "input around medium-medium, summarised for quantiles, on every core (--regions, --scenarios and --engines",
                    "do not apply; docs/probabilistic.md). Prints trajectories x regions x years per second."})
    Integer trajectories;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the trajectories (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (regions < 1 || scenarios < 1 || scenarios > 15 || steps < 1 || repeat < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "need --regions >= 1, 1 <= --scenarios <= 15, --steps >= 1, --repeat >= 1, --warmup >= 0");
        }
        boolean kept = keepHeap();
        if (trajectories != null) {
            if (trajectories < 1) {
                throw new ParameterException(spec.commandLine(), "--trajectories must be >= 1, got " + trajectories);
            }
            for (String other : List.of("--regions", "--scenarios", "--engines")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(other)) {
                    throw new ParameterException(spec.commandLine(), other + " does not apply to --trajectories");
                }
            }
            new TrajectoryBench(trajectories, steps, seed).run(spec.commandLine().getOut(), this::time);
            return 0;
        }
        long t0 = System.nanoTime();
        CohortInput city = CohortInputReader.read(InputFolder.builtin("cohort/china-cities"), CohortInputReader.ProjectionOverrides.NONE);
        CohortInput input = BenchInput.replicate(city, regions, steps);
        List<Scenario> list = ScenarioSet.builtin("paper-5x3").scenarios().subList(0, scenarios);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        double cellYears = (double) scenarios * regions * 2 * input.ageCount() * steps;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("cohort bench: %d scenarios x %d regions x 2 sexes x %d ages x %d steps = %.3g cell-years, %d cores; input read in %.2f s%s%s%n",
                scenarios, regions, input.ageCount(), steps, cellYears, Runtime.getRuntime().availableProcessors(), readSeconds,
                kept ? "; heap kept between runs" : "", preTouched() ? ", touched at start-up" : "");
        out.printf("cell passes: %s%n", CellPasses.describe());
        out.printf("%-20s %10s %10s %10s %16s %10s %12s%n", "engine", "median s", "min s", "max s", "cell-years/s", "x probe",
                "max rel diff");
        ProjectionPlan plan = new ProjectionPlan(input, list);
        double[] probe = time(() -> BandwidthProbe.run(plan));
        print(out, "memory probe", probe, cellYears, median(probe), Double.NaN);
        ProjectionResult first = null;
        for (ProjectionEngine e : engines) {
            Projector p = e.projector();
            ProjectionResult[] last = new ProjectionResult[1];
            double[] seconds = time(() -> {
                last[0] = null; // the previous run's result is garbage before this one starts
                last[0] = p.run(new ProjectionPlan(input, list), Progress.none());
            });
            first = first == null ? last[0] : first;
            print(out, p.name(), seconds, cellYears, median(probe), BandwidthProbe.largestDifference(first, last[0]));
            last[0] = null;
        }
        return 0;
    }

    /**
     * Keeps the heap the warm-up runs grew (HotSpot's MaxHeapFreeRatio=100, a manageable flag):
     * otherwise G1 gives the memory of each run's discarded result back to the system and the next
     * run pays the page faults of its fresh year slabs again (0.3-0.4 s of a 1.3 s run here,
     * docs/performance.md), which measures the machine's memory manager rather than the engine.
     * False where the flag cannot be set (another JVM): then the runs are timed as they come.
     */
    private static boolean keepHeap() {
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .setVMOption("MaxHeapFreeRatio", "100");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the JVM touched its whole initial heap at start-up (the popcast launcher asks it to for this command). */
    private static boolean preTouched() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
    }

    /** Seconds of each timed run of {@code work} after the warm-up runs, sorted. */
    private double[] time(Runnable work) {
        double[] seconds = new double[repeat];
        for (int run = -warmup; run < repeat; run++) {
            System.gc(); // the previous run's garbage is freed off the clock, so this run's allocations reuse the kept heap
            long start = System.nanoTime();
            work.run(); // timed: nothing else on the clock
            if (run >= 0) {
                seconds[run] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(seconds);
        return seconds;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void print(PrintWriter out, String name, double[] seconds, double cellYears, double probe, double difference) {
        double median = median(seconds);
        out.printf("%-20s %10.3f %10.3f %10.3f %16.3g %10.2f %12.2g%n", name, median, seconds[0], seconds[seconds.length - 1],
                cellYears / median, median / probe, difference);
        out.flush();
    }
}
