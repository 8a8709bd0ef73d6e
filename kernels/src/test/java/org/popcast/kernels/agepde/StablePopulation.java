package org.popcast.kernels.agepde;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * A reference problem with a closed-form solution, shared by the tests of every solver through the
 * kernels test-jar: constant mortality {@code mu}, constant fertility {@code beta} on ages
 * [{@code lo}, {@code hi}), ageing speed {@code v}, and the stable initial density
 * P0(a) = c exp(-(r + mu) a / v), where r solves Lotka's equation
 * beta (exp(-(r + mu) lo / v) - exp(-(r + mu) hi / v)) / (r + mu) = 1. The population then grows as
 * exp(r s) in every age: B(s) = v c exp(r s), P(a, s) = c exp(r s - (r + mu) a / v), and
 * N(s) = c exp(r s) v / (r + mu) (1 - exp(-(r + mu) A / v)) up to the age limit A.
 */
public record StablePopulation(double mu, double beta, double lo, double hi, double speed, double scale, double r) {

    /** The standard case: mu 0.01, beta 0.12 on [20, 35), c = {@code scale}. */
    public static StablePopulation standard(double speed, double scale) {
        return of(0.01, 0.12, speed, scale);
    }

    /** Mortality {@code mu}, fertility {@code beta} on [20, 35), c = {@code scale}. */
    public static StablePopulation of(double mu, double beta, double speed, double scale) {
        double lo = 20, hi = 35;
        double r = new BrentSolver(1e-15).solve(200, x -> beta * (Math.exp(-(x + mu) * lo / speed)
                - Math.exp(-(x + mu) * hi / speed)) / (x + mu) - 1, -0.5, 0.5);
        return new StablePopulation(mu, beta, lo, hi, speed, scale, r);
    }

    /** The problem over [start, end] with the age limit 100. */
    public AgePdeProblem problem(double start, double end) {
        return new AgePdeProblem(start, end, 100, speed, Mortality.linearExponential(mu, 0, 1000, 1e-9),
                Fertility.of(Fertility.table(new double[] {lo, hi}, new double[] {beta, beta})),
                InitialDensity.seed(scale, (r + mu) / speed, 0, 0));
    }

    /** Births per year, {@code s} years after the start. */
    public double births(double s) {
        return speed * scale * Math.exp(r * s);
    }

    /** The density at age {@code a}, {@code s} years after the start. */
    public double density(double a, double s) {
        return scale * Math.exp(r * s - (r + mu) * a / speed);
    }

    /** The population of ages 0..100, {@code s} years after the start. */
    public double population(double s) {
        return scale * Math.exp(r * s) * speed / (r + mu) * -Math.expm1(-(r + mu) * 100 / speed);
    }
}
