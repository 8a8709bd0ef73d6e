package org.popcast.models.cohort.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.stochastic.Ar1;
import org.popcast.kernels.stochastic.SampleQuantiles;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.PathShift;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ProjectionResult;
import org.popcast.models.cohort.ScenarioSet;
import org.popcast.models.cohort.StreamProjector;

/** The shipped city input over 12 years around medium-medium: estimation, departures, reproducibility, quantiles. */
class ProbabilisticProjectionTest {

    static final InputFolder CITIES = InputFolder.builtin("cohort/china-cities");
    static CohortInput input;
    static ProjectionPlan central;
    static StochasticParameters parameters;

    @BeforeAll
    static void plan() {
        input = CohortInputReader.read(CITIES, CohortInputReader.ProjectionOverrides.horizon(12));
        ScenarioSet set = ScenarioSet.builtin("paper-5x3");
        central = new ProjectionPlan(input, List.of(set.scenarios().get(ScenarioSet.central(set.names()))));
        parameters = StochasticParameters.estimate(central, StochasticSettings.read(CITIES), CITIES);
    }

    @Test
    void e0SpreadIsThePooledSdOfTheNationsGainsSince1980() {
        // WPP 2019 China e0, periods 1980-1985 ... 2005-2010 (gains of the periods ending by 2010)
        double[][] gains = {{70.52 - 69.3, 71.49 - 70.52, 72.77 - 71.49, 74.09 - 72.77, 75.67 - 74.09},
                {67.41 - 66.26, 67.48 - 67.41, 68.63 - 67.48, 70.59 - 68.63, 71.89 - 70.59}};
        double ss = 0;
        for (double[] g : gains) {
            double mean = java.util.Arrays.stream(g).average().orElseThrow();
            for (double v : g) {
                ss += (v - mean) * (v - mean);
            }
        }
        double fiveYear = Math.sqrt(ss / 8);
        assertEquals(fiveYear / Math.sqrt(5), parameters.e0().sigma(), 1e-12);
        assertEquals(1, parameters.e0().rho());
        assertTrue(parameters.provenance().get("stochastic_e0").contains("10 period gains"), parameters.provenance().get("stochastic_e0"));
    }

    @Test
    void migrationSpreadIsTheRmsErrorOfTheRatesAgainstKnownStocks() {
        // computed independently (Python) from population.csv and migrant_stock_check.csv: the estimated
        // rate flow * working-age excess / population against flow * (residents - registered) / residents
        assertEquals(0.0090524, parameters.migrationSigma(), 2e-7);
        assertTrue(parameters.provenance().get("stochastic_migration").contains("18 regions"));
    }

    @Test
    void tfrProcessIsBayesTfrsScaledByTheLaunchTfr() {
        double tfr0 = StochasticParameters.launchTfr(central);
        assertTrue(tfr0 > 1.4 && tfr0 < 1.8, "launch TFR " + tfr0); // WPP 2019: 1.62 in 2005-2010, 1.64 in 2010-2015
        Ar1 expected = new Ar1(0.8859, 0.1016 / tfr0, 5).per(1);
        assertEquals(expected.rho(), parameters.logTfr().rho(), 1e-15);
        assertEquals(expected.sigma(), parameters.logTfr().sigma(), 1e-15);
    }

    @Test
    void aShiftMovesE0FertilityAndMigrationAndNothingElse() {
        int steps = central.steps(), leaves = input.leafCount();
        double[] logTfr = new double[steps], e0 = new double[steps], migration = new double[leaves];
        logTfr[3] = 0.1;
        e0[3] = -1.5;
        migration[7] = 0.004;
        ProjectionPlan shifted = central.shifted(new PathShift(logTfr, e0, migration));
        LifeTable[] before = central.lifeTables(3), after = shifted.lifeTables(3);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i].e0() - 1.5, after[i].e0(), 1e-9);
        }
        double[] f0 = central.fertility(3), f1 = shifted.fertility(3);
        for (int i = 0; i < f0.length; i++) {
            assertEquals(f0[i] * Math.exp(0.1), f1[i], 1e-15 * Math.max(1, f1[i]));
        }
        assertArrayEquals(central.fertility(2), shifted.fertility(2), 0);
        assertArrayEquals(central.rates(2).survival(), shifted.rates(2).survival(), 0);
        assertArrayEquals(central.leafRates(), shifted.leafRates(), 0);
        double[] moved = shifted.leafShifts();
        int cells = moved.length / leaves;
        for (int i = 0; i < moved.length; i++) {
            assertEquals(i / cells == 7 ? 0.004 * input.profile()[i % cells] : 0, moved[i], 1e-15);
        }
    }

    @Test
    void aTrajectoryIsTheSameOnTheStreamAndTheLoopEngine() {
        ProjectionPlan shifted = central.shifted(new TrajectoryDraws(central, parameters, 9).draw(3));
        ProjectionResult stream = new StreamProjector(1).run(shifted, Progress.none());
        ProjectionResult loop = new org.popcast.models.cohort.LoopProjector().run(shifted, Progress.none());
        int last = stream.years().length - 1;
        for (int l = 0; l < stream.leaves(); l++) {
            assertEquals(loop.total(0, l, last), stream.total(0, l, last), 1e-10 * loop.total(0, l, last), "leaf " + l);
        }
        ProjectionResult unshifted = new StreamProjector(1).run(central, Progress.none());
        assertTrue(Math.abs(unshifted.total(0, 0, last) - stream.total(0, 0, last)) > 1, "the draw moves the first city");
    }

    @Test
    void withoutDeparturesEveryTrajectoryIsTheScenario() {
        StochasticParameters none = new StochasticParameters(new Ar1(1, 0, 1), new Ar1(1, 0, 1), 0, Map.of());
        SummaryShape shape = SummaryShape.of(central, 5);
        TrajectorySummary[] t = Trajectories.run(central, new TrajectoryDraws(central, none, 1), shape, 0, 2, 2, Progress.none());
        ProjectionResult deterministic = new StreamProjector(1).run(central, Progress.none());
        TrajectorySummary expected = summaryOf(deterministic, shape);
        for (TrajectorySummary s : t) {
            assertWithinAFloatStep(expected.totals(), s.totals());
            assertWithinAFloatStep(expected.byAge(), s.byAge());
        }
        // the nation is the sum of its cities, the base year is the census for every trajectory
        double census = java.util.Arrays.stream(input.population()).sum();
        assertEquals((float) census, expected.totals()[0]);
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadsOrTheSplit() {
        SummaryShape shape = SummaryShape.of(central, 5);
        TrajectoryDraws draws = new TrajectoryDraws(central, parameters, 2024);
        TrajectorySummary[] one = Trajectories.run(central, draws, shape, 0, 5, 1, Progress.none());
        TrajectorySummary[] three = Trajectories.run(central, draws, shape, 0, 5, 3, Progress.none());
        TrajectorySummary[] tail = Trajectories.run(central, new TrajectoryDraws(central, parameters, 2024), shape, 3, 5, 2, Progress.none());
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(one[j].totals(), three[j].totals(), "trajectory " + j);
            assertArrayEquals(one[j].byAge(), three[j].byAge(), "trajectory " + j);
        }
        assertArrayEquals(one[4].totals(), tail[1].totals());
        assertFalse(java.util.Arrays.equals(one[0].totals(), one[1].totals()));
        TrajectorySummary other = Trajectories.run(central, new TrajectoryDraws(central, parameters, 2025), shape, 0, 1, 1, Progress.none())[0];
        assertFalse(java.util.Arrays.equals(one[0].totals(), other.totals()));
    }

    @Test
    void quantilesAreOrderedAndAreThoseOfTheTrajectories() {
        ProbabilisticProjection p = new ProbabilisticProjection(central, parameters,
                new ProbabilisticProjection.Settings(9, 5, ProbabilisticProjection.DEFAULT_QUANTILES, 5, true)).run(2, Progress.none());
        SummaryShape shape = p.shape();
        ProjectionQuantiles q = p.quantiles();
        int k = q.probabilities().length, size = shape.totalSize();
        for (int c = 0; c < size; c++) {
            for (int i = 1; i < k; i++) {
                assertTrue(q.totals()[i * size + c] >= q.totals()[(i - 1) * size + c], "cell " + c);
            }
        }
        int nation = 0, t = shape.years().length - 1;
        double[] values = java.util.Arrays.stream(p.keptTotals()).mapToDouble(s -> s[nation * shape.years().length + t]).toArray();
        assertArrayEquals(SampleQuantiles.of(values, ProbabilisticProjection.DEFAULT_QUANTILES),
                new double[] {q.total(0, nation, t, shape), q.total(1, nation, t, shape), q.total(2, nation, t, shape),
                        q.total(3, nation, t, shape), q.total(4, nation, t, shape)}, 0);
        assertTrue(q.total(0, nation, t, shape) < q.total(4, nation, t, shape), "a spread after 12 years");
    }

    @Test
    void badSettingsAreNamedByFileAndLine(@TempDir Path dir) throws Exception {
        InputException missing = assertThrows(InputException.class, () -> StochasticSettings.read(InputFolder.of(dir)));
        assertTrue(missing.getMessage().contains("stochastic.yaml: not found"), missing.getMessage());
        Files.writeString(dir.resolve("stochastic.yaml"), "tfr:\n  rho: 1.5\n  sigma: 0.1\n  period: 5\n  source: x\n");
        InputException rho = assertThrows(InputException.class, () -> StochasticSettings.read(InputFolder.of(dir)));
        assertTrue(rho.getMessage().contains("stochastic.yaml:2") && rho.getMessage().contains("rho"), rho.getMessage());
        Files.writeString(dir.resolve("stochastic.yaml"), "tfr: {rho: 0.9, sigma: 0.1, period: 5, source: x}\nmigrations: x\n");
        assertThrows(InputException.class, () -> StochasticSettings.read(InputFolder.of(dir)));
    }

    @Test
    void aCheckOfAnUnknownRegionIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("stochastic.yaml"), "tfr: {rho: 0.9, sigma: 0.1, period: 5, source: x}\nmigration_check: check.csv\n");
        Files.writeString(dir.resolve("check.csv"), "region,year,registered\n999999,2010,100\n");
        InputFolder folder = InputFolder.of(dir);
        InputException e = assertThrows(InputException.class,
                () -> StochasticParameters.estimate(central, StochasticSettings.read(folder), folder));
        assertTrue(e.getMessage().contains("check.csv:2") && e.getMessage().contains("999999"), e.getMessage());
    }

    /**
     * The summary of scenario 0 of a kept result, summed from its slabs (the reference for the
     * trajectories' running summaries, whose totals the kernel adds in another order).
     */
    private static TrajectorySummary summaryOf(ProjectionResult r, SummaryShape shape) {
        int years = shape.years().length, kept = shape.ageYears().length, groups = shape.groups().groups();
        int[] groupOf = shape.groups().groupOf();
        double[] leafTotals = new double[r.leaves() * years];
        double[] leafByAge = new double[r.leaves() * 2 * groups * kept];
        for (int t = 0; t < years; t++) {
            for (int l = 0; l < r.leaves(); l++) {
                leafTotals[l * years + t] = r.total(0, l, t);
            }
        }
        for (int k = 0; k < kept; k++) {
            for (int l = 0; l < r.leaves(); l++) {
                for (int sex = 0; sex < 2; sex++) {
                    for (int a = 0; a < r.ages(); a++) {
                        leafByAge[((l * 2 + sex) * groups + groupOf[a]) * kept + k] += r.population(0, l, sex, a, shape.ageYears()[k]);
                    }
                }
            }
        }
        return TrajectorySummary.ofLeaves(shape, leafTotals, leafByAge);
    }

    /** Equal but for the rounding of sums added in another order: at most one single-precision step apart. */
    private static void assertWithinAFloatStep(float[] want, float[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], Float.isNaN(want[i]) ? 0 : Math.ulp(want[i]), "value " + i);
        }
    }
}
