package org.popcast.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.popcast.engine.train.Progress;
import org.popcast.kernels.stochastic.Ar1;
import org.popcast.kernels.stochastic.SampleQuantiles;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.stochastic.PlanSource;
import org.popcast.models.cohort.stochastic.StochasticParameters;
import org.popcast.models.cohort.stochastic.SummaryShape;
import org.popcast.models.cohort.stochastic.Trajectories;
import org.popcast.models.cohort.stochastic.TrajectoryDraws;
import org.popcast.models.cohort.stochastic.TrajectoryEngine;
import org.popcast.models.cohort.stochastic.TrajectorySummary;

import scala.Tuple2;

/**
 * What a Spark task needs to run trajectories [from, to) and what the reduce needs to turn a
 * region's trajectories into quantiles: the input as texts ({@link PlanSource}), the estimated
 * stochastic numbers, the seed and the summary settings. Everything here is plain data, so it
 * crosses to the executors by Java serialisation; the plan is rebuilt once per executor JVM.
 */
record TrajectoryTask(Key key, double[] probabilities, boolean keep) implements Serializable {

    /** What the rebuilt plan, shape and draws depend on: the per-executor cache's key. */
    record Key(PlanSource source, double tfrRho, double tfrSigma, double tfrPeriod, double e0Rho, double e0Sigma, double e0Period,
               double migrationSigma, long seed, int ageEvery) implements Serializable {
    }

    /** One task's trajectories [from, from + count) of one region: totals [n][Y] and by sex and age [n][2 G Yq]. */
    record Chunk(int from, int count, float[] totals, float[] byAge) implements Serializable {
    }

    /** One region's quantiles [K][Y] and [K][2 G Yq], and its kept totals [N][Y] (or null). */
    record RegionResult(double[] totals, double[] byAge, float[] kept) implements Serializable {
    }

    /** The plan, shape and draws rebuilt on an executor. */
    record Built(ProjectionPlan plan, SummaryShape shape, TrajectoryDraws draws) {
    }

    static TrajectoryTask of(TrajectoryEngine.Job job) {
        StochasticParameters p = job.parameters();
        Ar1 tfr = p.logTfr(), e0 = p.e0();
        return new TrajectoryTask(new Key(job.source(), tfr.rho(), tfr.sigma(), tfr.period(), e0.rho(), e0.sigma(), e0.period(),
                p.migrationSigma(), job.settings().seed(), job.settings().ageEvery()), job.settings().quantiles().clone(),
                job.settings().keepTrajectories());
    }

    private static Key cachedKey;
    private static Built cached;

    /** This JVM's plan for the key, rebuilt from the texts only when the key changes (one job's tasks share it). */
    static synchronized Built built(Key key) {
        if (!key.equals(cachedKey)) {
            cached = null; // let the old plan go before the new one is built
            ProjectionPlan plan = key.source().plan();
            StochasticParameters parameters = new StochasticParameters(new Ar1(key.tfrRho(), key.tfrSigma(), key.tfrPeriod()),
                    new Ar1(key.e0Rho(), key.e0Sigma(), key.e0Period()), key.migrationSigma(), Map.of());
            cached = new Built(plan, SummaryShape.of(plan, key.ageEvery()), new TrajectoryDraws(plan, parameters, key.seed()));
            cachedKey = key;
        }
        return cached;
    }

    /** Runs trajectories [from, to) on this thread and cuts them by region. */
    List<Tuple2<Integer, Chunk>> chunks(int from, int to) {
        Built b = built(key);
        TrajectorySummary[] s = Trajectories.run(b.plan(), b.draws(), b.shape(), from, to, 1, Progress.none());
        int n = to - from, years = b.shape().years().length, inner = b.shape().byAgeSize() / b.shape().regions();
        List<Tuple2<Integer, Chunk>> out = new ArrayList<>(b.shape().regions());
        for (int r = 0; r < b.shape().regions(); r++) {
            float[] totals = new float[n * years], byAge = new float[n * inner];
            for (int j = 0; j < n; j++) {
                System.arraycopy(s[j].totals(), r * years, totals, j * years, years);
                System.arraycopy(s[j].byAge(), r * inner, byAge, j * inner, inner);
            }
            out.add(new Tuple2<>(r, new Chunk(from, n, totals, byAge)));
        }
        return out;
    }

    /** A region's quantiles over all trajectories, each cell's values in trajectory order as {@code ProjectionQuantiles} takes them. */
    RegionResult quantiles(Iterable<Chunk> chunks) {
        List<Chunk> list = new ArrayList<>();
        chunks.forEach(list::add);
        list.sort(Comparator.comparingInt(Chunk::from));
        int n = 0;
        for (Chunk c : list) {
            if (c.from() != n) {
                throw new IllegalStateException("trajectories " + n + " to " + c.from() + " missing from the reduce");
            }
            n += c.count();
        }
        int years = list.get(0).totals().length / list.get(0).count(), inner = list.get(0).byAge().length / list.get(0).count();
        float[] kept = keep ? new float[n * years] : null;
        if (keep) {
            for (Chunk c : list) {
                System.arraycopy(c.totals(), 0, kept, c.from() * years, c.count() * years);
            }
        }
        return new RegionResult(cells(list, n, years, true), cells(list, n, inner, false), kept);
    }

    /** Quantiles [K][size] of each of {@code size} cells over n trajectories. */
    private double[] cells(List<Chunk> list, int n, int size, boolean totals) {
        int k = probabilities.length;
        double[] out = new double[k * size], values = new double[n];
        for (int c = 0; c < size; c++) {
            for (Chunk chunk : list) {
                float[] v = totals ? chunk.totals() : chunk.byAge();
                for (int j = 0; j < chunk.count(); j++) {
                    values[chunk.from() + j] = v[j * size + c];
                }
            }
            double[] q;
            if (Double.isNaN(values[0])) {
                q = new double[k];
                Arrays.fill(q, Double.NaN);
            } else {
                q = SampleQuantiles.of(values, probabilities);
            }
            for (int i = 0; i < k; i++) {
                out[i * size + c] = q[i];
            }
        }
        return out;
    }
}
