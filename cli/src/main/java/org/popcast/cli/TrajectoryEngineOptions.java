package org.popcast.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.EnumLabels;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.ProjectionEngine;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ScenarioSet;
import org.popcast.models.cohort.stochastic.PlanSource;
import org.popcast.models.cohort.stochastic.ProbabilisticProjection;
import org.popcast.models.cohort.stochastic.TrajectoryEngine;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code cohort project --engine spark}: the deterministic scenarios stay on this JVM (the stream
 * engine), the trajectories of {@code --trajectories} go to a {@link TrajectoryEngine} found on the
 * class path (popcast-spark.jar, docs/spark.md). {@code --engine stream|loop} keep their meaning.
 */
final class TrajectoryEngineOptions {

    /** The --engine choices, for help and completion. */
    static final class Choices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new java.util.ArrayList<>(EnumLabels.labels(ProjectionEngine.class));
            all.add(SPARK);
            return all.iterator();
        }
    }

    static final String SPARK = "spark";

    @Option(names = "--master", paramLabel = "URL",
            description = {"With --engine spark: the Spark master (local[2], yarn, spark://host:7077; default: spark-submit's,",
                    "else local[*])."})
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With --engine spark: Spark tasks the trajectories are split into (default: 4 per core of the cluster).")
    Integer partitions;

    /** The deterministic engine an --engine value means (spark: the stream engine). */
    static ProjectionEngine deterministic(String engine, CommandSpec spec) {
        if (SPARK.equals(engine)) {
            return ProjectionEngine.STREAM;
        }
        try {
            return EnumLabels.parse(ProjectionEngine.class, engine);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--engine: " + e.getMessage() + " (or spark)");
        }
    }

    /** The trajectory engine of an --engine value, null to run the trajectories here; checked before any work. */
    TrajectoryEngine find(String engine, Integer trajectories, CommandSpec spec) {
        if (!SPARK.equals(engine)) {
            if (master != null || partitions != null) {
                throw new ParameterException(spec.commandLine(), (master != null ? "--master" : "--partitions") + " needs --engine spark");
            }
            return null;
        }
        TrajectoryEngine found = TrajectoryEngine.find(SPARK).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--engine spark needs the popcast-spark jar (spark-submit ... popcast-spark.jar), see docs/spark.md"));
        if (trajectories == null) {
            throw new ParameterException(spec.commandLine(), "--engine spark runs the trajectories: give --trajectories N");
        }
        if (found.missing() != null) {
            throw new IllegalStateException(found.missing());
        }
        if (partitions != null && partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--partitions must be >= 1, got " + partitions);
        }
        found.check(options());
        return found;
    }

    /** The engine's own options: --master and --partitions as given. */
    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (master != null) {
            options.put("master", master);
        }
        if (partitions != null) {
            options.put("partitions", partitions.toString());
        }
        return options;
    }

    /** Runs {@code p}'s trajectories on {@code engine}, shipping the input's texts to rebuild {@code central} there. */
    ProbabilisticProjection run(TrajectoryEngine engine, ProbabilisticProjection p, CohortInputOptions input, ScenarioSet scenarios,
                                ProjectionPlan central, CommandSpec spec, Progress progress) {
        PlanSource source = PlanSource.capture(input.folder(spec), input.overrides(spec), scenarios, central.scenarios().get(0).name());
        return p.runOn(engine, source, options(), progress);
    }
}
