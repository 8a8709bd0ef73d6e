package org.popcast.models.pinn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.kernels.agepde.Fertility;
import org.popcast.kernels.agepde.InitialDensity;
import org.popcast.kernels.agepde.Mortality;

class PinnTrainerTest {

    /**
     * A stable population (P0 = c exp(-(r + mu) a), r from Lotka's equation): continuous across the
     * corner, so a smooth network can fit it. The seed's problem jumps there (see docs/pinn-design.md).
     */
    private static AgePdeProblem stablePopulation() {
        double mu = 0.01, beta = 0.12, lo = 20, hi = 35;
        double r = new BrentSolver(1e-15).solve(200,
                z -> beta * (Math.exp(-(z + mu) * lo) - Math.exp(-(z + mu) * hi)) / (z + mu) - 1, -0.5, 0.5);
        return new AgePdeProblem(2024, 2054, 100, 1, Mortality.linearExponential(mu, 0, 1000, 1e-9),
                Fertility.of(Fertility.table(new double[] {lo, hi}, new double[] {beta, beta})),
                InitialDensity.seed(1e7, r + mu, 0, 0));
    }

    private static final PinnTrainer.Settings SMALL = new PinnTrainer.Settings(new int[] {32, 32}, 1024, 16, 8, 1e-3f, 42);

    private static double relL2(PinnTrainer trainer, AgePdeProblem problem) {
        ExactMvfSolver exact = new ExactMvfSolver(problem, ExactSolverSettings.DEFAULT);
        double[] ages = new double[31 * 21], years = new double[ages.length];
        int n = 0;
        for (int i = 0; i <= 30; i++) {
            for (int j = 0; j <= 20; j++, n++) {
                ages[n] = 5 * j;
                years[n] = 2024 + i;
            }
        }
        double[] p = trainer.density(ages, years, problem);
        double d2 = 0, r2 = 0;
        for (int i = 0; i < n; i++) {
            double ref = exact.density(ages[i], years[i]);
            d2 += (p[i] - ref) * (p[i] - ref);
            r2 += ref * ref;
        }
        return Math.sqrt(d2 / r2);
    }

    @Test
    void learnsAContinuousProblemToOnePercent() {
        AgePdeProblem problem = stablePopulation();
        try (PinnTrainer trainer = new PinnTrainer(problem, SMALL)) {
            double before = relL2(trainer, problem);
            long t0 = System.nanoTime();
            float[] losses = trainer.train(2000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double after = relL2(trainer, problem);
            System.out.printf("PINN, stable population: rel L2 %.3e -> %.3e, loss pde %.3e bc %.3e, %.0f steps/s%n",
                    before, after, losses[0], losses[1], 2000 / seconds);
            assertTrue(after < 1e-2, "rel L2 after 2000 steps " + after);
        }
    }

    @Test
    void sameSeedSameNumbers() {
        AgePdeProblem problem = stablePopulation();
        double[] a = {10, 50}, y = {2030, 2050};
        double[] first, second;
        try (PinnTrainer t = new PinnTrainer(problem, SMALL)) {
            t.train(100);
            first = t.density(a, y, problem);
        }
        try (PinnTrainer t = new PinnTrainer(problem, SMALL)) {
            t.train(100);
            second = t.density(a, y, problem);
        }
        assertArrayEquals(first, second, 0);
    }
}
