package org.popcast.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.BenchInput;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.ProjectionEngine;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.Projector;
import org.popcast.models.cohort.Scenario;
import org.popcast.models.cohort.ScenarioSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Benchmark the projection: the embedded city input with its cities repeated to --regions regions, the source paper's",
                "15 scenarios (or the first --scenarios of them), 2 sexes, 101 single ages, --steps one-year steps.",
                "Times the batched TensorFlow projector and the plain Java loop (median, min, max over --repeat runs after",
                "--warmup runs) and reports cell-years per second (scenarios x regions x sexes x ages x steps / seconds)."})
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

    @Option(names = "--engines", split = ",", defaultValue = "batched,loop", description = "Engines to time (default ${DEFAULT-VALUE}).")
    List<ProjectionEngine> engines;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (regions < 1 || scenarios < 1 || scenarios > 15 || steps < 1 || repeat < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "need --regions >= 1, 1 <= --scenarios <= 15, --steps >= 1, --repeat >= 1, --warmup >= 0");
        }
        long t0 = System.nanoTime();
        CohortInput city = CohortInputReader.read(InputFolder.builtin("cohort/china-cities"), CohortInputReader.ProjectionOverrides.NONE);
        CohortInput input = BenchInput.replicate(city, regions, steps);
        List<Scenario> list = ScenarioSet.builtin("paper-5x3").scenarios().subList(0, scenarios);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        double cellYears = (double) scenarios * regions * 2 * input.ageCount() * steps;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("cohort bench: %d scenarios x %d regions x 2 sexes x %d ages x %d steps = %.3g cell-years, %d cores; input read in %.2f s%n",
                scenarios, regions, input.ageCount(), steps, cellYears, Runtime.getRuntime().availableProcessors(), readSeconds);
        out.printf("%-20s %10s %10s %10s %16s%n", "engine", "median s", "min s", "max s", "cell-years/s");
        for (ProjectionEngine e : engines) {
            Projector p = e.projector();
            double[] seconds = new double[repeat];
            for (int run = -warmup; run < repeat; run++) {
                long start = System.nanoTime();
                p.run(new ProjectionPlan(input, list), Progress.none()); // timed: nothing else on the clock
                if (run >= 0) {
                    seconds[run] = (System.nanoTime() - start) / 1e9;
                }
            }
            Arrays.sort(seconds);
            double median = seconds.length % 2 == 1 ? seconds[seconds.length / 2] : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
            out.printf("%-20s %10.2f %10.2f %10.2f %16.3g%n", p.name(), median, seconds[0], seconds[seconds.length - 1], cellYears / median);
            out.flush();
        }
        return 0;
    }
}
