package org.popcast.kernels.agepde;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.popcast.kernels.quadrature.CutPoints;
import org.popcast.kernels.quadrature.GaussLegendreRule;

/**
 * Births B(t) = integral b(a, t) P(a, t) da, solved by marching in time.
 *
 * <p>Along characteristics (s = t - t0, v the ageing speed) the births split in two:
 * <pre>
 *   B(t) = integral_{max(lo, v s)}^{hi} b(a,t) P0(a - v s) exp(-(M(a) - M(a - v s)) / v) da     initial cohort
 *        + integral_{lo}^{min(hi, v s)} b(a,t) B(t - a/v) / v exp(-M(a) / v) da               feedback
 * </pre>
 * where [lo, hi] is the fertile window. Since lo > 0 the feedback only reaches births at least
 * lo / v years back: with birth panels shorter than that, each panel depends on completed panels
 * only and the Volterra equation is explicit. Both integrals use composite Gauss-Legendre split
 * where the integrand kinks; panels end where B may kink or jump (see {@link #timeBreakpoints}).
 */
final class RenewalEquation {

    private static final int MAX_BREAKPOINTS = 100_000;

    private final AgePdeProblem problem;
    private final ExactSolverSettings settings;
    private final GaussLegendreRule rule;
    private final double[] mortalityKinks;   // ascending, made once
    private final double[] densityKinks;     // ascending, made once
    private final FertilityKinks fertilityKinks;

    RenewalEquation(AgePdeProblem problem, ExactSolverSettings settings) {
        this.problem = problem;
        this.settings = settings;
        this.rule = GaussLegendreRule.of(settings.quadratureNodes());
        this.mortalityKinks = CutPoints.ascending(problem.mortality().breakpoints());
        this.densityKinks = CutPoints.ascending(problem.initialDensity().breakpoints());
        this.fertilityKinks = new FertilityKinks(problem.fertility());
    }

    BirthHistory solve() {
        BirthHistory history = panels();
        for (int k = 0; k < history.panelCount(); k++) {
            double[] t = history.panelNodes(k);
            double[] b = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                b[j] = fromInitialCohort(t[j]) + feedback(t[j], history);
            }
            history.fill(k, b);
        }
        return history;
    }

    /** Births to the initial cohort, alive at t. */
    double fromInitialCohort(double t) {
        double v = problem.ageingSpeed(), shift = v * (t - problem.startYear());
        Fertility fert = problem.fertility();
        Mortality mort = problem.mortality();
        double lo = Math.max(fert.minAge(), shift), hi = fert.maxAge(), m = fert.multiplier(t);
        if (!(hi > lo)) {
            return 0;
        }
        double[] cuts = CutPoints.merge(lo, hi, fertilityKinks.at(t), mortalityKinks, shifted(mortalityKinks, shift),
                shifted(densityKinks, shift));
        return rule.integrateSized(a -> {
            double b = fert.rateAt(a, m);
            if (b == 0) {
                return 0;
            }
            double survival = Math.exp(-(mort.cumulativeHazard(a) - mort.cumulativeHazard(a - shift)) / v);
            return b * problem.initialDensity().value(a - shift) * survival;
        }, cuts, settings.quadraturePiece());
    }

    /** Births to people born after t0, from births already computed. */
    private double feedback(double t, BirthHistory history) {
        double v = problem.ageingSpeed(), shift = v * (t - problem.startYear());
        Fertility fert = problem.fertility();
        Mortality mort = problem.mortality();
        double lo = fert.minAge(), hi = Math.min(fert.maxAge(), shift), m = fert.multiplier(t);
        if (!(hi > lo)) {
            return 0;
        }
        double[] cuts = CutPoints.merge(lo, hi, fertilityKinks.at(t), mortalityKinks, history.boundaryAges(t, v, lo, hi));
        return rule.integrateSized(a -> {
            double b = fert.rateAt(a, m);
            return b == 0 ? 0 : b * history.value(t - a / v) / v * Math.exp(-mort.cumulativeHazard(a) / v);
        }, cuts, settings.quadraturePiece());
    }

    /** Birth panels: between the time breakpoints, no longer than the panel length or half the shortest feedback delay. */
    private BirthHistory panels() {
        double maxLength = Math.min(settings.panelLength(), 0.5 * problem.fertility().minAge() / problem.ageingSpeed());
        double[] cuts = timeBreakpoints();
        List<double[]> spans = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.length; i++) {
            int pieces = Math.max(1, (int) Math.ceil((cuts[i + 1] - cuts[i]) / maxLength - 1e-9));
            double width = (cuts[i + 1] - cuts[i]) / pieces;
            for (int p = 0; p < pieces; p++) {
                spans.add(new double[] {cuts[i] + p * width, p == pieces - 1 ? cuts[i + 1] : cuts[i] + (p + 1) * width});
            }
        }
        double[] starts = spans.stream().mapToDouble(s -> s[0]).toArray();
        double[] ends = spans.stream().mapToDouble(s -> s[1]).toArray();
        return new BirthHistory(starts, ends, settings.panelNodes());
    }

    /**
     * Times in [t0, t1] where B may kink or jump: fertility step years; the times when the lower
     * limit v s or a shifted breakpoint of P0 or mu crosses a breakpoint of b or mu in the fertile
     * window; and every such time carried forward by the ages of those breakpoints (the feedback).
     */
    double[] timeBreakpoints() {
        double t0 = problem.startYear(), t1 = problem.endYear(), v = problem.ageingSpeed();
        Fertility fert = problem.fertility();
        double[] windowKinks = concat(fert.ageBreakpointsAnyTime(),
                Arrays.stream(problem.mortality().breakpoints()).filter(m -> m >= fert.minAge() && m <= fert.maxAge()).toArray());
        double[] movingKinks = concat(new double[] {0}, problem.initialDensity().breakpoints(), problem.mortality().breakpoints());

        double tiny = 1e-9 * Math.max(1, Math.abs(t1));
        TreeSet<Double> found = new TreeSet<>();
        ArrayDeque<Double> todo = new ArrayDeque<>();
        // one flat array: nesting DoubleStream.concat per kink overflowed the stack on single-year tables
        double[] seeds = new double[1 + fert.timeBreakpoints().length + windowKinks.length * movingKinks.length];
        int n = 0;
        seeds[n++] = t0;
        for (double t : fert.timeBreakpoints()) {
            seeds[n++] = t;
        }
        for (double w : windowKinks) {
            for (double m : movingKinks) {
                seeds[n++] = t0 + (w - m) / v;
            }
        }
        Arrays.stream(seeds).filter(t -> t >= t0 && t < t1).forEach(t -> add(t, found, todo, tiny));
        while (!todo.isEmpty()) {
            double t = todo.poll();
            for (double w : windowKinks) {
                double next = t + w / v;
                if (next < t1 && w > 0) {
                    add(next, found, todo, tiny);
                }
            }
            if (found.size() > MAX_BREAKPOINTS) {
                throw new IllegalArgumentException("the inputs make births kink at more than " + MAX_BREAKPOINTS
                        + " times; use coarser tables");
            }
        }
        found.add(t1);
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void add(double t, TreeSet<Double> found, ArrayDeque<Double> todo, double tiny) {
        Double lower = found.floor(t + tiny);
        if (lower != null && t - lower <= tiny) {
            return;
        }
        Double higher = found.ceiling(t);
        if (higher != null && higher - t <= tiny) {
            return;
        }
        found.add(t);
        todo.add(t);
    }

    static double[] shifted(double[] ages, double shift) {
        double[] out = new double[ages.length];
        for (int i = 0; i < ages.length; i++) {
            out[i] = ages[i] + shift;
        }
        return out;
    }

    static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}
