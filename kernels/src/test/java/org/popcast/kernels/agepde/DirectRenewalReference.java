package org.popcast.kernels.agepde;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * An independent exact solution for unit ageing speed and horizons shorter than twice the first
 * fertile age: no panels, no interpolation. Births are the initial-cohort integral F(t) plus one
 * level of feedback, integral b(a,t) exp(-M(a)) F(t - a) da, each by Hipparchus' adaptive Gauss
 * integrator over pieces where the integrand is smooth (the caller names the kinks).
 */
final class DirectRenewalReference {

    private final AgePdeProblem p;
    private final double[] fertilityKinks;
    private final double[] timeJumps;
    private final Map<Long, Double> birthsOnLattice = new HashMap<>();

    DirectRenewalReference(AgePdeProblem problem, double[] fertilityKinks, double[] timeJumps) {
        if (problem.ageingSpeed() != 1 || problem.endYear() - problem.startYear() >= 2 * problem.fertility().minAge()) {
            throw new IllegalArgumentException("the direct reference covers one feedback generation at unit speed");
        }
        this.p = problem;
        this.fertilityKinks = fertilityKinks;
        this.timeJumps = timeJumps;
    }

    private static double integrate(DoubleUnaryOperator f, double lo, double hi, double... cuts) {
        double[] all = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(lo, hi),
                java.util.Arrays.stream(cuts).filter(c -> c > lo && c < hi)).sorted().toArray();
        double sum = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i + 1] > all[i]) {
                sum += new IterativeLegendreGaussIntegrator(10, 1e-14, 1e-30).integrate(10_000_000, f::applyAsDouble, all[i], all[i + 1]);
            }
        }
        return sum;
    }

    double initialCohortBirths(double t) {
        double s = t - p.startYear();
        Mortality m = p.mortality();
        return integrate(a -> p.fertility().rate(a, t) * p.initialDensity().value(a - s)
                        * Math.exp(-(m.cumulativeHazard(a) - m.cumulativeHazard(a - s))),
                Math.max(p.fertility().minAge(), s), p.fertility().maxAge(), fertilityKinks);
    }

    double births(double t) {
        double s = t - p.startYear();
        double hi = Math.min(p.fertility().maxAge(), s);
        double feedback = 0;
        if (hi > p.fertility().minAge()) {
            double[] cuts = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(fertilityKinks),
                    java.util.Arrays.stream(timeJumps).map(j -> t - j)).toArray();
            feedback = integrate(a -> p.fertility().rate(a, t) * Math.exp(-p.mortality().cumulativeHazard(a))
                    * initialCohortBirths(t - a), p.fertility().minAge(), hi, cuts);
        }
        return initialCohortBirths(t) + feedback;
    }

    /** Density; births are cached on a 1e-6-year lattice because grids revisit the same birth times. */
    double density(double a, double t) {
        double s = t - p.startYear();
        Mortality m = p.mortality();
        if (a >= s - 1e-9) {
            return p.initialDensity().value(a - s) * Math.exp(-(m.cumulativeHazard(a) - m.cumulativeHazard(a - s)));
        }
        double born = t - a;
        double b = birthsOnLattice.computeIfAbsent(Math.round(born * 1e6), k -> births(born));
        return b * Math.exp(-m.cumulativeHazard(a));
    }
}
