package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
        CohortLayout layout = plan.layout();
        ProjectionResult result = ProjectionResult.of(plan);
        double[] state = LoopProjector.initialState(plan.input(), layout);
        result.recordPopulation(0, state);
        List<ScenarioBlock> blocks = blocks(plan);
        ExecutorService pool = blocks.size() > 1 ? DaemonPool.of(blocks.size(), "cohort-stream") : null;
        try {
            // rates[0] is this step's, rates[1] the next step's (the next year's sizes and sums are made during this step)
            StepRates[] rates = {plan.rates(0), plan.steps() > 1 ? plan.rates(1) : null};
            for (ScenarioBlock b : blocks) {
                b.prime(rates[0], state);
            }
            for (int k = 0; k < plan.steps(); k++) {
                int after = k + 2;
                double[] next = new double[state.length]; // the result's slab: kept, so one per year
                double[] births = new double[layout.seriesCount()];
                double[] deaths = new double[layout.seriesCount() * CohortLayout.SEXES];
                double[] net = new double[deaths.length];
                ScenarioBlock.AgeFlows byAge = ScenarioBlock.AgeFlows.of(result);
                ScenarioBlock.Step step = new ScenarioBlock.Step(rates[0], rates[1], state, next, births, deaths, net, byAge);
                // this thread builds the rates of the step after next (life tables, fertility) while the blocks run
                StepRates[] later = new StepRates[1];
                runAll(pool, blocks, step, () -> later[0] = after < plan.steps() ? plan.rates(after) : null);
                rates[0] = rates[1];
                rates[1] = later[0];
                result.recordFlows(k, births, deaths, net);
                result.recordGroupedAgeFlows(k, byAge.births(), byAge.deaths(), byAge.net());
                state = next;
                result.recordPopulation(k + 1, state);
                progress.update("project", k + 1, plan.steps(), k + 1, "year " + result.years()[k + 1]);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return result;
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

    /** Runs the step on every block and {@code meanwhile} on this thread; returns when all are done. */
    private static void runAll(ExecutorService pool, List<ScenarioBlock> blocks, ScenarioBlock.Step step, Runnable meanwhile) {
        if (pool == null) {
            blocks.get(0).step(step);
            meanwhile.run();
            return;
        }
        List<Future<?>> running = new ArrayList<>(blocks.size());
        for (ScenarioBlock b : blocks) {
            running.add(pool.submit(() -> b.step(step)));
        }
        meanwhile.run();
        DaemonPool.await(running, "projection");
    }
}
