package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.Sex;

/** The indicators of the shipped city input over two years, against the rates they come from. */
class ProjectionIndicatorsTest {

    static final int YEARS = 3;
    static ProjectionOutputs national;
    static ProjectionPlan nationalPlan;
    static ProjectionOutputs city;
    static ProjectionPlan cityPlan;
    static ProjectionResult cityResult;

    @BeforeAll
    static void project() {
        nationalPlan = plan(RateSource.NATIONAL);
        national = new ProjectionOutputs(nationalPlan, new LoopProjector().run(nationalPlan, Progress.none()), "java-loop");
        cityPlan = plan(RateSource.CITY);
        cityResult = new LoopProjector().run(cityPlan, Progress.none());
        city = new ProjectionOutputs(cityPlan, cityResult, "java-loop");
    }

    static ProjectionPlan plan(RateSource rates) {
        CohortInput in = CohortInputReader.read(InputFolder.builtin("cohort/china-cities"),
                new CohortInputReader.ProjectionOverrides(null, null, YEARS - 1, null, null, rates, null));
        return new ProjectionPlan(in, ScenarioSet.builtin("paper-5x3").scenarios());
    }

    @Test
    void withNationalRatesEveryRegionHasTheNationalTfrAndLifeTable() {
        CohortInput in = nationalPlan.input();
        double[] f = in.fertility().at("CN", in.settings().baseYear());
        double tfr = 0;
        for (double v : f) {
            tfr += v;
        }
        LifeTable female = LifeTable.fromMx(in.ages(), in.mortality().at("CN", Sex.F, in.settings().baseYear()), Sex.F);
        ProjectionIndicators ind = national.indicators();
        int regions = national.regions().size(), scen = nationalPlan.scenarios().size();
        double[] tfrs = ind.tfr(), e0 = ind.summary(ProjectionIndicators.Summary.E0), e65 = ind.summary(ProjectionIndicators.Summary.E65);
        for (int s = 0; s < scen; s++) {
            for (int r = 0; r < regions; r++) {
                // the first step: no scenario path has started (paths begin after the 2010 base)
                assertEquals(tfr, tfrs[(s * regions + r) * YEARS], 1e-12, national.regions().get(r).code());
                assertEquals(female.e0(), e0[((s * regions + r) * 2) * YEARS], 1e-9, national.regions().get(r).code());
                assertEquals(female.expectancy(65), e65[((s * regions + r) * 2) * YEARS], 1e-9);
                assertTrue(Double.isNaN(tfrs[(s * regions + r) * YEARS + YEARS - 1]), "the last year starts no step");
            }
        }
    }

    @Test
    void aPooledRegionIsTheExposureWeightedMeanOfItsCities() {
        // a naive re-computation for every province and the nation, scenario 0, first step, females
        ProjectionIndicators ind = city.indicators();
        int regions = city.regions().size();
        double[] f = cityPlan.fertility(0);
        LifeTable[] tables = cityPlan.lifeTables(0);
        int checked = 0;
        for (int r = 0; r < regions; r++) {
            List<Integer> leaves = leavesOf(r);
            if (leaves.size() < 2) {
                continue;
            }
            double tfr = 0;
            double[] m = new double[cityPlan.input().ageCount()];
            for (int a = 0; a < m.length; a++) {
                double births = 0, deaths = 0, women = 0;
                for (int l : leaves) {
                    double e = (cityResult.population(0, l, 0, a, 0) + cityResult.population(0, l, 0, a, 1)) / 2;
                    births += f[cityPlan.layout().fertilityIndex(l, 0, a)] * e;
                    deaths += tables[cityPlan.layout().leafSex(l, 0)].rates()[a] * e;
                    women += e;
                }
                tfr += births / women;
                m[a] = deaths / women;
            }
            assertEquals(tfr, ind.tfr()[r * YEARS], 1e-12 * tfr, city.regions().get(r).code());
            double e0 = LifeTable.fromMx(cityPlan.input().ages(), m, Sex.F).e0();
            assertEquals(e0, ind.summary(ProjectionIndicators.Summary.E0)[r * 2 * YEARS], 1e-9, city.regions().get(r).code());
            checked++;
        }
        assertTrue(checked >= 25, "provinces of several cities and the nation: " + checked);
    }

    @Test
    void pooledValuesLieBetweenTheirCitiesAndCitiesKeepTheirOwn() {
        ProjectionIndicators ind = city.indicators();
        int regions = city.regions().size();
        double[] e0 = ind.summary(ProjectionIndicators.Summary.E0), q = ind.summary(ProjectionIndicators.Summary.Q0_5);
        LifeTable[] tables = cityPlan.lifeTables(0);
        for (int r = 0; r < regions; r++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int l : leavesOf(r)) {
                double v = tables[cityPlan.layout().leafSex(l, 1)].e0();
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double got = e0[(r * 2 + 1) * YEARS];
            assertTrue(got >= lo - 0.05 && got <= hi + 0.05, city.regions().get(r).code() + ": " + got + " not in [" + lo + ", " + hi + "]");
            assertTrue(q[(r * 2 + 1) * YEARS] > 0 && q[(r * 2 + 1) * YEARS] < 0.05);
            if (leavesOf(r).size() == 1) {
                assertEquals(lo, got, 0, "a city's own e0");
            }
        }
    }

    private static List<Integer> leavesOf(int region) {
        String code = city.regions().get(region).code();
        CohortInput in = cityPlan.input();
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (int l = 0; l < in.leafCount(); l++) {
            for (Region at = in.leaf(l); at != null; at = parent(in, at)) {
                if (at.code().equals(code)) {
                    out.add(l);
                    break;
                }
            }
        }
        return out;
    }

    private static Region parent(CohortInput in, Region r) {
        return in.regions().stream().filter(p -> p.code().equals(r.parent())).findFirst().orElse(null);
    }
}
