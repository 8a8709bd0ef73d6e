package org.popcast.kernels.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrapezoidBalanceOdeTest {

    // constant rates: N' = r N + w, r = nuB - nuD, w = wI - wO
    static final double NU_B = 0.11, NU_D = 0.03, W_I = 40_000, W_O = 15_000, N0 = 1_000_000;
    static final BalanceCurves CONSTANT = new BalanceCurves(LogLogisticCurve.constant(NU_B), LogLogisticCurve.constant(NU_D),
            LogLogisticCurve.constant(W_I), LogLogisticCurve.constant(W_O));

    /** N(t) = (N0 + w/r) e^{rt} - w/r. */
    static double exactPopulation(double t) {
        double r = NU_B - NU_D, w = W_I - W_O;
        return (N0 + w / r) * Math.exp(r * t) - w / r;
    }

    /** integral_0^t nuB N = nuB ((N0 + w/r)(e^{rt} - 1)/r - w t / r). */
    static double exactCumulativeBirths(double t) {
        double r = NU_B - NU_D, w = W_I - W_O;
        return NU_B * ((N0 + w / r) * Math.expm1(r * t) / r - w * t / r);
    }

    @Test
    void constantRatesConvergeToTheExponentialSolutionAtSecondOrder() {
        int years = 20;
        double previous = Double.NaN;
        for (int steps : new int[] {1, 2, 4, 8, 16}) {
            BalancePath path = new TrapezoidBalanceOde(steps).solve(CONSTANT, N0, 2000, 2000, BalanceForcing.none(years), false);
            double err = 0, birthErr = 0, cumBirths = 0;
            for (int y = 0; y <= years; y++) {
                err = Math.max(err, Math.abs(path.population()[y] / exactPopulation(y) - 1));
            }
            for (int y = 0; y < years; y++) {
                cumBirths += path.births()[y];
                birthErr = Math.max(birthErr, Math.abs(cumBirths / exactCumulativeBirths(y + 1) - 1));
                assertEquals(W_I, path.arrivals()[y], 1e-9 * W_I);
            }
            if (steps == 16) {
                assertTrue(err < 5e-5 && birthErr < 5e-5, "h = 1/16: " + err + ", births " + birthErr);
            }
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / err) / Math.log(2);
                assertEquals(2.0, order, 0.05, "observed order at " + steps + " steps per year");
            }
            previous = err;
        }
    }

    private static BalanceCurves varying() {
        return new BalanceCurves(new LogLogisticCurve(0.014, 0.009, 2.5, 12), new LogLogisticCurve(0.011, 0.015, 1.5, 20),
                new LogLogisticCurve(30_000, 55_000, 4, 10), new LogLogisticCurve(20_000, 18_000, 2, 8));
    }

    @Test
    void flowsAddUpToThePopulationChangeEvenWithJumps() {
        BalanceForcing jumps = BalanceForcing.none(15);
        jumps.births()[3] = 1200;
        jumps.arrivals()[7] = 25_000;
        jumps.departures()[8] = 4000;
        jumps.populationStep()[10] = -30_000;
        BalancePath p = new TrapezoidBalanceOde(12).solve(varying(), 800_000, 1999, 2003, jumps, false);
        for (int y = 0; y < 15; y++) {
            double change = p.population()[y + 1] - p.population()[y] - jumps.populationStep()[y + 1];
            double flows = p.births()[y] - p.deaths()[y] + p.arrivals()[y] - p.departures()[y];
            assertEquals(change, flows, 1e-9 * p.population()[y], "year " + (2003 + y));
        }
        BalancePath plain = new TrapezoidBalanceOde(12).solve(varying(), 800_000, 1999, 2003, BalanceForcing.none(15), false);
        // the extra babies are counted once, and within the year they raise N, so nuB N a little too
        double extra = p.births()[3] - plain.births()[3];
        assertTrue(extra >= 1200 && extra < 1200 * (1 + 0.014), "extra births in year 3: " + extra);
    }

    @Test
    void sensitivitiesAreTheDerivativesOfTheDiscreteSolution() {
        TrapezoidBalanceOde ode = new TrapezoidBalanceOde(4);
        BalanceCurves curves = varying();
        double n0 = 800_000;
        BalancePath p = ode.solve(curves, n0, 1999, 2001, BalanceForcing.none(10), true);
        double[] theta = new double[TrapezoidBalanceOde.PARAMETERS];
        theta[0] = n0;
        System.arraycopy(curves.toArray(), 0, theta, 1, 16);
        for (int q = 0; q < theta.length; q++) {
            double step = 1e-4 * Math.max(1e-3, Math.abs(theta[q]));
            double[] up = theta.clone(), down = theta.clone();
            up[q] += step;
            down[q] -= step;
            BalancePath pu = ode.solve(BalanceCurves.of(up, 1), up[0], 1999, 2001, BalanceForcing.none(10), false);
            BalancePath pd = ode.solve(BalanceCurves.of(down, 1), down[0], 1999, 2001, BalanceForcing.none(10), false);
            for (int y : new int[] {0, 4, 9}) {
                check(p.dPopulation()[y + 1][q], pu.population()[y + 1], pd.population()[y + 1], step, "population", q);
                check(p.dBirths()[y][q], pu.births()[y], pd.births()[y], step, "births", q);
                check(p.dDeaths()[y][q], pu.deaths()[y], pd.deaths()[y], step, "deaths", q);
                check(p.dArrivals()[y][q], pu.arrivals()[y], pd.arrivals()[y], step, "arrivals", q);
                check(p.dDepartures()[y][q], pu.departures()[y], pd.departures()[y], step, "departures", q);
            }
        }
    }

    private static void check(double analytic, double up, double down, double step, String what, int q) {
        double fd = (up - down) / (2 * step);
        // central differences: truncation O(step^2) and rounding about 1e-16 |value| / step
        assertEquals(fd, analytic, 1e-6 * Math.abs(fd) + 1e-12 * Math.abs(up) / step, what + " d/dtheta_" + q);
    }

    @Test
    void rejectsAStartBeforeTheOrigin() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrapezoidBalanceOde(1).solve(CONSTANT, N0, 2000, 1999, BalanceForcing.none(2), false));
        assertThrows(IllegalArgumentException.class, () -> new TrapezoidBalanceOde(0));
    }
}
