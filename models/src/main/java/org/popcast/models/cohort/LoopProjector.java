package org.popcast.models.cohort;

import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.CohortStep;
import org.popcast.kernels.cohort.MigrationBalance;

/**
 * The projection in plain Java, one region and scenario at a time with {@link CohortStep} and
 * {@link MigrationBalance}: the reference that {@link BatchedProjector} is tested against, and
 * the baseline of the benchmark.
 */
public final class LoopProjector implements Projector {

    @Override
    public String name() {
        return "java-loop";
    }

    @Override
    public ProjectionResult run(ProjectionPlan plan, Progress progress) {
        CohortInput in = plan.input();
        int leaves = in.leafCount(), scen = plan.scenarios().size(), ages = in.ageCount(), steps = plan.steps();
        ProjectionResult result = ProjectionResult.of(plan);
        double[] state = initialState(in, scen);
        boolean[] capped = new boolean[leaves * scen];
        result.recordPopulation(0, state);
        double n = plan.stepLength();
        for (int k = 0; k < steps; k++) {
            StepRates rates = plan.rates(k);
            double[] migrants = migrants(plan, rates, state, capped);
            double[] next = new double[state.length];
            double[] births = new double[leaves * scen], deaths = new double[leaves * scen * 2], net = new double[leaves * scen * 2];
            for (int l = 0; l < leaves; l++) {
                double[][] surv = new double[2][ages];
                for (int sex = 0; sex < 2; sex++) {
                    System.arraycopy(rates.survival(), (l * 2 + sex) * ages, surv[sex], 0, ages);
                }
                double srb = 1 / rates.femaleShare()[l] - 1;
                for (int s = 0; s < scen; s++) {
                    int base = (l * scen + s) * 2 * ages;
                    double[][] p = new double[2][ages], m = new double[2][ages];
                    for (int sex = 0; sex < 2; sex++) {
                        System.arraycopy(state, base + sex * ages, p[sex], 0, ages);
                        System.arraycopy(migrants, base + sex * ages, m[sex], 0, ages);
                    }
                    double[] f = new double[ages];
                    System.arraycopy(rates.fertility(), (l * scen + s) * ages, f, 0, ages);
                    CohortStep.Result r = CohortStep.project(p, m, new CohortStep.Rates(surv,
                            new double[] {rates.birthSurvival()[2 * l], rates.birthSurvival()[2 * l + 1]}, f, srb), n, plan.timing());
                    for (int sex = 0; sex < 2; sex++) {
                        System.arraycopy(r.population()[sex], 0, next, base + sex * ages, ages);
                        deaths[(l * scen + s) * 2 + sex] = r.deaths()[sex];
                        net[(l * scen + s) * 2 + sex] = r.netMigration()[sex];
                    }
                    births[l * scen + s] = r.births();
                }
            }
            result.recordFlows(k, births, deaths, net);
            state = next;
            result.recordPopulation(k + 1, state);
            progress.update("project", k + 1, steps, k + 1, "year " + result.years()[k + 1]);
        }
        return result;
    }

    /** The base population repeated for every scenario, [L][S][2][A]. */
    static double[] initialState(CohortInput in, int scenarios) {
        int block = 2 * in.ageCount();
        double[] state = new double[in.leafCount() * scenarios * block];
        for (int l = 0; l < in.leafCount(); l++) {
            for (int s = 0; s < scenarios; s++) {
                System.arraycopy(in.population(), l * block, state, (l * scenarios + s) * block, block);
            }
        }
        return state;
    }

    /** Net migrants of the step [L][S][2][A]; updates {@code capped} ([L][S]) first. */
    static double[] migrants(ProjectionPlan plan, StepRates rates, double[] state, boolean[] capped) {
        CohortInput in = plan.input();
        int leaves = in.leafCount(), scen = plan.scenarios().size(), ages = in.ageCount(), cells = 2 * ages;
        double n = plan.stepLength();
        double[] out = new double[state.length];
        double[] caps = plan.caps(), size = plan.sizeThresholds();
        double[] factor = new double[leaves * scen];
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scen; s++) {
                double total = 0;
                for (int i = 0; i < cells; i++) {
                    total += state[(l * scen + s) * cells + i];
                }
                capped[l * scen + s] |= total >= caps[l];
                factor[l * scen + s] = total < size[0] ? rates.smallFactor() : total < size[1] ? rates.middleFactor() : 1;
            }
        }
        if (in.hasInternalMigration()) {
            double[] leafRates = plan.leafRates(), provinceRates = plan.provinceRates(), hasOwn = plan.hasOwnRate();
            int provinces = hasOwn.length;
            for (int s = 0; s < scen; s++) {
                boolean[] active = new boolean[leaves];
                for (int l = 0; l < leaves; l++) {
                    active[l] = !capped[l * scen + s];
                }
                for (int i = 0; i < cells; i++) {
                    double[] raw = new double[leaves], weight = new double[leaves], own = new double[provinces];
                    double[] provincePop = new double[provinces];
                    for (int l = 0; l < leaves; l++) {
                        double p = state[(l * scen + s) * cells + i];
                        weight[l] = p;
                        raw[l] = active[l] ? n * rates.migrationScale()[s] * leafRates[l * cells + i] * factor[l * scen + s] * p : 0;
                        provincePop[in.provinceOf()[l]] += p;
                    }
                    for (int g = 0; g < provinces; g++) {
                        own[g] = hasOwn[g] > 0 ? n * rates.migrationScale()[s] * provinceRates[g * cells + i] * provincePop[g] : Double.NaN;
                    }
                    double[] balanced = MigrationBalance.balance(raw, active, weight, in.provinceOf(), own);
                    for (int l = 0; l < leaves; l++) {
                        out[(l * scen + s) * cells + i] = balanced[l];
                    }
                }
            }
        }
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scen; s++) {
                for (int i = 0; i < cells; i++) {
                    int at = (l * scen + s) * cells + i;
                    out[at] += n * rates.internationalRate() * state[at] + rates.explicitCount()[l * cells + i]
                            + n * rates.explicitRate()[l * cells + i] * state[at];
                }
            }
        }
        return out;
    }
}
