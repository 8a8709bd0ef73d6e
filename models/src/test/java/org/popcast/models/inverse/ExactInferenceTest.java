package org.popcast.models.inverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputException;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.Mortality;
import org.popcast.models.agepde.PdeScenarioReader;

/**
 * {@code pde infer --method exact} against known truths: observations drawn from the exact solver
 * with mortality scale 1.1 and fertility scale 0.9 (three-child scenario, 2024-2054).
 */
class ExactInferenceTest {

    static final AgePdeProblem PROBLEM = PdeScenarioReader.builtin("three-child").problem();
    static final List<UnknownParameter> BOTH = List.of(UnknownParameter.MORTALITY_SCALE, UnknownParameter.FERTILITY_SCALE);
    static final double[] TRUTH = {1.1, 0.9};
    /** Every 5 years, every 2 years of age: 7 x 51 = 357 points. */
    static final double[] YEARS = SyntheticObservations.range(2024, 2054, 5), AGES = SyntheticObservations.range(0, 100, 2);
    /** Two census years, every year of age: 2 x 101 points. */
    static final double[] CENSUS_YEARS = {2034, 2044}, SINGLE_AGES = SyntheticObservations.range(0, 100, 1);

    private static InferenceResult fit(Observations obs) {
        return ExactInference.fit(PROBLEM, BOTH, obs, ExactInference.Settings.DEFAULT, ExactInference.Listener.NONE);
    }

    @Test
    void recoversTheScalesExactlyWithoutNoise() {
        InferenceResult r = fit(SyntheticObservations.of(PROBLEM, BOTH, TRUTH, YEARS, AGES, 0, 1));
        assertEquals(1.1, r.estimate(UnknownParameter.MORTALITY_SCALE), 1e-7);
        assertEquals(0.9, r.estimate(UnknownParameter.FERTILITY_SCALE), 1e-7);
        assertTrue(r.rmsLogMisfit() < 1e-8, "misfit " + r.rmsLogMisfit());
    }

    @Test
    void recoversEachScaleWithinHalfAPercentFromOnePercentNoise() {
        List<String> report = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            InferenceResult r = fit(SyntheticObservations.of(PROBLEM, BOTH, TRUTH, YEARS, AGES, 0.01, seed));
            checkWithin(r, 0.005, "1 % noise, seed " + seed);
            report.add(line("1 % noise, 7 years x 51 ages, seed " + seed, r));
        }
        report.forEach(System.out::println);
    }

    /** 5 % noise and two census years only: looser, but still within 4 standard errors of the truth. */
    @Test
    void fivePercentNoiseAndTwoCensusYearsStayWithinTheirStandardErrors() {
        InferenceResult noisy = fit(SyntheticObservations.of(PROBLEM, BOTH, TRUTH, YEARS, AGES, 0.05, 1));
        checkWithin(noisy, 0.025, "5 % noise");
        InferenceResult sparse = fit(SyntheticObservations.of(PROBLEM, BOTH, TRUTH, CENSUS_YEARS, SINGLE_AGES, 0.01, 1));
        checkWithin(sparse, 0.005, "1 % noise, two census years");
        InferenceResult both = fit(SyntheticObservations.of(PROBLEM, BOTH, TRUTH, CENSUS_YEARS, SINGLE_AGES, 0.05, 1));
        checkWithin(both, 0.025, "5 % noise, two census years");
        System.out.println(line("5 % noise, 7 years x 51 ages, seed 1", noisy));
        System.out.println(line("1 % noise, census 2034 + 2044 x 101 ages, seed 1", sparse));
        System.out.println(line("5 % noise, census 2034 + 2044 x 101 ages, seed 1", both));
    }

    private static void checkWithin(InferenceResult r, double relative, String what) {
        for (int j = 0; j < BOTH.size(); j++) {
            double error = r.estimates()[j] / TRUTH[j] - 1, se = r.stderrs()[j];
            assertTrue(Math.abs(error) < relative, what + ": " + BOTH.get(j).label() + " off by " + error);
            assertTrue(se > 0 && Math.abs(r.estimates()[j] - TRUTH[j]) < 4 * se, what + ": error " + error + " vs stderr " + se);
        }
    }

    private static String line(String what, InferenceResult r) {
        return String.format(java.util.Locale.ROOT, "| exact | %s | %.5f +- %.5f | %.5f +- %.5f | %d solves | %.2f s |", what,
                r.estimates()[0], r.stderrs()[0], r.estimates()[1], r.stderrs()[1], r.evaluations(), r.seconds());
    }

    /**
     * Observations of the initial cohort only (age > years since the start) make ln P linear in the
     * mortality scale m: ln P = ln P0(a - s) - m (M(a) - M(a - s)). Ordinary least squares in m gives
     * the estimate and its standard error in closed form; the fit must reproduce both.
     */
    @Test
    void mortalityScaleAndStandardErrorMatchLinearLeastSquaresOnTheInitialCohort() {
        double[] years = {2029, 2039, 2049}, ages = SyntheticObservations.range(30, 100, 2.5);
        Observations obs = SyntheticObservations.of(PROBLEM, List.of(UnknownParameter.MORTALITY_SCALE), new double[] {1.1}, years, ages,
                0.02, 7);
        Mortality mu = PROBLEM.mortality();
        int n = obs.size();
        double sxy = 0, sxx = 0;
        double[] dm = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = obs.age(i), origin = a - (obs.year(i) - PROBLEM.startYear());
            dm[i] = mu.cumulativeHazard(a) - mu.cumulativeHazard(origin);
            y[i] = Math.log(obs.density(i)) - Math.log(PROBLEM.initialDensity().value(origin));
            sxy += dm[i] * y[i];
            sxx += dm[i] * dm[i];
        }
        double m = -sxy / sxx, rss = 0;
        for (int i = 0; i < n; i++) {
            rss += Math.pow(y[i] + m * dm[i], 2);
        }
        double se = Math.sqrt(rss / (n - 1) / sxx);
        InferenceResult r = ExactInference.fit(PROBLEM, List.of(UnknownParameter.MORTALITY_SCALE), obs, ExactInference.Settings.DEFAULT,
                ExactInference.Listener.NONE);
        assertEquals(m, r.estimates()[0], 1e-8 * m);
        assertEquals(se, r.stderrs()[0], 1e-5 * se);
        assertTrue(Math.abs(m - 1.1) < 4 * se, "closed form " + m + " +- " + se);
    }

    @Test
    void observationsThatCannotSeeFertilityAreRefusedInOneLine() {
        Observations start = SyntheticObservations.of(PROBLEM, BOTH, TRUTH, new double[] {2024}, AGES, 0.01, 1);
        String message = assertThrows(InputException.class, () -> fit(start)).getMessage();
        assertTrue(message.startsWith("synthetic.csv: the observations cannot tell the unknowns apart"), message);
        assertTrue(!message.contains("\n"), message);
    }

    @Test
    void reportsEveryIterationWithTheCurrentEstimates() {
        List<double[]> seen = new ArrayList<>();
        InferenceResult r = ExactInference.fit(PROBLEM, BOTH, SyntheticObservations.of(PROBLEM, BOTH, TRUTH, YEARS, AGES, 0.01, 1),
                ExactInference.Settings.DEFAULT, (iteration, rms, estimates) -> seen.add(estimates));
        assertTrue(seen.size() >= 2 && seen.size() <= r.iterations(), seen.size() + " reports, " + r.iterations() + " iterations");
        assertEquals(r.estimates()[0], seen.get(seen.size() - 1)[0], 1e-3);
    }
}
