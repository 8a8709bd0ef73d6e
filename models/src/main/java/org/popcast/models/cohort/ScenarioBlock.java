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

    /**
     * What a step reads and writes: its rates and the next step's (null after the last), this
     * year's slab, and the next year's slab, flows and totals [L][S] (flows by age null when not wanted).
     */
    record Step(StepRates rates, StepRates following, double[] state, double[] next, double[] births, double[] deaths,
                double[] net, double[] totals, AgeFlows byAge) {
    }

    /** The step's flows by age, summed into the result's flow age groups: births [L][S][G], deaths and net [L][S][2][G]. */
    record AgeFlows(int groups, double[] births, double[] deaths, double[] net) {
        static AgeFlows of(CohortLayout layout, double[] ages) {
            int groups = ProjectionResult.flowGroups(ages).groups();
            return new AgeFlows(groups, new double[layout.seriesCount() * groups],
                    new double[layout.seriesCount() * CohortLayout.SEXES * groups], new double[layout.seriesCount() * CohortLayout.SEXES * groups]);
        }

        /** Region l, scenario s's flows by age group from the kernel's last step. */
        void add(CohortLayout layout, int l, int s, CohortKernel kernel) {
            System.arraycopy(kernel.birthsByGroup(), 0, births, layout.series(l, s) * groups, groups);
            System.arraycopy(kernel.deathsByGroup(), 0, deaths, layout.bySex(l, s, 0) * groups, CohortLayout.SEXES * groups);
            System.arraycopy(kernel.migrantsByGroup(), 0, net, layout.bySex(l, s, 0) * groups, CohortLayout.SEXES * groups);
        }
    }

    private final CohortLayout layout;
    private final int from;
    private final int to;
    private final double n;
    private final int[] provinceOf;
    private final double[] caps;
    private final double[] sizes;
    /** Per leaf [L]: internal migration rate and a trajectory's departure; per cell [2][A]: the age profile they multiply. */
    private final double[] leafRate;
    private final double[] leafShift;
    private final double[] profile;
    /** Whether the input has migration.csv (explicit counts or rates): most inputs do not, and skipping them saves two streams. */
    private final boolean explicit;
    private final double[] provinceRates;
    private final double[] hasOwn;
    private final boolean internal;
    /** [L][S] (only this block's scenarios are touched): capped so far, and this step's size factor. */
    private final boolean[] capped;
    private final double[] factor;
    /** Per scenario, two sets used in turn: this step's (being applied) and the next step's (being summed). */
    private ProvinceBalance[] balance;
    private ProvinceBalance[] nextBalance;
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
        leafRate = plan.leafRateByLeaf();
        leafShift = plan.leafShiftByLeaf();
        profile = internal ? in.profile() : null;
        explicit = in.migration() != null;
        provinceRates = plan.provinceRates();
        hasOwn = plan.hasOwnRate();
        capped = new boolean[layout.seriesCount()];
        factor = new double[layout.seriesCount()];
        balance = new ProvinceBalance[to - from];
        nextBalance = new ProvinceBalance[to - from];
        for (int s = from; s < to && internal; s++) {
            balance[s - from] = new ProvinceBalance(hasOwn.length, layout.cells());
            nextBalance[s - from] = new ProvinceBalance(hasOwn.length, layout.cells());
        }
        migrants = new double[layout.cells()];
        kernel = new CohortKernel(n, plan.timing(), ProjectionResult.flowGroups(plan.input().ages()));
    }

    /** Before the first step: sizes and province sums of the base year with the first step's rates. */
    void prime(StepRates first, double[] state) {
        resetSums(balance);
        for (int l = 0; l < layout.leaves(); l++) {
            for (int s = from; s < to; s++) {
                sizeAndSums(first, state, l, s, total(state, layout, layout.series(l, s)), balance);
            }
        }
    }

    /**
     * One step of this block's scenarios: the balance from the sums already made, then per region
     * the migrants and the cohort step, and at once (the new cells still in cache) the next step's
     * sizes and province sums, so each step reads the slab once.
     */
    void step(Step step) {
        for (int s = from; s < to && internal; s++) {
            balance[s - from].solve(provinceRates, hasOwn, n * step.rates().migrationScale()[s]);
        }
        resetSums(nextBalance);
        for (int l = 0; l < layout.leaves(); l++) {
            for (int s = from; s < to; s++) {
                project(step, l, s);
                if (step.following() != null) {
                    sizeAndSums(step.following(), step.next(), l, s, kernel.total(), nextBalance);
                }
            }
        }
        ProvinceBalance[] done = balance;
        balance = nextBalance;
        nextBalance = done;
    }

    private void resetSums(ProvinceBalance[] sums) {
        for (int s = from; s < to && internal; s++) {
            sums[s - from].reset();
        }
    }

    /**
     * Region l, scenario s of a year's slab with its {@code total}: its cap and size factor for the
     * step of {@code rates}, and its cells added to that step's province sums. Region l's factor of the
     * previous step is no longer needed: its own migrants were formed just before.
     */
    private void sizeAndSums(StepRates r, double[] state, int l, int s, double total, ProvinceBalance[] sums) {
        int at = layout.offset(l, s), series = layout.series(l, s);
        capped[series] |= total >= caps[l];
        factor[series] = total < sizes[0] ? r.smallFactor() : total < sizes[1] ? r.middleFactor() : 1;
        if (internal && capped[series]) {
            sums[s - from].addInactive(provinceOf[l], state, at);
        } else if (internal) {
            sums[s - from].add(provinceOf[l], rawCoefficient(r, l, s), profile, state, at);
        }
    }

    /** The total of region and scenario {@code series} in a slab (the kernel gives it for the years it makes). */
    static double total(double[] state, CohortLayout layout, int series) {
        int at = series * layout.cells(), cells = layout.cells();
        double total = 0;
        for (int i = 0; i < cells; i++) {
            total += state[at + i];
        }
        return total;
    }

    /**
     * The raw internal net of region l in scenario s per person and unit of the age profile: n x
     * scale x (rate x size factor + departure), the rate and departure per leaf (the plan's
     * leafRates and leafShifts are these times the profile).
     */
    private double rawCoefficient(StepRates r, int l, int s) {
        return n * r.migrationScale()[s] * (leafRate[l] * factor[layout.series(l, s)] + leafShift[l]);
    }

    /** Region l, scenario s: its migrants (balanced internal, international, given) and the cohort step. */
    private void project(Step step, int l, int s) {
        double[] state = step.state();
        StepRates r = step.rates();
        int at = layout.offset(l, s), leafAt = layout.leafOffset(l), cells = layout.cells();
        double intRate = n * r.internationalRate();
        if (internal && !capped[layout.series(l, s)]) {
            balance[s - from].migrants(provinceOf[l], rawCoefficient(r, l, s), profile, state, at, intRate, migrants);
        } else {
            for (int i = 0; i < cells; i++) {
                migrants[i] = intRate * state[at + i];
            }
        }
        if (explicit) {
            double[] count = r.explicitCount(), rate = r.explicitRate();
            for (int i = 0; i < cells; i++) {
                migrants[i] += count[leafAt + i] + n * rate[leafAt + i] * state[at + i];
            }
        }
        double[] bs = r.birthSurvival();
        step.births()[layout.series(l, s)] = kernel.step(state, at, migrants, r.survival(), r.survivalOf()[l], r.fertility(),
                l * layout.ages(), r.fertilityFactor()[layout.series(l, s)] * r.fertilityScale(), bs[layout.leafSex(l, 0)],
                bs[layout.leafSex(l, 1)], r.femaleShare()[l], step.next(), step.deaths(), step.net(), layout.bySex(l, s, 0));
        step.totals()[layout.series(l, s)] = kernel.total();
        if (step.byAge() != null) {
            step.byAge().add(layout, l, s, kernel);
        }
    }
}
