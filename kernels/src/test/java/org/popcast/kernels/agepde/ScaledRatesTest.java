package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Mortality and fertility scales (the unknowns of {@code pde infer}). */
class ScaledRatesTest {

    @Test
    void scaledMortalityScalesHazardAndCumulativeHazardKeepingKinks() {
        Mortality base = Mortality.linearExponential(0.0068, 0.0003, 60, 0.06);
        Mortality scaled = base.scaled(1.3);
        for (double a : new double[] {0, 10, 59.9, 60, 85}) {
            assertEquals(1.3 * base.hazard(a), scaled.hazard(a), 1e-15);
            assertEquals(1.3 * base.cumulativeHazard(a), scaled.cumulativeHazard(a), 1e-14);
        }
        assertArrayEquals(base.breakpoints(), scaled.breakpoints());
        assertThrows(IllegalArgumentException.class, () -> base.scaled(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> base.scaled(-0.1));
    }

    @Test
    void scaledFertilityIsTheRateTimesTheFactorAlsoWhereTheCapBinds() {
        Fertility capped = new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2000}, new double[] {0.6}, 0.1);
        Fertility scaled = capped.scaled(0.8);
        for (double t : new double[] {1999, 2030}) {
            for (double a : new double[] {19, 21, 25, 27.5, 33, 36}) {
                assertEquals(0.8 * capped.rate(a, t), scaled.rate(a, t), 1e-15);
            }
            assertArrayEquals(capped.ageBreakpoints(t), scaled.ageBreakpoints(t), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> capped.scaled(0));
    }

    /** A stable population solved with scaled rates is the stable population of the scaled rates (closed form). */
    @Test
    void exactSolverWithScaledRatesMatchesTheClosedFormOfTheScaledStablePopulation() {
        double m = 1.1, f = 0.9;
        StablePopulation reference = StablePopulation.of(0.01 * m, 0.12 * f, 1, 1e6);
        AgePdeProblem problem = new AgePdeProblem(2000, 2040, 100, 1, Mortality.linearExponential(0.01, 0, 1000, 1e-9).scaled(m),
                Fertility.of(Fertility.table(new double[] {20, 35}, new double[] {0.12, 0.12})).scaled(f),
                InitialDensity.seed(1e6, (reference.r() + reference.mu()), 0, 0));
        ExactMvfSolver solver = new ExactMvfSolver(problem, ExactSolverSettings.DEFAULT);
        for (double s : new double[] {5, 22.5, 40}) {
            for (double a : new double[] {0, 3, 30, 80}) {
                double exact = reference.density(a, s);
                assertEquals(exact, solver.density(a, 2000 + s), 1e-9 * exact, "a " + a + " s " + s);
            }
        }
    }
}
