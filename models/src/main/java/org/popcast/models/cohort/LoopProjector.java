package org.popcast.models.cohort;

import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.CohortStep;
import org.popcast.kernels.cohort.MigrationBalance;

/**
 * The projection in plain Java, one region and scenario at a time with {@link CohortStep} and
 * {@link MigrationBalance}: the reference that {@link StreamProjector} is tested against, and
 * the baseline of the benchmark.
 */
public final class LoopProjector implements Projector {

    @Override
    public String name() {
        return "java-loop";
    }

    @Override
    public ProjectionResult run(ProjectionPlan plan, Progress progress) {
        CohortLayout layout = plan.layout();
        int leaves = layout.leaves(), scen = layout.scenarios(), ages = layout.ages(), steps = plan.steps();
        ProjectionResult result = ProjectionResult.of(plan);
        double[] state = initialState(plan.input(), layout);
        boolean[] capped = new boolean[layout.seriesCount()];
        result.recordPopulation(0, state);
        double n = plan.stepLength();
        for (int k = 0; k < steps; k++) {
            StepRates rates = plan.rates(k);
            double[] migrants = migrants(plan, rates, state, capped);
            double[] next = new double[state.length];
            int series = layout.seriesCount();
            double[] births = new double[series], deaths = new double[series * CohortLayout.SEXES], net = new double[series * CohortLayout.SEXES];
            double[] birthsByAge = new double[series * ages], deathsByAge = new double[state.length];
            for (int l = 0; l < leaves; l++) {
                double[][] surv = new double[2][ages];
                for (int sex = 0; sex < 2; sex++) {
                    System.arraycopy(rates.survival(), rates.survivalOf()[l] + sex * ages, surv[sex], 0, ages);
                }
                double srb = 1 / rates.femaleShare()[l] - 1;
                double[] birthSurvival = {rates.birthSurvival()[layout.leafSex(l, 0)], rates.birthSurvival()[layout.leafSex(l, 1)]};
                for (int s = 0; s < scen; s++) {
                    double[][] p = new double[2][ages], m = new double[2][ages];
                    for (int sex = 0; sex < 2; sex++) {
                        System.arraycopy(state, layout.index(l, s, sex, 0), p[sex], 0, ages);
                        System.arraycopy(migrants, layout.index(l, s, sex, 0), m[sex], 0, ages);
                    }
                    double[] f = new double[ages];
                    double factor = rates.fertilityFactor()[layout.series(l, s)] * rates.fertilityScale();
                    for (int a = 0; a < ages; a++) {
                        f[a] = rates.fertility()[l * ages + a] * factor;
                    }
                    CohortStep.Result r = CohortStep.project(p, m, new CohortStep.Rates(surv, birthSurvival.clone(), f, srb), n,
                            plan.timing());
                    for (int sex = 0; sex < 2; sex++) {
                        System.arraycopy(r.population()[sex], 0, next, layout.index(l, s, sex, 0), ages);
                        deaths[layout.bySex(l, s, sex)] = r.deaths()[sex];
                        System.arraycopy(r.deathsByAge()[sex], 0, deathsByAge, layout.index(l, s, sex, 0), ages);
                        net[layout.bySex(l, s, sex)] = r.netMigration()[sex];
                    }
                    births[layout.series(l, s)] = r.births();
                    System.arraycopy(r.birthsByAge(), 0, birthsByAge, layout.fertilityOffset(l, s), ages);
                }
            }
            result.recordFlows(k, births, deaths, net);
            result.recordAgeFlows(k, birthsByAge, deathsByAge, migrants);
            state = next;
            result.recordPopulation(k + 1, state);
            progress.update("project", k + 1, steps, k + 1, "year " + result.years()[k + 1]);
        }
        return result;
    }

    /** The base population ([L][2][A]) repeated for every scenario, [L][S][2][A]. */
    static double[] initialState(CohortInput in, CohortLayout layout) {
        double[] state = new double[layout.size()];
        for (int l = 0; l < layout.leaves(); l++) {
            for (int s = 0; s < layout.scenarios(); s++) {
                System.arraycopy(in.population(), layout.leafOffset(l), state, layout.offset(l, s), layout.cells());
            }
        }
        return state;
    }

    /** Net migrants of the step [L][S][2][A]; updates {@code capped} ([L][S]) first. */
    static double[] migrants(ProjectionPlan plan, StepRates rates, double[] state, boolean[] capped) {
        CohortLayout layout = plan.layout();
        int leaves = layout.leaves(), scen = layout.scenarios(), cells = layout.cells();
        double n = plan.stepLength();
        double[] out = new double[state.length];
        double[] caps = plan.caps(), size = plan.sizeThresholds();
        double[] factor = new double[layout.seriesCount()];
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scen; s++) {
                double total = 0;
                for (int i = 0; i < cells; i++) {
                    total += state[layout.offset(l, s) + i];
                }
                capped[layout.series(l, s)] |= total >= caps[l];
                factor[layout.series(l, s)] = total < size[0] ? rates.smallFactor() : total < size[1] ? rates.middleFactor() : 1;
            }
        }
        if (plan.input().hasInternalMigration()) {
            internalMigrants(plan, rates, state, capped, factor, out);
        }
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scen; s++) {
                for (int i = 0; i < cells; i++) {
                    int at = layout.offset(l, s) + i, leafAt = layout.leafOffset(l) + i;
                    out[at] += n * rates.internationalRate() * state[at] + rates.explicitCount()[leafAt]
                            + n * rates.explicitRate()[leafAt] * state[at];
                }
            }
        }
        return out;
    }

    /** Balanced internal migrants of every cell, into {@code out} [L][S][2][A]. */
    private static void internalMigrants(ProjectionPlan plan, StepRates rates, double[] state, boolean[] capped, double[] factor,
                                         double[] out) {
        CohortInput in = plan.input();
        CohortLayout layout = plan.layout();
        int leaves = layout.leaves(), scen = layout.scenarios(), cells = layout.cells();
        double n = plan.stepLength();
        double[] leafRates = plan.leafRates(), leafShifts = plan.leafShifts(), provinceRates = plan.provinceRates(), hasOwn = plan.hasOwnRate();
        int provinces = hasOwn.length;
        CohortLayout byProvince = CohortLayout.ofLeaves(provinces, layout.ages());
        for (int s = 0; s < scen; s++) {
            boolean[] active = new boolean[leaves];
            for (int l = 0; l < leaves; l++) {
                active[l] = !capped[layout.series(l, s)];
            }
            for (int i = 0; i < cells; i++) {
                double[] raw = new double[leaves], weight = new double[leaves], own = new double[provinces];
                double[] provincePop = new double[provinces];
                for (int l = 0; l < leaves; l++) {
                    double p = state[layout.offset(l, s) + i];
                    weight[l] = p;
                    raw[l] = active[l] ? n * rates.migrationScale()[s] * (leafRates[layout.leafOffset(l) + i] * factor[layout.series(l, s)]
                            + leafShifts[layout.leafOffset(l) + i]) * p
                            : 0;
                    provincePop[in.provinceOf()[l]] += p;
                }
                for (int g = 0; g < provinces; g++) {
                    own[g] = hasOwn[g] > 0 ? n * rates.migrationScale()[s] * provinceRates[byProvince.leafOffset(g) + i] * provincePop[g]
                            : Double.NaN;
                }
                double[] balanced = MigrationBalance.balance(raw, active, weight, in.provinceOf(), own);
                for (int l = 0; l < leaves; l++) {
                    out[layout.offset(l, s) + i] = balanced[l];
                }
            }
        }
    }
}
