package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.popcast.kernels.quadrature.BirthIntegral;

/** The PINN's birth quadrature, fed the exact density, against the exact solver's births. */
class BirthIntegralTest {

    private static final ExactMvfSolver EXACT =
            new ExactMvfSolver(SeedProblems.problem(SeedProblems.threeChild(), 2054), ExactSolverSettings.DEFAULT);
    private static final double[] TIMES = AgePdeSolution.uniformGrid(2024, 2054, 0.5, "time");

    private static double worstError(BirthIntegral rule) {
        double[] a = rule.ages(), t = rule.times();
        double[] integrand = new double[a.length];
        Fertility f = SeedProblems.threeChild();
        for (int j = 0; j < a.length; j++) {
            integrand[j] = f.rate(a[j], t[j]) * EXACT.density(a[j], t[j]);
        }
        double[] births = rule.apply(integrand);
        double worst = 0;
        for (int k = 0; k < TIMES.length; k++) {
            worst = Math.max(worst, Math.abs(births[k] / EXACT.births(TIMES[k]) - 1));
        }
        return worst;
    }

    @Test
    void splittingAtTheJumpLineGivesTheBirthsToNearMachinePrecision() {
        BirthIntegral split = new BirthIntegral(20, 35, TIMES, 16, t -> t - 2024);
        assertTrue(worstError(split) < 1e-12, "split: " + worstError(split));
        // without the split the jump inside the window (2044-2054) costs accuracy
        BirthIntegral plain = new BirthIntegral(20, 35, TIMES, 16, null);
        assertTrue(worstError(plain) > 1e-4, "unsplit: " + worstError(plain));
    }

    @Test
    void layoutIsOneRowOfWeightsPerTime() {
        BirthIntegral rule = new BirthIntegral(20, 35, new double[] {2030, 2050}, 4, t -> t - 2024);
        assertEquals(8, rule.nodesPerTime());
        assertEquals(16, rule.ages().length);
        double[][] w = rule.weights();
        double row0 = 0, row1 = 0, cross = 0;
        for (int j = 0; j < 16; j++) {
            row0 += j < 8 ? w[0][j] : 0;
            cross += j < 8 ? w[1][j] : w[0][j];
            row1 += j >= 8 ? w[1][j] : 0;
        }
        assertEquals(15, row0, 1e-12);
        assertEquals(15, row1, 1e-12);
        assertEquals(0, cross);
        assertEquals(2050, rule.times()[9]);
        assertThrows(IllegalArgumentException.class, () -> new BirthIntegral(35, 20, new double[] {2030}, 4, null));
    }
}
