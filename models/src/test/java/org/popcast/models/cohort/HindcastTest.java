package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.Sex;
import org.popcast.models.balance.ChinaCitySeries;

/** The hindcast on the shipped 356-city input (one scenario, ten one-year steps, the plain Java engine). */
class HindcastTest {

    static final InputFolder CITIES = InputFolder.builtin("cohort/china-cities");
    static CohortInput input;
    static HindcastTruth truth;

    @BeforeAll
    static void read() {
        input = CohortInputReader.read(CITIES, CohortInputReader.ProjectionOverrides.NONE);
        truth = HindcastTruth.read(input, 2020, CITIES.csv("observed-2020.csv"), CITIES.csv("observed-2020-ages.csv"));
    }

    /**
     * The default projection (WPP 2019 rates of 2010 and 2015, ten years) written to HDF5 and scored
     * by {@link Validation} (an independent implementation, which made issue 15's table) and by the
     * hindcast's scores: cities, provinces, nation and the cities of 5 M+ agree. With the balancing
     * rule of commit 90656de (cut the side in excess) this test also reproduced issue 15's figures
     * exactly (144 and 230 of 356 cities, 5 M+ 8.62, provinces 5.83, nation -1.18, age shares 3.36,
     * 3.27, 2.75, 1.93).
     */
    @Test
    void scoresAgreeWithValidationOfTheDefaultProjection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CohortInput tenYears = CohortInputReader.read(CITIES, CohortInputReader.ProjectionOverrides.horizon(10));
        ProjectionPlan plan = new ProjectionPlan(tenYears, List.of(ScenarioSet.builtin("paper-5x3").scenarios().get(0)));
        ProjectionResult r = new LoopProjector().run(plan, Progress.none());
        java.nio.file.Path h5 = dir.resolve("p.h5");
        org.popcast.data.io.NetcdfWriter.write(h5, new ProjectionOutputs(plan, r, "loop")
                .dataset(org.popcast.engine.provenance.Provenance.of("test"), java.util.Map.of()));
        Validation v = Validation.run(h5, null, 2020, CITIES.csv("observed-2020.csv"));
        HindcastScore s = HindcastScore.of(tenYears, Hindcast.model(tenYears, r), truth);
        Validation.LevelSummary city = v.summaries().get(0), province = v.summaries().get(1), nation = v.summaries().get(2);
        assertEquals(356, city.regions());
        assertEquals(356, s.cities());
        assertEquals(city.meanApe(), s.cityMeanApe(), 1e-9);
        assertEquals(city.meanPe(), s.cityMeanPe(), 1e-9);
        assertEquals(city.under5(), s.under5(), 1e-12);
        assertEquals(city.under10(), s.under10(), 1e-12);
        assertEquals(city.under5Weighted(), s.under5Weighted(), 1e-12);
        assertEquals(city.under10Weighted(), s.under10Weighted(), 1e-12);
        assertEquals(province.meanApe(), s.provinceMeanApe(), 1e-9);
        assertEquals(nation.meanPe(), s.nationPe(), 1e-9);
        List<Validation.RegionError> big = v.errors().stream().filter(e -> e.level().equals("city") && e.observed() >= 5e6).toList();
        assertEquals(91, big.size());
        assertEquals(big.stream().mapToDouble(Validation.RegionError::ape).average().orElseThrow(), s.bigMeanApe(), 1e-9);
        assertEquals(2019, tenYears.dataThrough()); // projection.yaml declares WPP 2019
    }

    @Test
    void aLaunchDropsRatesDatedAfterItAndSaysItIsNotOutOfSample() {
        CohortInput launched = Hindcast.launch(input, 2020);
        assertEquals(10, launched.settings().horizon());
        assertSame(launched.fertility().at("110100", 2010), launched.fertility().at("110100", 2019));
        assertFalse(input.fertility().at("110100", 2010) == input.fertility().at("110100", 2015));
        assertSame(launched.mortality().at("110100", Sex.F, 2010), launched.mortality().at("110100", Sex.F, 2016));
        Hindcast.Result r = Hindcast.run(new Hindcast.Settings(2020, ProjectionEngine.LOOP,
                ScenarioSet.builtin("paper-5x3").scenarios().get(0)), input, truth, List.of(HindcastBaselines.persistence(input)),
                Progress.none());
        assertEquals(2019, r.dataThrough());
        assertFalse(r.outOfSample());
        assertEquals(100 * (1_328_770_402.0 / 1_409_778_724 - 1), r.scores().get(1).nationPe(), 1e-9);
        assertTrue(new HindcastOutputs(r).markdown().contains("Out of sample: NO: data_through 2019 > launch 2010"));
        assertThrows(IllegalArgumentException.class, () -> Hindcast.launch(input, 2010));
    }

    @Test
    void cityTrendUsesThePanelOf2009And2010Only() {
        ChinaCitySeries panel = ChinaCitySeries.builtin();
        CityForecast f = HindcastBaselines.cityTrend(input, 2020, panel, "panel");
        assertTrue(f.note().startsWith("5 of 356 cities"), f.note());
        int beijing = leaf("110100"), harbin = leaf("230100");
        double growth = panel.registered("110000", 2010) / panel.registered("110000", 2009);
        assertEquals(baseTotal(beijing) * Math.pow(growth, 10), f.totals()[beijing], 1e-6 * f.totals()[beijing]);
        assertEquals(baseTotal(harbin), f.totals()[harbin], 1e-6);
        assertEquals(2010, f.dataThrough());
    }

    static int leaf(String code) {
        for (int l = 0; l < input.leafCount(); l++) {
            if (input.leaf(l).code().equals(code)) {
                return l;
            }
        }
        throw new AssertionError(code);
    }

    static double baseTotal(int l) {
        int cells = 2 * input.ageCount();
        double sum = 0;
        for (int i = l * cells; i < (l + 1) * cells; i++) {
            sum += input.population()[i];
        }
        return sum;
    }
}
