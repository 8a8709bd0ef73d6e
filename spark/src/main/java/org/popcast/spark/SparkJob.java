package org.popcast.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.stochastic.ProjectionQuantiles;
import org.popcast.models.cohort.stochastic.SummaryShape;
import org.popcast.models.cohort.stochastic.TrajectoryEngine.Job;
import org.popcast.models.cohort.stochastic.TrajectoryEngine.Result;

import scala.Tuple2;

/**
 * The Spark side of {@link SparkTrajectoryEngine}: the trajectories in contiguous ranges over Spark tasks,
 * each task running the plain-Java projector on one thread for its range of a plan it rebuilds
 * from the input's texts (once per executor JVM); the quantiles reduced on the cluster, by region
 * (all trajectories of a region's cells together, each cell sorted on its own, Hyndman-Fan 7), so
 * the driver collects only the quantiles (and the kept totals). The numbers are those of
 * {@code ProbabilisticProjection.run} to the last bit: the same trajectories, the same values, the
 * same quantile of each cell.
 */
final class SparkJob {

    private SparkJob() {
    }

    /** Starts a context as the job's options and spark-submit say, runs the job, stops the context. */
    static Result run(Job job, Progress progress) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            // java -jar popcast-spark-local.jar: no INFO chatter (no effect once spark-submit has set up logging)
            System.setProperty("log4j2.configurationFile", "classpath:org/popcast/spark/log4j2-quiet.properties");
        }
        SparkConf conf = new SparkConf().setAppName("popcast cohort trajectories");
        String master = job.options().get("master");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // plain java -jar without spark-submit
        }
        conf.setIfMissing("spark.log.level", "WARN");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            // java -jar popcast-spark-local.jar --master spark://...: no spark-submit ships the application jar to the
            // executors, which would not find popcast's classes; this jar is the one to ship
            conf.setJars(JavaSparkContext.jarOfClass(SparkJob.class));
        }
        progress.message("starting Spark (" + conf.get("spark.master") + ")");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            String given = job.options().get("partitions");
            int partitions = given != null ? Integer.parseInt(given) : 4 * sc.defaultParallelism();
            return run(sc, job, partitions, progress);
        }
    }

    /** Runs a job on a running context, the trajectories in {@code partitions} tasks (at most one per trajectory). */
    public static Result run(JavaSparkContext sc, Job job, int partitions, Progress progress) {
        int n = job.settings().trajectories();
        int parts = Math.max(1, Math.min(partitions, n));
        List<int[]> ranges = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            ranges.add(new int[] {(int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)});
        }
        SummaryShape shape = job.shape();
        int regions = shape.regions(), reducers = Math.max(1, Math.min(parts, regions));
        AtomicInteger done = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                int d = done.incrementAndGet();
                synchronized (progress) {
                    progress.update("spark tasks", d, parts + reducers, d, "trajectories over " + parts + " tasks, quantiles over "
                            + reducers);
                }
            }
        };
        sc.sc().addSparkListener(listener);
        Broadcast<TrajectoryTask> task = sc.broadcast(TrajectoryTask.of(job));
        try {
            List<Tuple2<Integer, TrajectoryTask.RegionResult>> byRegion = sc.parallelize(ranges, parts)
                    .flatMapToPair(range -> task.value().chunks(range[0], range[1]).iterator())
                    .groupByKey(reducers)
                    .mapValues(chunks -> task.value().quantiles(chunks))
                    .collect();
            return assemble(byRegion, job, shape, String.format(java.util.Locale.ROOT, "spark %s (Spark %s), %d trajectory tasks,"
                    + " %d quantile tasks", sc.master(), sc.version(), parts, reducers));
        } finally {
            sc.sc().removeSparkListener(listener);
            task.destroy();
        }
    }

    /** The regions' quantiles into {@link ProjectionQuantiles}' layout: totals [K][R][Y], by age [K][R][2][G][Yq]. */
    private static Result assemble(List<Tuple2<Integer, TrajectoryTask.RegionResult>> byRegion, Job job, SummaryShape shape,
                                   String description) {
        double[] p = job.settings().quantiles();
        int k = p.length, years = shape.years().length, size = shape.totalSize(), ageSize = shape.byAgeSize();
        int inner = ageSize / shape.regions(), n = job.settings().trajectories();
        if (byRegion.size() != shape.regions()) {
            throw new IllegalStateException("Spark returned " + byRegion.size() + " regions, expected " + shape.regions());
        }
        double[] totals = new double[k * size], byAge = new double[k * ageSize];
        float[][] kept = job.settings().keepTrajectories() ? new float[n][size] : null;
        for (Tuple2<Integer, TrajectoryTask.RegionResult> t : byRegion) {
            int r = t._1();
            TrajectoryTask.RegionResult rr = t._2();
            for (int i = 0; i < k; i++) {
                System.arraycopy(rr.totals(), i * years, totals, i * size + r * years, years);
                System.arraycopy(rr.byAge(), i * inner, byAge, i * ageSize + r * inner, inner);
            }
            if (kept != null) {
                for (int j = 0; j < n; j++) {
                    System.arraycopy(rr.kept(), j * years, kept[j], r * years, years);
                }
            }
        }
        return new Result(new ProjectionQuantiles(p.clone(), totals, byAge), kept, description);
    }

}
