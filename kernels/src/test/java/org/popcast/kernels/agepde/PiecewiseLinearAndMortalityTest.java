package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class PiecewiseLinearAndMortalityTest {

    /** Hipparchus' adaptive Gauss integrator: an independent check of closed forms. */
    private static double integrate(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        return new IterativeLegendreGaussIntegrator(8, 1e-14, 1e-14).integrate(1_000_000, f::applyAsDouble, lo, hi);
    }

    @Test
    void evenlySpacedAgesGiveTheSameValuesAsAnUnevenTable() {
        // the same single-year table, once with its ages evenly spaced (segment found from the step)
        // and once with one extra row on a node (uneven: binary search); both interpolants coincide
        double[] ages = java.util.stream.IntStream.rangeClosed(0, 100).asDoubleStream().toArray();
        double[] values = java.util.Arrays.stream(ages).map(a -> 0.001 * Math.exp(0.08 * a)).toArray();
        PiecewiseLinear even = new PiecewiseLinear(ages, values);
        double[] unevenAges = new double[ages.length + 1], unevenValues = new double[ages.length + 1];
        for (int i = 0, j = 0; i < ages.length; i++) {
            unevenAges[j] = ages[i];
            unevenValues[j++] = values[i];
            if (i == 50) {
                unevenAges[j] = 50.5;
                unevenValues[j++] = 0.5 * (values[50] + values[51]);
            }
        }
        PiecewiseLinear uneven = new PiecewiseLinear(unevenAges, unevenValues);
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 10_000; k++) {
            double a = k < 101 ? k : random.nextDouble() * 110 - 5;
            if (a < 50 || a > 51) {
                assertEquals(uneven.value(a), even.value(a), 0, "value at " + a);
            }
            assertEquals(uneven.integral(a), even.integral(a), 1e-13 * Math.abs(uneven.integral(a)) + 1e-300, "integral at " + a);
        }
    }

    @Test
    void tableInterpolatesIntegratesAndFindsCrossings() {
        PiecewiseLinear t = new PiecewiseLinear(new double[] {10, 20, 40}, new double[] {1, 3, 2});
        assertEquals(1, t.value(0));
        assertEquals(2, t.value(15), 1e-15);
        assertEquals(2.5, t.value(30), 1e-15);
        assertEquals(2, t.value(99));
        // integral from 0: 10 * 1 (held) + (1+3)/2*10 + (3+2.5)/2*10 at age 30
        assertEquals(10 + 20 + 27.5, t.integral(30), 1e-12);
        assertArrayEquals(new double[] {17.5, 30}, t.crossings(2.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseLinear(new double[] {1, 1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseLinear(new double[] {1, 2}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseLinear(new double[] {1, 2}, new double[] {0, Double.NaN}));
    }

    @Test
    void seedMortalityCumulativeHazardMatchesQuadratureOfTheHazard() {
        Mortality mu = Mortality.linearExponential(0.006805083, 0.0003, 60, 0.06);
        assertEquals(0.006805083 + 0.018, mu.hazard(60), 1e-15);
        assertEquals(mu.hazard(60 - 1e-12), mu.hazard(60), 1e-12, "continuous at the switch age");
        assertEquals((0.006805083 + 0.018) * Math.exp(2.4), mu.hazard(100), 1e-12);
        for (double a : new double[] {0, 13.7, 59.9, 60, 75.2, 100}) {
            double numeric = (a > 0 ? integrate(mu::hazard, 0, Math.min(a, 60)) : 0) + (a > 60 ? integrate(mu::hazard, 60, a) : 0);
            assertEquals(numeric, mu.cumulativeHazard(a), 1e-13 * Math.max(1, numeric), "M(" + a + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> Mortality.linearExponential(-0.1, 0, 60, 0.06));
    }

    @Test
    void tabulatedMortalityIntegratesTheInterpolant() {
        Mortality mu = Mortality.table(new double[] {0, 50, 100}, new double[] {0.01, 0.02, 0.3});
        assertEquals(0.016, mu.hazard(30), 1e-15);
        assertEquals(integrate(mu::hazard, 0, 50) + integrate(mu::hazard, 50, 80), mu.cumulativeHazard(80), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> Mortality.table(new double[] {0, 1}, new double[] {0.1, -0.1}));
    }

    @Test
    void fertilityStepsCapAndKinks() {
        Fertility f = new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2014, 2016, 2021},
                new double[] {0.2, 0.2, 0.2}, 0.25);
        assertEquals(0.0022 * 56.25 * 1.6, f.rate(27.5, 2030), 1e-15);
        assertEquals(0.0022 * 56.25 * 1.2, f.rate(27.5, 2015.5), 1e-15);
        assertEquals(0.0022 * 56.25, f.rate(27.5, 2000), 1e-15);
        assertEquals(0, f.rate(19.9, 2030));
        assertEquals(0, f.rate(35.1, 2030));
        // a cap that binds: 0.1 with multiplier 1.6 -> kinks where 0.0022*1.6 (a-20)(35-a) = 0.1
        Fertility capped = new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2000}, new double[] {0.6}, 0.1);
        assertEquals(0.1, capped.rate(27.5, 2030));
        double[] kinks = capped.ageBreakpoints(2030);
        assertEquals(4, kinks.length);
        double k = kinks[1];
        assertEquals(0.1, 0.0022 * 1.6 * (k - 20) * (35 - k), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Fertility(Fertility.quadratic(0.0022, 20, 35),
                new double[] {2020}, new double[] {-1.5}, 0.25));
    }
}
