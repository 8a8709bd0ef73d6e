package org.popcast.models.inverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.sampling.Collocation;
import org.popcast.models.pinn.PinnBody;
import org.popcast.models.pinn.PinnSettings;

/**
 * {@code pde infer --method pinn} against the truth of {@link ExactInferenceTest} (mortality 1.1,
 * fertility 0.9, three-child scenario, observations from the exact solver, 7 years x 51 ages).
 */
class PinnInferenceTest {

    /** A 32-32 network, 512 interior points, constant Adam rate 5e-3 (no L-BFGS: the inverse run is Adam only). */
    static PinnSettings coarse(int steps, long seed) {
        return PinnSettings.defaults().toBuilder().body(new PinnBody.Mlp(new int[] {32, 32}))
                .points(new PinnSettings.Points(512, 0, 16, 8, Collocation.Kind.SOBOL))
                .optimisation(new PinnSettings.Optimisation(LearningRateSchedule.constant(5e-3), steps, 0, 512)).seed(seed).build();
    }

    private static InferenceResult fit(Observations obs, PinnSettings pinn, long warmup) throws Exception {
        PinnInference.Settings s = new PinnInference.Settings(pinn, 1, warmup, Device.CPU, null, false, 1000, null);
        return PinnInference.fit(ExactInferenceTest.PROBLEM, ExactInferenceTest.BOTH, obs, s, Progress.none());
    }

    private static Observations observations(double noise, long seed) {
        return SyntheticObservations.of(ExactInferenceTest.PROBLEM, ExactInferenceTest.BOTH, ExactInferenceTest.TRUTH,
                ExactInferenceTest.YEARS, ExactInferenceTest.AGES, noise, seed);
    }

    /** 2,000 steps of a coarse network (500 with the scales held): each scale's error from the start (1.0) at least halves. */
    @Test
    void coarseNetworkMovesBothScalesTowardTheTruth() throws Exception {
        InferenceResult r = fit(observations(0, 1), coarse(2000, 7), 500);
        for (int j = 0; j < 2; j++) {
            double before = Math.abs(1 - ExactInferenceTest.TRUTH[j]), after = Math.abs(r.estimates()[j] - ExactInferenceTest.TRUTH[j]);
            assertTrue(after < before / 2, ExactInferenceTest.BOTH.get(j).label() + ": error " + before + " -> " + after);
        }
        assertEquals(2000, r.iterations());
        assertTrue(Double.isNaN(r.stderrs()[0]) && Double.isNaN(r.stderrs()[1]), "the PINN gives no standard errors");
    }

    /** Within the warm-up the scales stay at 1; the same seed gives the same estimates; the unknowns' order is the user's. */
    @Test
    void warmUpHoldsTheScalesAndTheSeedRepeats() throws Exception {
        Observations obs = observations(0, 1);
        InferenceResult held = fit(obs, coarse(50, 7), 50);
        assertArrayEquals(new double[] {1, 1}, held.estimates(), 0);
        InferenceResult a = fit(obs, coarse(120, 7), 20), b = fit(obs, coarse(120, 7), 20);
        assertArrayEquals(a.estimates(), b.estimates(), 0);
        assertTrue(Math.abs(a.estimates()[0] - 1) > 1e-3, "the scales move after the warm-up: " + a.estimates()[0]);
        PinnInference.Settings s = new PinnInference.Settings(coarse(120, 7), 1, 20, Device.CPU, null, false, 1000, null);
        InferenceResult swapped = PinnInference.fit(ExactInferenceTest.PROBLEM, List.of(UnknownParameter.FERTILITY_SCALE,
                UnknownParameter.MORTALITY_SCALE), obs, s, Progress.none());
        assertArrayEquals(new double[] {a.estimates()[1], a.estimates()[0]}, swapped.estimates(), 0);
    }

    /**
     * The documented runs of docs/inverse.md (default 1 % noise, dense observations, seed 1), too long
     * for every build: {@code -Dpinn.measure=true}, optional -Dsteps, -Dwarmup, -Dlr, -Dhidden=64,64,64,
     * -Dnoise=0.05, -DnoiseSeed=2 (the noise's seed, default 1), -Dobserved=census (two census years of single ages, as the exact method's test).
     */
    @Test
    @EnabledIfSystemProperty(named = "pinn.measure", matches = "true")
    void measuredRunRecoversBothScalesWithinTwoPercent() throws Exception {
        int steps = Integer.getInteger("steps", 20000);
        long warmup = Long.getLong("warmup", 2000);
        double lr = Double.parseDouble(System.getProperty("lr", "3e-3"));
        int[] hidden = java.util.Arrays.stream(System.getProperty("hidden", "64,64,64").split(",")).mapToInt(Integer::parseInt).toArray();
        PinnSettings pinn = PinnSettings.defaults().toBuilder().body(new PinnBody.Mlp(hidden))
                .optimisation(new PinnSettings.Optimisation(new LearningRateSchedule(lr, 0.9, 1000), steps, 0, 512)).seed(42).build();
        ExactInference.Settings exactSettings = ExactInference.Settings.DEFAULT;
        double noise = Double.parseDouble(System.getProperty("noise", "0.01"));
        boolean census = "census".equals(System.getProperty("observed", "dense"));
        long noiseSeed = Long.getLong("noiseSeed", 1);
        Observations obs = census
                ? SyntheticObservations.of(ExactInferenceTest.PROBLEM, ExactInferenceTest.BOTH, ExactInferenceTest.TRUTH,
                        ExactInferenceTest.CENSUS_YEARS, ExactInferenceTest.SINGLE_AGES, noise, noiseSeed)
                : observations(noise, noiseSeed);
        InferenceResult exact = ExactInference.fit(ExactInferenceTest.PROBLEM, ExactInferenceTest.BOTH, obs, exactSettings,
                ExactInference.Listener.NONE);
        InferenceResult r = fit(obs, pinn, warmup);
        System.out.println(String.format(Locale.ROOT, "| pinn | %.0f %%, %s, seed %d, %s, %d steps (%d held), Adam %.0e x 0.9/1000 | %.5f (%+.2f %%)"
                + " | %.5f (%+.2f %%) | rms log misfit %.4f | %.1f s | exact: %.5f %.5f %.2f s |", 100 * noise,
                census ? "two census years" : "dense", noiseSeed, pinn.architecture(ExactInferenceTest.PROBLEM), steps, warmup, lr, r.estimates()[0], 100 * (r.estimates()[0] / 1.1 - 1), r.estimates()[1], 100 * (r.estimates()[1] / 0.9 - 1),
                r.rmsLogMisfit(), r.seconds(), exact.estimates()[0], exact.estimates()[1], exact.seconds()));
        for (int j = 0; j < 2; j++) {
            assertEquals(ExactInferenceTest.TRUTH[j], r.estimates()[j], 0.02 * ExactInferenceTest.TRUTH[j], ExactInferenceTest.BOTH.get(j).label());
        }
    }
}
