package org.popcast.cli;

import java.io.PrintWriter;
import java.util.List;

import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.Scenario;
import org.popcast.models.cohort.ScenarioSet;
import org.popcast.models.cohort.stochastic.StochasticParameters;
import org.popcast.models.cohort.stochastic.StochasticSettings;
import org.popcast.models.cohort.stochastic.SummaryShape;
import org.popcast.models.cohort.stochastic.TrajectoryDraws;
import org.popcast.models.cohort.stochastic.Trajectories;

/**
 * {@code cohort bench --trajectories N}: the trajectories of the default probabilistic projection
 * (the embedded city input around medium-medium, stochastic.yaml's parameters), projected on every
 * core and summarised as for quantiles, the summaries then let go: the projection's speed without
 * the quantiles and the file.
 */
final class TrajectoryBench {

    private final int trajectories;
    private final int steps;
    private final long seed;

    TrajectoryBench(int trajectories, int steps, long seed) {
        this.trajectories = trajectories;
        this.steps = steps;
        this.seed = seed;
    }

    /** Prints the set-up line and the table's row, timing with {@code timer}. */
    void run(PrintWriter out, Timer timer) {
        long t0 = System.nanoTime();
        InputFolder folder = InputFolder.builtin("cohort/china-cities");
        CohortInput input = CohortInputReader.read(folder, CohortInputReader.ProjectionOverrides.horizon(steps));
        List<Scenario> all = ScenarioSet.builtin("paper-5x3").scenarios();
        int central = ScenarioSet.central(all.stream().map(Scenario::name).toList());
        ProjectionPlan plan = new ProjectionPlan(input, List.of(all.get(central)));
        StochasticParameters parameters = StochasticParameters.estimate(plan, StochasticSettings.read(folder), folder);
        SummaryShape shape = SummaryShape.of(plan, 5);
        int cores = Runtime.getRuntime().availableProcessors(), regions = shape.regions(), leaves = input.leafCount();
        out.printf("cohort bench: %d trajectories around %s x %d regions (%d projected) x 2 sexes x %d ages x %d steps, %d cores;"
                + " input read in %.2f s%n", trajectories, all.get(central).name(), regions, leaves, input.ageCount(), steps, cores,
                (System.nanoTime() - t0) / 1e9);
        out.printf("%-20s %10s %10s %10s %16s %16s %12s%n", "engine", "median s", "min s", "max s", "traj-reg-years/s", "cell-years/s",
                "ms/trajectory");
        double[] seconds = timer.time(() -> Trajectories.run(plan, new TrajectoryDraws(plan, parameters, seed), shape, 0, trajectories,
                cores, Progress.none(), (j, summary) -> { }));
        double median = CohortBenchCommand.median(seconds);
        double cellYears = (double) trajectories * leaves * 2 * input.ageCount() * steps;
        out.printf("%-20s %10.3f %10.3f %10.3f %16.3g %16.3g %12.1f%n", "java-stream", median, seconds[0], seconds[seconds.length - 1],
                (double) trajectories * regions * steps / median, cellYears / median, 1000 * median / trajectories);
        out.flush();
    }

    /** Times a piece of work as the bench does: warm-up runs, then timed runs, sorted seconds. */
    @FunctionalInterface
    interface Timer {
        double[] time(Runnable work);
    }
}
