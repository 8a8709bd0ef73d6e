package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class ExactMvfSolverTest {

    private static final ExactMvfSolver THREE_CHILD =
            new ExactMvfSolver(PaperProblems.problem(PaperProblems.threeChild(), 2054), ExactSolverSettings.DEFAULT);
    private static final ExactMvfSolver TWO_CHILD =
            new ExactMvfSolver(PaperProblems.problem(PaperProblems.twoChild(), 2054), ExactSolverSettings.DEFAULT);

    /** The table gives 5 or 7 significant digits: our value, rounded to as many, must equal it. */
    private static void assertTableValue(String expected, double actual, String what) {
        BigDecimal table = new BigDecimal(expected);
        BigDecimal ours = new BigDecimal(actual).round(new MathContext(table.precision()));
        assertEquals(0, table.compareTo(ours), what + ": table " + expected + ", solver " + actual);
        if (table.precision() >= 7) {
            assertEquals(table.doubleValue(), actual, 1e-6 * Math.abs(actual), what + " to 1e-6");
        }
    }

    @Test
    void matchesTheReferenceTableOfSeedNotes() {
        ExactMvfSolver s3 = THREE_CHILD, s2 = TWO_CHILD;
        assertTableValue("9.0033e6", s3.births(2024), "three-child B(2024)");
        assertTableValue("6.7525e6", s2.births(2024), "two-child B(2024)");
        String[][] births = {{"2034", "1.0831e7", "8.1231e6"}, {"2044", "1.5847e7", "1.1886e7"}, {"2054", "1.3465e7", "8.2574e6"}};
        for (String[] row : births) {
            double t = Double.parseDouble(row[0]);
            assertTableValue(row[1], s3.births(t), "three-child B(" + row[0] + ")");
            assertTableValue(row[2], s2.births(t), "two-child B(" + row[0] + ")");
        }
        String[][] points = {{"10", "2030", "1.014496e7", "1.014496e7"}, {"25", "2030", "4.914865e6", "4.914865e6"},
                {"3", "2040", "1.252123e7", "9.390923e6"}, {"20", "2040", "9.060519e6", "9.060519e6"},
                {"5", "2050", "1.528417e7", "1.143007e7"}, {"45", "2054", "4.585070e6", "4.585070e6"},
                {"80", "2054", "8.914434e5", "8.914434e5"}, {"100", "2054", "6.800355e4", "6.800355e4"}};
        for (String[] row : points) {
            double a = Double.parseDouble(row[0]), t = Double.parseDouble(row[1]);
            assertTableValue(row[2], s3.density(a, t), "three-child P(" + row[0] + ", " + row[1] + ")");
            assertTableValue(row[3], s2.density(a, t), "two-child P(" + row[0] + ", " + row[1] + ")");
        }
        assertTableValue("4.2566e8", s3.population(2024), "N(2024)");
        // The table's N(2054) is the trapezoid rule on the 0.1-year grid, the jump line's point taken
        // from the initial cohort; the exact integrals are 5.274909e8 and 4.368987e8 (docs/exact-solver.md).
        assertTableValue("5.2751e8", trapezoidOnTenthYearGrid(s3, 2054), "three-child N(2054), grid trapezoid");
        assertTableValue("4.3700e8", trapezoidOnTenthYearGrid(s2, 2054), "two-child N(2054), grid trapezoid");
        assertTableValue("5.274909e8", s3.population(2054), "three-child N(2054), exact");
        assertTableValue("4.368987e8", s2.population(2054), "two-child N(2054), exact");
    }

    private static double trapezoidOnTenthYearGrid(ExactMvfSolver solver, double t) {
        double sum = 0;
        for (int i = 0; i <= 1000; i++) {
            sum += (i == 0 || i == 1000 ? 0.05 : 0.1) * solver.density(i * 0.1, t);
        }
        return sum;
    }

    @Test
    void matchesAnIndependentDirectSolutionOnTheDefaultGridOutsideTheJumpBand() {
        AgePdeProblem problem = PaperProblems.problem(PaperProblems.threeChild(), 2054);
        DirectRenewalReference reference = new DirectRenewalReference(problem, new double[] {20, 35}, new double[0]);
        double[] times = AgePdeSolution.uniformGrid(2024, 2054, 0.1, "time");
        double[] ages = AgePdeSolution.uniformGrid(0, 100, 0.1, "age");
        AgePdeSolution grid = THREE_CHILD.onGrid(times, ages);
        double diff2 = 0, ref2 = 0, worst = 0;
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < ages.length; j++) {
                if (Math.abs(ages[j] - (times[i] - 2024)) < 0.5) {
                    continue;
                }
                double r = reference.density(ages[j], times[i]);
                double d = grid.density(i, j) - r;
                diff2 += d * d;
                ref2 += r * r;
                worst = Math.max(worst, Math.abs(d) / Math.abs(r));
            }
        }
        double relL2 = Math.sqrt(diff2 / ref2);
        assertTrue(relL2 < 1e-12, "relative L2 off the jump band " + relL2);
        assertTrue(worst < 1e-11, "worst relative point error " + worst);
        for (int i = 0; i < times.length; i += 37) {
            assertEquals(reference.births(times[i]), grid.births()[i], 1e-12 * grid.births()[i], "B(" + times[i] + ")");
        }
    }

    @Test
    void followsBirthJumpsOfAPolicyStepInsideTheWindow() {
        // a step in 2030 raises fertility by 30 % inside the window: births jump there and echo later
        Fertility stepped = new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2030}, new double[] {0.3}, 0.25);
        AgePdeProblem problem = PaperProblems.problem(stepped, 2060);
        ExactMvfSolver solver = new ExactMvfSolver(problem, ExactSolverSettings.DEFAULT);
        DirectRenewalReference reference = new DirectRenewalReference(problem, new double[] {20, 35}, new double[] {2030});
        assertEquals(1.3, solver.births(2030) / solver.births(2030 - 1e-9), 1e-6);
        for (double t : new double[] {2024, 2029.99, 2030, 2043.7, 2044.5, 2050, 2055.25, 2059.9}) {
            assertEquals(reference.births(t), solver.births(t), 1e-12 * reference.births(t), "B(" + t + ")");
        }
    }

    /** The stable population grows as exp(r s) in births, density and total (StablePopulation's closed forms). */
    private static void checkStablePopulation(double speed, ExactSolverSettings settings, double tolerance) {
        StablePopulation stable = StablePopulation.standard(speed, 1e6);
        ExactMvfSolver solver = new ExactMvfSolver(stable.problem(0, 150), settings);
        for (double t : new double[] {0, 19.3, 47.1, 88.8, 150}) {
            assertEquals(stable.births(t), solver.births(t), tolerance * stable.births(t), "B(" + t + ")");
            assertEquals(stable.density(7.5, t), solver.density(7.5, t), tolerance * stable.density(0, t));
            assertEquals(stable.population(t), solver.population(t), tolerance * stable.population(t), "N(" + t + ")");
        }
    }

    @Test
    void reproducesAStablePopulationOverSeveralGenerations() {
        checkStablePopulation(1, ExactSolverSettings.DEFAULT, 1e-12);
    }

    @Test
    void usesTheFluxConsistentBoundaryForOtherAgeingSpeeds() {
        checkStablePopulation(0.5, ExactSolverSettings.DEFAULT, 1e-12);
        checkStablePopulation(2, ExactSolverSettings.DEFAULT, 1e-12);
    }

    @Test
    void convergesWhenTheStepsAreHalved() {
        AgePdeProblem problem = PaperProblems.problem(PaperProblems.threeChild(), 2054);
        DirectRenewalReference reference = new DirectRenewalReference(problem, new double[] {20, 35}, new double[0]);
        double[] probe = {2031.3, 2047.7, 2053.9};
        ExactSolverSettings settings = new ExactSolverSettings(2, 8, 3, 4);
        double previous = Double.POSITIVE_INFINITY;
        for (int level = 0; level < 4; level++) {
            ExactMvfSolver solver = new ExactMvfSolver(problem, settings);
            double err = 0;
            for (double t : probe) {
                err = Math.max(err, Math.abs(solver.births(t) / reference.births(t) - 1));
                err = Math.max(err, Math.abs(solver.density(5.5, t) / reference.density(5.5, t) - 1));
            }
            // 2-node Gauss (order 4) and 3-node Chebyshev panels (order 3): at least 8x per halving
            assertTrue(err < previous / 8, "level " + level + ": error " + err + " after " + previous);
            previous = err;
            settings = settings.refined();
        }
        assertTrue(previous < 2e-6, "coarse rules refined three times reach " + previous);
    }

    @Test
    void satisfiesTheBalanceIdentity() {
        // dN/dt = B(t) - integral mu P da - v P(maxAge, t), with dN/dt by a 5-point central difference
        ExactMvfSolver solver = THREE_CHILD;
        Mortality mu = PaperProblems.MORTALITY;
        org.popcast.kernels.quadrature.GaussLegendreRule rule = new org.popcast.kernels.quadrature.GaussLegendreRule(16);
        for (double t : new double[] {2026.3, 2031.7, 2040.2, 2049.9}) {
            double h = 0.05;
            double dNdt = (-solver.population(t + 2 * h) + 8 * solver.population(t + h) - 8 * solver.population(t - h)
                    + solver.population(t - 2 * h)) / (12 * h);
            double deaths = rule.integrate(a -> mu.hazard(a) * solver.density(a, t), 0, 100, new double[] {t - 2024, 60, 60 + t - 2024}, 2);
            double outflow = solver.density(100, t);
            double rhs = solver.births(t) - deaths - outflow;
            assertEquals(rhs, dNdt, 1e-7 * solver.births(t), "balance at " + t);
        }
    }

    @Test
    void rejectsInconsistentProblems() {
        Fertility early = Fertility.of(Fertility.quadratic(0.002, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> PaperProblems.problem(early, 2054));
        assertThrows(IllegalArgumentException.class, () -> PaperProblems.problem(PaperProblems.threeChild(), 2000));
        Fertility old = Fertility.of(Fertility.quadratic(0.002, 20, 120));
        assertThrows(IllegalArgumentException.class, () -> PaperProblems.problem(old, 2054));
        assertThrows(IllegalArgumentException.class, () -> THREE_CHILD.births(2060));
        assertThrows(IllegalArgumentException.class, () -> AgePdeSolution.uniformGrid(0, 100, 0.3, "age"));
        assertThrows(IllegalArgumentException.class, () -> AgePdeSolution.uniformGrid(0, 100, -1, "age"));
    }
}
