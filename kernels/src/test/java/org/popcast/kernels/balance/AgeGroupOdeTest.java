package org.popcast.kernels.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgeGroupOdeTest {

    static final double B = 0.03, D = 0.01, N0 = 1e6, WY = 16, WW = 44;
    static final double[] G0 = {2e5, 6e5, 2e5};

    /** x' + lambda x = sum_k c_k e^{mu_k t}, x(0) = x0, as exponential terms {c, mu}. */
    static List<double[]> solveLinear(double lambda, List<double[]> forcing, double x0) {
        List<double[]> terms = new ArrayList<>();
        double particular0 = 0;
        for (double[] f : forcing) {
            double c = f[0] / (f[1] + lambda);
            terms.add(new double[] {c, f[1]});
            particular0 += c;
        }
        terms.add(new double[] {x0 - particular0, -lambda});
        return terms;
    }

    static double at(List<double[]> terms, double t) {
        return terms.stream().mapToDouble(c -> c[0] * Math.exp(c[1] * t)).sum();
    }

    @Test
    void equalDeathRatesWithoutMigrationMatchTheClosedFormAtSecondOrder() {
        BalanceCurves curves = new BalanceCurves(LogLogisticCurve.constant(B), LogLogisticCurve.constant(D),
                LogLogisticCurve.constant(0), LogLogisticCurve.constant(0));
        double r = B - D;
        List<double[]> young = solveLinear(D + 1 / WY, List.<double[]>of(new double[] {B * N0, r}), G0[0]);
        List<double[]> working = solveLinear(D + 1 / WW,
                young.stream().map(c -> new double[] {c[0] / WY, c[1]}).toList(), G0[1]);
        int years = 30;
        double previous = Double.NaN;
        for (int steps : new int[] {2, 4, 8}) {
            AgeGroupOde.Solution s = new AgeGroupOde(steps).solve(curves, N0, 2000, 2000, G0, new double[] {0.2, 0.7, 0.1},
                    new double[] {1, 1, 1}, new double[] {WY, WW}, BalanceForcing.none(years));
            double err = 0;
            for (int y = 0; y <= years; y++) {
                double total = N0 * Math.exp(r * y);
                double[] exact = {at(young, y), at(working, y), 0};
                exact[2] = total - exact[0] - exact[1];
                for (int i = 0; i < 3; i++) {
                    err = Math.max(err, Math.abs(s.groups()[y][i] / exact[i] - 1));
                }
            }
            assertTrue(s.maxCorrection() < 1e-12, "equal death rates need no projection: " + s.maxCorrection());
            if (!Double.isNaN(previous)) {
                assertEquals(2.0, Math.log(previous / err) / Math.log(2), 0.1, "order at " + steps + " steps per year");
            }
            previous = err;
        }
        assertTrue(previous < 1e-4, "error at 8 steps per year: " + previous);
    }

    @Test
    void groupsAddUpToLevelOneWithMigrationUnequalMortalityAndJumps() {
        BalanceCurves curves = new BalanceCurves(new LogLogisticCurve(0.013, 0.009, 3, 12),
                new LogLogisticCurve(0.009, 0.013, 2, 20), new LogLogisticCurve(40_000, 60_000, 2, 10),
                new LogLogisticCurve(30_000, 25_000, 1, 15));
        BalanceForcing jumps = BalanceForcing.none(25);
        jumps.arrivals()[5] = 10_000;
        jumps.populationStep()[12] = 50_000;
        BalancePath level1 = new TrapezoidBalanceOde(4).solve(curves, N0, 1999, 2001, jumps, false);
        AgeGroupOde.Solution s = new AgeGroupOde(4).solve(curves, N0, 1999, 2001, G0, new double[] {0.15, 0.8, 0.05},
                new double[] {0.1, 0.5, 6}, new double[] {WY, WW}, jumps);
        for (int y = 0; y <= 25; y++) {
            double sum = s.groups()[y][0] + s.groups()[y][1] + s.groups()[y][2];
            assertEquals(level1.population()[y], sum, 1e-9 * sum, "year " + y);
        }
        assertTrue(s.maxCorrection() < 1e-4 && s.maxCorrection() > 0, "projection " + s.maxCorrection());
        // with twelve times the working-age death rate the old are fewer, the others more, than with equal rates
        AgeGroupOde.Solution equal = new AgeGroupOde(4).solve(curves, N0, 1999, 2001, G0, new double[] {0.15, 0.8, 0.05},
                new double[] {1, 1, 1}, new double[] {WY, WW}, jumps);
        assertTrue(s.groups()[25][2] < 0.9 * equal.groups()[25][2], "old: " + s.groups()[25][2] + " vs " + equal.groups()[25][2]);
        assertTrue(s.groups()[25][1] > equal.groups()[25][1], "working");
    }

    @Test
    void rejectsBadSharesAndGroups() {
        BalanceCurves c = new BalanceCurves(LogLogisticCurve.constant(B), LogLogisticCurve.constant(D),
                LogLogisticCurve.constant(0), LogLogisticCurve.constant(0));
        AgeGroupOde ode = new AgeGroupOde(2);
        assertThrows(IllegalArgumentException.class, () -> ode.solve(c, N0, 2000, 2000, G0, new double[] {0.5, 0.6, 0.1},
                new double[] {1, 1, 1}, new double[] {WY, WW}, BalanceForcing.none(1)));
        assertThrows(IllegalArgumentException.class, () -> ode.solve(c, N0, 2000, 2000, new double[] {0, 1, 1},
                new double[] {0.2, 0.7, 0.1}, new double[] {1, 1, 1}, new double[] {WY, WW}, BalanceForcing.none(1)));
    }
}
