package org.popcast.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ScenarioSet;
import org.popcast.models.cohort.stochastic.PlanSource;
import org.popcast.models.cohort.stochastic.ProbabilisticProjection;
import org.popcast.models.cohort.stochastic.ProjectionQuantiles;
import org.popcast.models.cohort.stochastic.StochasticParameters;
import org.popcast.models.cohort.stochastic.StochasticSettings;
import org.popcast.models.cohort.stochastic.SummaryShape;
import org.popcast.models.cohort.stochastic.TrajectoryEngine;

/** The shipped city input over 12 years on local[2]: Spark's quantiles are the local run's, bit for bit, whatever the split. */
class SparkTrajectoryEngineTest {

    static final InputFolder CITIES = InputFolder.builtin("cohort/china-cities");
    static final CohortInputReader.ProjectionOverrides HORIZON = CohortInputReader.ProjectionOverrides.horizon(12);
    static ProjectionPlan central;
    static StochasticParameters parameters;
    static PlanSource source;
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        ScenarioSet set = ScenarioSet.builtin("paper-5x3");
        String name = set.names().get(ScenarioSet.central(set.names()));
        central = new ProjectionPlan(CohortInputReader.read(CITIES, HORIZON), List.of(set.scenarios().get(set.names().indexOf(name))));
        parameters = StochasticParameters.estimate(central, StochasticSettings.read(CITIES), CITIES);
        source = PlanSource.capture(CITIES, HORIZON, set, name);
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("popcast-test").set("spark.log.level", "WARN"));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    static TrajectoryEngine.Job job(ProbabilisticProjection.Settings settings) {
        return new TrajectoryEngine.Job(source, central, parameters, settings, SummaryShape.of(central, settings.ageEvery()), Map.of());
    }

    @Test
    void quantilesAreThoseOfTheLocalRunBitForBit() {
        ProbabilisticProjection.Settings settings = new ProbabilisticProjection.Settings(7, 2024,
                ProbabilisticProjection.DEFAULT_QUANTILES, 5, true);
        ProbabilisticProjection local = new ProbabilisticProjection(central, parameters, settings).run(2, Progress.none());
        // 5 tasks on 2 cores, ranges of 1 and 2 trajectories
        TrajectoryEngine.Result spark = SparkJob.run(sc, job(settings), 5, Progress.none());
        ProjectionQuantiles l = local.quantiles(), s = spark.quantiles();
        assertArrayEquals(l.probabilities(), s.probabilities(), 0);
        assertArrayEquals(l.totals(), s.totals(), 0);
        assertArrayEquals(l.byAge(), s.byAge(), 0);
        for (int j = 0; j < 7; j++) {
            assertArrayEquals(local.keptTotals()[j], spark.totals()[j], 0, "trajectory " + j);
        }
        assertTrue(spark.description().startsWith("spark local[2]"), spark.description());
        // the spread is there: not a run of identical trajectories
        SummaryShape shape = local.shape();
        int last = shape.years().length - 1;
        assertTrue(s.total(0, 0, last, shape) < s.total(4, 0, last, shape));
    }

    @Test
    void theSplitDoesNotMatter() {
        ProbabilisticProjection.Settings settings = new ProbabilisticProjection.Settings(5, 9, new double[] {0.1, 0.5, 0.9}, 4, false);
        TrajectoryEngine.Result one = SparkJob.run(sc, job(settings), 1, Progress.none());
        TrajectoryEngine.Result five = SparkJob.run(sc, job(settings), 99, Progress.none());
        assertArrayEquals(one.quantiles().totals(), five.quantiles().totals(), 0);
        assertArrayEquals(one.quantiles().byAge(), five.quantiles().byAge(), 0);
        assertEquals(null, one.totals());
    }

    @Test
    void thePlanRebuiltFromTheTextsIsTheSame() {
        ProjectionPlan rebuilt = source.plan();
        assertEquals(central.steps(), rebuilt.steps());
        assertArrayEquals(central.input().population(), rebuilt.input().population(), 0);
        assertArrayEquals(central.leafRates(), rebuilt.leafRates(), 0);
        assertArrayEquals(central.fertility(3), rebuilt.fertility(3), 0);
        assertTrue(source.files().containsKey("population.csv") && source.files().containsKey("projection.yaml"), source.files().keySet()
                .toString());
    }

    @Test
    void theEngineIsFoundByName() {
        assertInstanceOf(SparkTrajectoryEngine.class, TrajectoryEngine.find("spark").orElseThrow());
        assertTrue(TrajectoryEngine.find("dask").isEmpty());
    }
}
