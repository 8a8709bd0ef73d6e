package org.popcast.models.cohort.stochastic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.DaemonPool;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.StreamProjector;

/**
 * Runs trajectories [from, to) of a one-scenario plan, each a plain-Java projection of its own
 * {@link ProjectionPlan#shifted shifted plan} on one thread, trajectories over {@code threads}
 * threads. Trajectory j's summary is handed on with its number j whichever thread ran it (at
 * index j - from of an array, or to a {@link Sink} such as a {@link TrajectoryStore}), so the
 * result does not depend on the thread count (or, on Spark, on the partitioning).
 */
public final class Trajectories {

    private Trajectories() {
    }

    /** Takes trajectory j's summary as soon as it is made, from whichever thread made it. */
    @FunctionalInterface
    public interface Sink {
        void accept(int j, TrajectorySummary summary);
    }

    /** Trajectories [from, to) in memory, trajectory j at index j - from. */
    public static TrajectorySummary[] run(ProjectionPlan central, TrajectoryDraws draws, SummaryShape shape, int from, int to,
                                          int threads, Progress progress) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("trajectories [" + from + ", " + to + ") are not a range");
        }
        TrajectorySummary[] out = new TrajectorySummary[to - from];
        run(central, draws, shape, from, to, threads, progress, (j, s) -> out[j - from] = s);
        return out;
    }

    /**
     * Trajectories [from, to), each handed to {@code sink} when done and then let go (the sink is
     * called from the worker threads, at most {@code threads} at once, in no particular order).
     */
    public static void run(ProjectionPlan central, TrajectoryDraws draws, SummaryShape shape, int from, int to,
                           int threads, Progress progress, Sink sink) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("trajectories [" + from + ", " + to + ") are not a range");
        }
        AtomicInteger next = new AtomicInteger(from), done = new AtomicInteger();
        Runnable worker = () -> {
            StreamProjector projector = new StreamProjector(1);
            RunningSummary summary = new RunningSummary(shape, central.layout());
            for (int j = next.getAndIncrement(); j < to; j = next.getAndIncrement()) {
                projector.run(central.shifted(draws.draw(j)), Progress.none(), summary);
                sink.accept(j, summary.summary());
                int n = done.incrementAndGet();
                progress.update("trajectories", n, to - from, n, "trajectory " + j); // Progress is synchronized
            }
        };
        int count = Math.max(1, Math.min(threads, to - from));
        if (count == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = DaemonPool.of(count, "cohort-trajectories");
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(pool.submit(worker));
            }
            DaemonPool.await(running, "trajectories");
        } finally {
            pool.shutdownNow();
        }
    }
}
