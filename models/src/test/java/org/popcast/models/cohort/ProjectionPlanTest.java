package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputFolder;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.Sex;

/** The seed model's assumptions as they reach the step rates, on the embedded national input. */
class ProjectionPlanTest {

    static final CohortInput NATION = CohortInputReader.read(InputFolder.builtin("cohort/china-national"),
            CohortInputReader.ProjectionOverrides.NONE);
    static final ProjectionPlan PLAN = new ProjectionPlan(NATION, ScenarioSet.builtin("paper-fertility").scenarios());

    @Test
    void tfrPathsRescaleTheAgePatternFromTheirFirstYear() {
        // 2015: before every path, the WPP 2019 rates (TFR 1.69 for 2015-2020); 2035 step: the
        // paths at mid-step 2035.5, e.g. low 1.3 + (0.7 - 1.3) * 15.5 / 30 = 0.99
        double[] expected2035 = {1.3 + (0.7 - 1.3) * 15.5 / 30, 1.3, 1.3 + 0.2 * 15.5 / 30, 1.3 + 0.5 * 15.5 / 30, 1.3 + 0.5 * 15.5 / 30};
        double[] before = PLAN.fertility(5), during = PLAN.fertility(25); // [L][S][A], one leaf
        for (int s = 0; s < 5; s++) {
            assertEquals(1.69, tfr(before, s), 1e-6);
            assertEquals(expected2035[s], tfr(during, s), 1e-12);
            // the age pattern is kept: the same shape, only scaled
            double ratio = during[s * 101 + 27] / before[s * 101 + 27];
            assertEquals(ratio, during[s * 101 + 33] / before[s * 101 + 33], 1e-12);
        }
    }

    @Test
    void lifeExpectancyGainsOneYearPerDecadeFrom2020() {
        double[] ages = NATION.ages();
        double[] mx2015 = NATION.mortality().at("CN", Sex.F, 2015);
        double e2015 = LifeTable.fromMx(ages, mx2015, Sex.F).e0();
        // the step 2040-2041 has its middle at 2040.5: e0 = e0(2015 rates) + 2.05
        double[] survival = java.util.Arrays.copyOfRange(PLAN.rates(30).survival(), 0, 101);
        LifeTable target = LifeTable.fromMx(ages, mx2015, Sex.F).withE0(e2015 + 2.05);
        assertArrayEquals(target.survivalRatios(), survival, 1e-12);
        assertEquals(e2015 + 2.05, target.e0(), 1e-9);
    }

    @Test
    void sexRatioInternationalMigrationFollowTheirPaths() {
        assertEquals(1 / (1 + 1.15), PLAN.rates(0).femaleShare()[0], 1e-15);       // WPP 2010-2015
        assertEquals(1 / (1 + 1.13), PLAN.rates(6).femaleShare()[0], 1e-15);       // WPP 2015-2020
        assertEquals(1 / (1 + 1.11 - 0.04 * 15.5 / 30), PLAN.rates(25).femaleShare()[0], 1e-15);
        assertEquals(1 / (1 + 1.07), PLAN.rates(60).femaleShare()[0], 1e-15);
        assertEquals(-0.0003015, PLAN.rates(30).internationalRate(), 1e-18);
        assertEquals(-0.0003015 * (1 - 25.5 / 50), PLAN.rates(65).internationalRate(), 1e-18);
    }

    private static double tfr(double[] fertility, int s) {
        double sum = 0;
        for (int a = 0; a < 101; a++) {
            sum += fertility[s * 101 + a];
        }
        return sum;
    }
}
