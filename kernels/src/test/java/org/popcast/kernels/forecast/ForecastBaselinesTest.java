package org.popcast.kernels.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForecastBaselinesTest {

    @Test
    void persistenceAndDriftAsDefinedInFpp3() {
        double[] y = {10, 12, 15, 19};
        assertEquals(19, NaiveForecast.persistence(y, 3), 0);
        // the line through the first and last values: slope (19 - 10) / 3 = 3
        assertEquals(25, NaiveForecast.drift(y, 2), 1e-12);
        assertEquals(Double.NaN, NaiveForecast.drift(new double[] {7}, 1));
        assertThrows(IllegalArgumentException.class, () -> NaiveForecast.persistence(new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> NaiveForecast.drift(y, 0));
    }

    @Test
    void dampedTrendRecursionByHand() {
        // worked by hand: l0 10, b0 2; step 1 predicts 11.8 (error 0.2), l 11.9, b 1.82;
        // step 2 predicts 13.538 (error 1.462), l 14.269, b 1.7842; two ahead: 14.269 + 1.71 x 1.7842
        DampedTrend.Fit f = new DampedTrend(0.5, 0.2, 0.9).run(new double[] {10, 12, 15});
        assertEquals(14.269, f.end().level(), 1e-12);
        assertEquals(1.7842, f.end().trend(), 1e-12);
        assertEquals(0.04 + 1.462 * 1.462, f.sse(), 1e-12);
        assertEquals(14.269 + 1.71 * 1.7842, f.forecast(2), 1e-12);
        assertEquals(14.269 + 0.9 * 1.7842, f.forecast(1), 1e-12);
    }

    @Test
    void aConstantSeriesIsForecastConstant() {
        DampedTrend.Fit f = DampedTrend.fit(new double[] {5, 5, 5, 5, 5});
        assertEquals(5, f.forecast(1), 1e-12);
        assertEquals(5, f.forecast(10), 1e-12);
    }

    @Test
    void theFittedParametersBeatAGridSearchOverTheSameBounds() {
        // a growing, wobbling series like a city's log population
        double[] y = new double[14];
        for (int t = 0; t < y.length; t++) {
            y[t] = 15 + 0.012 * t - 0.0004 * t * t + 0.003 * Math.sin(1.7 * t);
        }
        DampedTrend.Fit fit = DampedTrend.fit(y);
        double best = Double.POSITIVE_INFINITY;
        for (double a = 0.0001; a <= 0.9999; a += 0.02) {
            for (double b = 0.0001; b <= 0.9999; b += 0.02) {
                for (double phi = DampedTrend.PHI_MIN; phi <= DampedTrend.PHI_MAX + 1e-12; phi += 0.01) {
                    best = Math.min(best, new DampedTrend(a, b, phi).run(y).sse());
                }
            }
        }
        assertTrue(fit.sse() <= best * (1 + 1e-6), "fitted " + fit.sse() + ", grid " + best);
        DampedTrend p = fit.parameters();
        assertTrue(p.alpha() > 0 && p.alpha() < 1 && p.beta() > 0 && p.beta() < 1
                && p.phi() >= DampedTrend.PHI_MIN && p.phi() <= DampedTrend.PHI_MAX, p.toString());
        assertThrows(IllegalArgumentException.class, () -> DampedTrend.fit(new double[] {1, 2}));
    }
}
