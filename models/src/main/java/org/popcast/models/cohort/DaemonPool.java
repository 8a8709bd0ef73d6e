package org.popcast.models.cohort;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The worker threads of the projections: daemons (they never hold the JVM open) and failures rethrown as they were. */
public final class DaemonPool {

    private DaemonPool() {
    }

    public static ExecutorService of(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Waits for every task. A task's RuntimeException or Error (a full heap, say, which the command
     * line turns into its one-line advice) is rethrown as it was, not wrapped.
     */
    public static void await(List<Future<?>> running, String what) {
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
