package org.popcast.kernels.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class Ar1Test {

    @Test
    void yearlyStepsReproduceTheFiveYearProcessAtEveryPeriod() {
        Ar1 five = new Ar1(0.8859, 0.1016, 5), yearly = five.per(1);
        assertEquals(Math.pow(0.8859, 0.2), yearly.rho(), 1e-15);
        // closed form: five yearly steps from a known value have the five-year process's spread
        assertEquals(0.1016, yearly.spread(5), 1e-12);
        assertEquals(five.spread(4), yearly.spread(20), 1e-12);
        assertEquals(five, five.per(5));
    }

    @Test
    void simulatedYearlyPathsHaveTheFiveYearAutocorrelationAndVariance() {
        Ar1 yearly = new Ar1(0.8859, 0.1016, 5).per(1);
        SplittableRandom rng = new SplittableRandom(11);
        int n = 100_000;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double x = 0.5 * gaussian(rng), y = x;
            for (int k = 0; k < 5; k++) {
                y = yearly.next(y, gaussian(rng));
            }
            double innovation = y - 0.8859 * x;
            sxx += x * x;
            sxy += x * innovation;
            syy += innovation * innovation;
        }
        // after five yearly steps: x5 = rho5 x0 + (an innovation independent of x0 with sd 0.1016)
        assertEquals(0, sxy / sxx, 0.003);
        assertEquals(0.1016, Math.sqrt(syy / n), 0.001);
    }

    @Test
    void randomWalkAndBadParameters() {
        Ar1 walk = new Ar1(1, 0.5, 5).per(1);
        assertEquals(0.5 / Math.sqrt(5), walk.sigma(), 1e-15);
        assertEquals(0.5 * Math.sqrt(18 / 5.0), walk.spread(18), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Ar1(0, 0.1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Ar1(0.5, -0.1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Ar1(1.2, 0.1, 5));
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
