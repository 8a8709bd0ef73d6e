package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.kernels.cohort.MigrationTiming;

/** The hindcast's scores and baselines on a three-city fixture, against figures worked out by hand. */
class HindcastScoreTest {

    static final double[] AGES = {0, 15, 60, 65};

    /** Nation N; provinces P1 (cities A, B) and P2 (city C); base 2010, every city 10 persons per sex and age group. */
    static CohortInput fixture() {
        List<Region> regions = List.of(new Region("N", "Nation", "", "nation", Double.POSITIVE_INFINITY),
                new Region("P1", "One", "N", "province", Double.POSITIVE_INFINITY),
                new Region("P2", "Two", "N", "province", Double.POSITIVE_INFINITY),
                new Region("A", "a", "P1", "city", Double.POSITIVE_INFINITY),
                new Region("B", "b", "P1", "city", Double.POSITIVE_INFINITY),
                new Region("C", "c", "P2", "city", Double.POSITIVE_INFINITY));
        double[] population = new double[3 * 2 * AGES.length];
        java.util.Arrays.fill(population, 10);
        population[2 * 2 * AGES.length] = 50; // C: 50 females aged 0-14, so C's base is 120
        ProjectionSettings settings = new ProjectionSettings(2010, 5, 10, MigrationTiming.EVEN, null, 0, null, Double.NaN, 0,
                null, null, 0, RateSource.NATIONAL, null, MigrationSource.TIERS, null);
        return new CohortInput("fixture", settings, regions, new int[] {3, 4, 5}, AGES, population, null, null, "mx", 1, null,
                null, null, null, null, null, null, null, java.util.Map.of());
    }

    static HindcastTruth truth(CohortInput in) {
        CsvTable totals = CsvTable.parse("obs.csv", "region,population\nN,5200000\nP1,210\nP2,5100000\nA,100\nB,100\nC,5000000\n");
        CsvTable ages = CsvTable.parse("ages.csv", "region,age_0_14,age_15_59,age_60_plus,age_65_plus\nA,20,60,20,10\nC,10,70,20,15\n");
        return HindcastTruth.read(in, 2020, totals, ages);
    }

    @Test
    void scoresAgainstHandComputedFigures() {
        CohortInput in = fixture();
        double[][] shares = {{25, 50, 25, 12.5}, {0, 0, 0, 0}, {20, 60, 20, 10}};
        CityForecast f = new CityForecast(HindcastMethod.MODEL, new double[] {104, 90, 5_300_000}, shares, 2010, "fixture");
        HindcastScore s = HindcastScore.of(in, f, truth(in));
        // nation: 5,300,194 against 5,200,000
        assertEquals(100.0 * 100_194 / 5_200_000, s.nationPe(), 1e-12);
        // P1: 194 against 210 (APE 7.619...), P2: 5.3e6 against 5.1e6 (APE 3.921...)
        assertEquals((100.0 * 16 / 210 + 100.0 * 200_000 / 5_100_000) / 2, s.provinceMeanApe(), 1e-12);
        assertEquals(3, s.cities());
        assertEquals((4 + 10 + 6) / 3.0, s.cityMeanApe(), 1e-12);
        assertEquals((4 - 10 + 6) / 3.0, s.cityMeanPe(), 1e-12);
        assertEquals(1 / 3.0, s.under5(), 1e-15); // A only
        assertEquals(2 / 3.0, s.under10(), 1e-15); // A and C; B's 10 % is not under 10 %
        assertEquals(100 / 5_000_200.0, s.under5Weighted(), 1e-15);
        assertEquals(5_000_100 / 5_000_200.0, s.under10Weighted(), 1e-15);
        assertEquals(1, s.bigCities());
        assertEquals(6, s.bigMeanApe(), 1e-12);
        assertEquals("C", s.worstBig().code());
        assertEquals(List.of("B", "C", "A"), s.worst().stream().map(HindcastScore.CityError::code).toList());
        // A: |25-20|, |50-60|, |25-20|, |12.5-10|; C: 10, 10, 0, 5; B has no observed shares
        assertEquals(2, s.ageCities());
        assertArrayEquals(new double[] {7.5, 10, 2.5, 3.75}, s.ageMae(), 1e-12);
    }

    @Test
    void baselinesGrowTheBaseByHand() {
        CohortInput in = fixture();
        CsvTable census = CsvTable.parse("census.csv", "year,population\n1990,50\n2000,100\n2010,121\n2020,999\n");
        CityForecast national = HindcastBaselines.nationalRate(in, 2020, census);
        // censuses 2000 and 2010 (not 2020, dated after the launch): x 1.21 per decade
        assertArrayEquals(new double[] {80 * 1.21, 80 * 1.21, 120 * 1.21}, national.totals(), 1e-12);
        assertEquals(2010, national.dataThrough());
        CityForecast same = HindcastBaselines.persistence(in);
        assertArrayEquals(new double[] {80, 80, 120}, same.totals(), 0);
        // A: 10 per sex and group: 0-14 25 %, 15-59 25 %, 60+ 50 %, 65+ 25 %; C: 60 of 120 aged 0-14
        assertArrayEquals(new double[] {25, 25, 50, 25}, same.shares()[0], 1e-12);
        assertArrayEquals(new double[] {50, 100.0 / 6, 100.0 / 3, 100.0 / 6}, same.shares()[2], 1e-12);
        InputException e = assertThrows(InputException.class, () -> HindcastBaselines.nationalRate(in, 2020,
                CsvTable.parse("census.csv", "year,population\n2010,121\n")));
        assertTrue(e.getMessage().startsWith("census.csv: needs two census years <= the launch year 2010"), e.getMessage());
    }

    @Test
    void badObservedRowsNameFileLineAndColumn() {
        CohortInput in = fixture();
        InputException e = assertThrows(InputException.class, () -> HindcastTruth.read(in, 2020,
                CsvTable.parse("obs.csv", "region,population\nN,5\nX,3\n"), null));
        assertTrue(e.getMessage().startsWith("obs.csv:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("region 'X' is not in the input"), e.getMessage());
        e = assertThrows(InputException.class, () -> HindcastTruth.read(in, 2020,
                CsvTable.parse("obs.csv", "region,population\nN,5\nA,3\n"),
                CsvTable.parse("ages.csv", "region,age_0_14,age_15_59,age_60_plus,age_65_plus\nA,20,60,120,10\n")));
        assertTrue(e.getMessage().startsWith("ages.csv:2:"), e.getMessage());
    }
}
