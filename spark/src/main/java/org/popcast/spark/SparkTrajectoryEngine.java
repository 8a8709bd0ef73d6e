package org.popcast.spark;

import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.stochastic.TrajectoryEngine;

/**
 * {@code cohort project --engine spark}: the trajectories of a probabilistic projection on Apache
 * Spark ({@link SparkJob}), quantiles bit for bit those of the local run. This class names no Spark
 * type, so the engine is found (and says what is missing) in popcast-spark.jar run without Spark.
 */
public final class SparkTrajectoryEngine implements TrajectoryEngine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String missing() {
        try {
            Class.forName("org.apache.spark.api.java.JavaSparkContext", false, SparkTrajectoryEngine.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "--engine spark: Spark is not on the class path; run popcast-spark.jar with spark-submit, or"
                    + " popcast-spark-local.jar with java -jar (docs/spark.md)";
        }
    }

    /** A spark:// master must answer on its port (a few seconds at most), or the run stops before any work. */
    @Override
    public void check(java.util.Map<String, String> options) {
        SparkMasters.checkReachable(SparkMasters.effective(options.get("master")));
    }

    @Override
    public Result run(Job job, Progress progress) {
        String why = missing();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        return SparkJob.run(job, progress);
    }
}
