package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.CohortLayout;

/**
 * The projection in plain Java at memory speed: each step streams the year's [L][S][2][A] slab
 * once in region order, forming each region's balanced migrants and cohort step straight into the
 * next year's slab and, while those cells are in cache, the next step's sizes, caps and province
 * sums for the balance (the balance needs every region's sums before any region's migrants, so
 * they are made one step ahead), with every buffer
 * allocated once per run ({@link ScenarioBlock}). Scenarios are independent, so they are split into
 * contiguous blocks over the cores; every sum runs in the same order whatever the split, so the
 * numbers do not depend on the thread count. Same equations and summation order as
 * {@link LoopProjector}, which it is tested against.
 */
public final class StreamProjector implements Projector {

    private final int threads;

    /** One thread per core, at most one per scenario. */
    public StreamProjector() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public StreamProjector(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "java-stream";
    }

    @Override
    public ProjectionResult run(ProjectionPlan plan, Progress progress) {
        ProjectionResult result = ProjectionResult.of(plan);
        run(plan, progress, new Recording(result));
        return result;
    }

    /** Runs the plan, handing every year and step's flows to {@code sink} as soon as they are made. */
    public void run(ProjectionPlan plan, Progress progress, YearSink sink) {
        CohortLayout layout = plan.layout();
        double[] state = LoopProjector.initialState(plan.input(), layout);
        sink.year(0, state, totals(state, layout));
        List<ScenarioBlock> blocks = blocks(plan);
        ExecutorService pool = blocks.size() > 1 ? DaemonPool.of(blocks.size() - 1, "cohort-stream") : null;
        try {
            // rates[0] is this step's, rates[1] the next step's (the next year's sizes and sums are made during this step)
            StepRates[] rates = {plan.rates(0), plan.steps() > 1 ? plan.rates(1) : null};
            for (ScenarioBlock b : blocks) {
                b.prime(rates[0], state);
            }
            int series = layout.seriesCount(), bySex = series * CohortLayout.SEXES;
            for (int k = 0; k < plan.steps(); k++) {
                int after = k + 2, year = k + 1;
                StepRates now = rates[0], following = rates[1];
                double[] current = state;
                Supplier<ScenarioBlock.Step> buffers = () -> new ScenarioBlock.Step(now, following, current,
                        sink.slab(year, current.length), new double[series], new double[bySex], new double[bySex], new double[series],
                        sink.wantsFlowsByAge() ? ScenarioBlock.AgeFlows.of(layout, plan.input().ages()) : null);
                // this thread builds the rates of the step after next while another makes the step's buffers (the JVM
                // zeroes the next year's slab), then runs its block
                StepRates[] later = new StepRates[1];
                ScenarioBlock.Step step = runAll(pool, blocks, buffers, () -> later[0] = after < plan.steps() ? plan.rates(after) : null);
                rates[0] = rates[1];
                rates[1] = later[0];
                ScenarioBlock.AgeFlows byAge = step.byAge();
                sink.flows(k, step.births(), step.deaths(), step.net(), byAge == null ? null : byAge.births(),
                        byAge == null ? null : byAge.deaths(), byAge == null ? null : byAge.net());
                state = step.next();
                sink.year(k + 1, state, step.totals());
                progress.update("project", k + 1, plan.steps(), k + 1, "year " + plan.year(k + 1));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Each region and scenario's total [L][S] of a slab. */
    private static double[] totals(double[] state, CohortLayout layout) {
        double[] out = new double[layout.seriesCount()];
        for (int series = 0; series < out.length; series++) {
            out[series] = ScenarioBlock.total(state, layout, series);
        }
        return out;
    }

    /** Keeps every year and flow in a {@link ProjectionResult}. */
    private record Recording(ProjectionResult result) implements YearSink {
        @Override
        public double[] slab(int t, int size) {
            return new double[size]; // kept: one per year
        }

        @Override
        public void year(int t, double[] population, double[] totals) {
            result.recordPopulation(t, population);
        }

        @Override
        public boolean wantsFlowsByAge() {
            return true;
        }

        @Override
        public void flows(int t, double[] births, double[] deaths, double[] net, double[] birthsByAge, double[] deathsByAge,
                          double[] netByAge) {
            result.recordFlows(t, births, deaths, net);
            result.recordGroupedAgeFlows(t, birthsByAge, deathsByAge, netByAge);
        }
    }

    /** Contiguous scenario ranges, one per thread. */
    private List<ScenarioBlock> blocks(ProjectionPlan plan) {
        int scen = plan.layout().scenarios(), count = Math.max(1, Math.min(threads, scen));
        List<ScenarioBlock> blocks = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            blocks.add(new ScenarioBlock(plan, t * scen / count, (t + 1) * scen / count));
        }
        return blocks;
    }

    /**
     * Runs the step on every block and {@code meanwhile}, returning the step when all are done. The
     * first pool thread makes the step's {@code buffers} and then runs the largest block (blocks
     * split scenarios with the larger share last); this thread runs {@code meanwhile}, then the
     * smallest block, so the buffers' allocation runs beside other work and there is one busy
     * thread per core. Alone (one block), this thread does all three in turn.
     */
    private static ScenarioBlock.Step runAll(ExecutorService pool, List<ScenarioBlock> blocks, Supplier<ScenarioBlock.Step> buffers,
                                             Runnable meanwhile) {
        if (blocks.size() == 1) {
            ScenarioBlock.Step step = buffers.get();
            blocks.get(0).step(step);
            meanwhile.run();
            return step;
        }
        CompletableFuture<ScenarioBlock.Step> made = new CompletableFuture<>();
        List<Future<?>> running = new ArrayList<>(blocks.size());
        for (int i = blocks.size() - 1; i >= 1; i--) {
            ScenarioBlock b = blocks.get(i);
            boolean maker = i == blocks.size() - 1;
            running.add(pool.submit(() -> {
                if (maker) {
                    try {
                        made.complete(buffers.get());
                    } catch (RuntimeException | Error e) {
                        made.completeExceptionally(e);
                        throw e; // rethrown as it was by DaemonPool.await
                    }
                }
                b.step(made.join());
            }));
        }
        try {
            meanwhile.run();
            ScenarioBlock.Step step = made.handle((done, failed) -> done).join(); // null if the maker failed: await rethrows why
            if (step != null) {
                blocks.get(0).step(step);
            }
            return step;
        } finally {
            DaemonPool.await(running, "projection");
        }
    }
}
