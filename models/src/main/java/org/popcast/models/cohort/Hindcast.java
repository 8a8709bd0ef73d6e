package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;

import org.popcast.engine.train.Progress;

/**
 * {@code popcast cohort hindcast}: launch the projection at L (the input's base year) with only the
 * rate rows dated <= L, project to the scoring year, and score it and three naive baselines
 * against the census (docs/cohort.md, "Hindcast").
 */
public final class Hindcast {

    /**
     * @param year     the scoring year (e.g. 2020)
     * @param scenario the scenario projected (its paths matter only from their first point on)
     */
    public record Settings(int year, ProjectionEngine engine, Scenario scenario) {
    }

    /** The launched input and each method's forecast and score, model first. */
    public record Result(Settings settings, CohortInput launched, List<CityForecast> forecasts, List<HindcastScore> scores,
                         HindcastTruth truth) {

        public int launch() {
            return launched.settings().baseYear();
        }

        /** The latest year of any data used by any method. */
        public int dataThrough() {
            return scores.stream().mapToInt(HindcastScore::dataThrough).max().orElseThrow();
        }

        public boolean outOfSample() {
            return dataThrough() <= launch();
        }
    }

    private Hindcast() {
    }

    /** The model's forecast: the input launched at its base year and projected to {@code settings.year()}. */
    public static CohortInput launch(CohortInput input, int year) {
        int launch = input.settings().baseYear();
        int step = input.settings().step();
        if (year <= launch || (year - launch) % step != 0) {
            throw new IllegalArgumentException("--year " + year + " must be after the launch year " + launch
                    + " (the input's base year) by a multiple of the step " + step);
        }
        return input.launched(year - launch);
    }

    /** The model's forecast of every leaf in the last year of a projection of the launched input (scenario 0). */
    public static CityForecast model(CohortInput launched, ProjectionResult result) {
        int t = result.years().length - 1;
        int ages = launched.ageCount();
        double[] totals = new double[launched.leafCount()];
        double[][] shares = new double[totals.length][];
        for (int l = 0; l < totals.length; l++) {
            double[] p = new double[2 * ages];
            for (int sex = 0; sex < 2; sex++) {
                for (int a = 0; a < ages; a++) {
                    p[sex * ages + a] = result.population(0, l, sex, a, t);
                }
            }
            totals[l] = result.total(0, l, t);
            shares[l] = AgeBand.shares(p, launched.ages());
        }
        return new CityForecast(HindcastMethod.MODEL, totals, shares, launched.dataThrough(),
                "projection launched at " + launched.settings().baseYear() + " (rate rows dated after it dropped)");
    }

    /**
     * @param baselines the baselines' forecasts (from {@link HindcastBaselines})
     */
    public static Result run(Settings settings, CohortInput input, HindcastTruth truth, List<CityForecast> baselines,
                             Progress progress) {
        CohortInput launched = launch(input, settings.year());
        ProjectionPlan plan = new ProjectionPlan(launched, List.of(settings.scenario()));
        ProjectionResult result = settings.engine().projector().run(plan, progress);
        List<CityForecast> forecasts = new ArrayList<>();
        forecasts.add(model(launched, result));
        forecasts.addAll(baselines);
        List<HindcastScore> scores = forecasts.stream().map(f -> HindcastScore.of(launched, f, truth)).toList();
        return new Result(settings, launched, List.copyOf(forecasts), scores, truth);
    }
}
