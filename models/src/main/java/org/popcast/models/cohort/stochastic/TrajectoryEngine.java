package org.popcast.models.cohort.stochastic;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.ProjectionPlan;

/**
 * Somewhere else to run a probabilistic projection's trajectories than this JVM's threads, found
 * by name through {@link ServiceLoader} (popcast-spark provides {@code spark}; the plain popcast jar
 * has none). An engine must give the quantiles {@link ProbabilisticProjection#run} gives, bit for
 * bit: trajectory j is {@code central.shifted(draws.draw(j))} wherever it runs, and the quantiles
 * are Hyndman-Fan 7 of the same single-precision values.
 */
public interface TrajectoryEngine {

    /** What to run. {@code source} rebuilds {@code central} elsewhere; {@code options} are the engine's own (e.g. master). */
    record Job(PlanSource source, ProjectionPlan central, StochasticParameters parameters, ProbabilisticProjection.Settings settings,
               SummaryShape shape, Map<String, String> options) {
    }

    /**
     * @param quantiles   the quantiles over all trajectories
     * @param totals      every trajectory's totals [R][Y] in trajectory order when the settings keep them, else null
     * @param description where they ran, for the result's attributes (e.g. "spark local[2], 8 partitions")
     */
    record Result(ProjectionQuantiles quantiles, float[][] totals, String description) {
    }

    /** The name --engine chooses it by. */
    String name();

    /** Why this engine cannot run here (e.g. its framework is not on the class path), or null if it can. */
    default String missing() {
        return null;
    }

    /**
     * Checks the engine's options before any work is done (e.g. that the cluster they name
     * answers), throwing with a one-line message if they cannot work. By default nothing to check.
     */
    default void check(Map<String, String> options) {
    }

    Result run(Job job, Progress progress);

    /** The engine of that name on the class path, if any. */
    static Optional<TrajectoryEngine> find(String name) {
        for (TrajectoryEngine e : ServiceLoader.load(TrajectoryEngine.class, TrajectoryEngine.class.getClassLoader())) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
