package org.popcast.kernels.agepde;

import org.popcast.kernels.quadrature.CutPoints;
import org.popcast.kernels.quadrature.GaussLegendreRule;

/**
 * The exact solution of an {@link AgePdeProblem} by characteristics. With s = t - t0 and v the
 * ageing speed:
 * <pre>
 *   P(a, t) = P0(a - v s) exp(-(M(a) - M(a - v s)) / v)   for a >= v s   (alive at t0)
 *   P(a, t) = B(t - a / v) / v exp(-M(a) / v)             for a <  v s   (born after t0)
 * </pre>
 * with the births B from the {@link RenewalEquation}. P jumps across the line a = v s when P0(0)
 * differs from B(t0) / v; on the line itself the solver returns the value of the initial cohort.
 */
public final class ExactMvfSolver {

    private final AgePdeProblem problem;
    private final ExactSolverSettings settings;
    private final BirthHistory births;
    private final GaussLegendreRule rule;
    private final double[] mortalityKinks; // ascending
    private final double[] densityKinks;   // ascending

    public ExactMvfSolver(AgePdeProblem problem, ExactSolverSettings settings) {
        this.problem = problem;
        this.settings = settings;
        this.births = new RenewalEquation(problem, settings).solve();
        this.rule = GaussLegendreRule.of(settings.quadratureNodes());
        this.mortalityKinks = CutPoints.ascending(problem.mortality().breakpoints());
        this.densityKinks = CutPoints.ascending(problem.initialDensity().breakpoints());
    }

    public AgePdeProblem problem() {
        return problem;
    }

    /** Births per year at time t. */
    public double births(double t) {
        checkTime(t);
        return births.value(t);
    }

    /** Density, persons per year of age, at age a and time t. */
    public double density(double a, double t) {
        checkTime(t);
        double v = problem.ageingSpeed(), shift = v * (t - problem.startYear());
        Mortality mort = problem.mortality();
        if (a >= shift - 1e-9 * Math.max(1, shift)) {
            double origin = Math.max(0, a - shift);
            return problem.initialDensity().value(origin) * Math.exp(-(mort.cumulativeHazard(a) - mort.cumulativeHazard(origin)) / v);
        }
        return births.value(t - a / v) / v * Math.exp(-mort.cumulativeHazard(a) / v);
    }

    /** Total population on [0, maxAge] at time t: the exact integral of the density, split at its kinks and the jump line. */
    public double population(double t) {
        checkTime(t);
        double v = problem.ageingSpeed(), shift = v * (t - problem.startYear());
        double max = problem.maxAge();
        double[] cuts = CutPoints.merge(0, max, new double[] {shift}, mortalityKinks, RenewalEquation.shifted(mortalityKinks, shift),
                RenewalEquation.shifted(densityKinks, shift), births.boundaryAges(t, v, 0, max));
        return rule.integrateSized(a -> density(a, t), cuts, settings.quadraturePiece());
    }

    /** The solution on a grid of times and ages. */
    public AgePdeSolution onGrid(double[] times, double[] ages) {
        double[] density = new double[times.length * ages.length];
        double[] birthsOut = new double[times.length];
        double[] populationOut = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < ages.length; j++) {
                density[i * ages.length + j] = density(ages[j], times[i]);
            }
            birthsOut[i] = births(times[i]);
            populationOut[i] = population(times[i]);
        }
        return new AgePdeSolution(times.clone(), ages.clone(), density, birthsOut, populationOut);
    }

    private void checkTime(double t) {
        double tiny = 1e-9 * Math.max(1, Math.abs(problem.endYear()));
        if (!(t >= problem.startYear() - tiny && t <= problem.endYear() + tiny)) {
            throw new IllegalArgumentException("time " + t + " is outside the window " + problem.startYear() + " .. " + problem.endYear());
        }
    }
}
