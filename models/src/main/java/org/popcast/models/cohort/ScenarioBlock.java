package org.popcast.models.cohort;

import org.popcast.kernels.cohort.CohortKernel;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.ProvinceBalance;

/**
 * The scenarios [from, to) of a {@link StreamProjector} run and the buffers they need, allocated
 * once: caps, size factors, a {@link ProvinceBalance} per scenario, the migrants of one region and
 * scenario and the kernel's scratch. One block belongs to one thread at a time.
 */
final class ScenarioBlock {

    /** What a step reads and writes: the rates, this year's slab, and the next year's slab and flows. */
    record Step(StepRates rates, double[] state, double[] next, double[] births, double[] deaths, double[] net) {
    }

    private final CohortLayout layout;
    private final int from;
    private final int to;
    private final double n;
    private final int[] provinceOf;
    private final double[] caps;
    private final double[] sizes;
    private final double[] leafRates;
    private final double[] provinceRates;
    private final double[] hasOwn;
    private final boolean internal;
    /** [L][S] (only this block's scenarios are touched): capped so far, and this step's size factor. */
    private final boolean[] capped;
    private final double[] factor;
    private final ProvinceBalance[] balance;
    private final double[] raw;
    private final double[] migrants;
    private final CohortKernel kernel;

    ScenarioBlock(ProjectionPlan plan, int from, int to) {
        this.layout = plan.layout();
        this.from = from;
        this.to = to;
        this.n = plan.stepLength();
        CohortInput in = plan.input();
        internal = in.hasInternalMigration();
        provinceOf = internal ? in.provinceOf() : null;
        caps = plan.caps();
        sizes = plan.sizeThresholds();
        leafRates = plan.leafRates();
        provinceRates = plan.provinceRates();
        hasOwn = plan.hasOwnRate();
        capped = new boolean[layout.seriesCount()];
        factor = new double[layout.seriesCount()];
        balance = new ProvinceBalance[to - from];
        for (int s = from; s < to && internal; s++) {
            balance[s - from] = new ProvinceBalance(hasOwn.length, layout.cells());
        }
        raw = new double[layout.cells()];
        migrants = new double[layout.cells()];
        kernel = new CohortKernel(layout.ages(), n, plan.timing());
    }

    /** One step of this block's scenarios: sizes and province sums, the balance, then migrants and the cohort step. */
    void step(Step step) {
        for (int s = from; s < to && internal; s++) {
            balance[s - from].reset();
        }
        for (int l = 0; l < layout.leaves(); l++) {
            for (int s = from; s < to; s++) {
                sizeAndSums(step, l, s);
            }
        }
        for (int s = from; s < to && internal; s++) {
            balance[s - from].solve(provinceRates, hasOwn, n * step.rates().migrationScale()[s]);
        }
        for (int l = 0; l < layout.leaves(); l++) {
            for (int s = from; s < to; s++) {
                project(step, l, s);
            }
        }
    }

    /** Region l, scenario s: its total, cap and size factor, and its cells added to the province sums. */
    private void sizeAndSums(Step step, int l, int s) {
        double[] state = step.state();
        int at = layout.offset(l, s), cells = layout.cells(), series = layout.series(l, s);
        double total = 0;
        for (int i = 0; i < cells; i++) {
            total += state[at + i];
        }
        StepRates r = step.rates();
        capped[series] |= total >= caps[l];
        factor[series] = total < sizes[0] ? r.smallFactor() : total < sizes[1] ? r.middleFactor() : 1;
        if (internal) {
            boolean active = !capped[series];
            if (active) {
                rawNets(step, l, s);
            }
            balance[s - from].add(provinceOf[l], active, state, at, raw, 0);
        }
    }

    /** Raw internal nets of an active region l in scenario s into {@link #raw}. */
    private void rawNets(Step step, int l, int s) {
        double[] state = step.state();
        double scaled = n * step.rates().migrationScale()[s], f = factor[layout.series(l, s)];
        int at = layout.offset(l, s), leafAt = layout.leafOffset(l);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = scaled * leafRates[leafAt + i] * f * state[at + i];
        }
    }

    /** Region l, scenario s: its migrants (balanced internal, international, given) and the cohort step. */
    private void project(Step step, int l, int s) {
        double[] state = step.state();
        StepRates r = step.rates();
        int at = layout.offset(l, s), leafAt = layout.leafOffset(l), cells = layout.cells();
        boolean active = internal && !capped[layout.series(l, s)];
        if (active) {
            rawNets(step, l, s);
        }
        double intRate = n * r.internationalRate();
        double[] count = r.explicitCount(), rate = r.explicitRate();
        for (int i = 0; i < cells; i++) {
            double p = state[at + i];
            double inside = active ? balance[s - from].balanced(provinceOf[l], i, raw[i], p) : 0;
            migrants[i] = inside + (intRate * p + count[leafAt + i] + n * rate[leafAt + i] * p);
        }
        double[] bs = r.birthSurvival();
        step.births()[layout.series(l, s)] = kernel.step(state, at, migrants, r.survival(), leafAt, r.fertility(),
                layout.fertilityOffset(l, s), bs[layout.leafSex(l, 0)], bs[layout.leafSex(l, 1)], r.femaleShare()[l],
                step.next(), step.deaths(), step.net(), layout.bySex(l, s, 0));
    }
}
