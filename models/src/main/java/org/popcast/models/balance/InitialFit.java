package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.fitting.SimpleCurveFitter;
import org.hipparchus.fitting.WeightedObservedPoint;
import org.hipparchus.analysis.ParametricUnivariateFunction;
import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.LogLogisticCurve;

/**
 * Step 2 of the seed's algorithm: each curve fitted on its own by least squares (Hipparchus'
 * {@link SimpleCurveFitter}, Levenberg-Marquardt) to the yearly values observed, at mid-year:
 * birth and death rates B/N_mid and D/N_mid, arrivals and departures as counts, or, when only net
 * migration can be known, the net migration given or left over by the balance
 * (N[y+1] - N[y] - natural increase). The result starts the joint fit.
 */
final class InitialFit {

    private final Observations obs;
    private final List<List<double[]>> points;
    /** Each curve's fit per form, made once: the search over forms asks for them again and again. */
    private final java.util.Map<String, LogLogisticCurve> fitted = new java.util.HashMap<>();

    private InitialFit(Observations obs, List<List<double[]>> points) {
        this.obs = obs;
        this.points = points;
    }

    /** The yearly points of each curve, at mid-year in years from the origin. */
    static InitialFit of(Observations obs, int origin) {
        BalanceSeries s = obs.series;
        double[] ref = obs.reference;
        int n = s.years();
        List<List<double[]>> points = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double meanGrowth = 0;
        int growthCount = 0;
        for (int i = 0; i < n; i++) {
            double mid = (ref[i] + ref[i + 1]) / 2, t = s.year(i) + 0.5 - origin;
            add(points.get(0), t, s.births()[i] / mid);
            add(points.get(1), t, s.deaths()[i] / mid);
            if (!Double.isNaN(s.births()[i]) && !Double.isNaN(s.deaths()[i])) {
                meanGrowth += (s.births()[i] - s.deaths()[i]) / mid;
                growthCount++;
            } else if (!Double.isNaN(s.naturalIncrease()[i])) {
                meanGrowth += s.naturalIncrease()[i] / mid;
                growthCount++;
            }
        }
        meanGrowth = growthCount > 0 ? meanGrowth / growthCount : 0;
        for (int i = 0; i < n; i++) {
            double t = s.year(i) + 0.5 - origin;
            if (obs.separateMigration) {
                add(points.get(2), t, s.arrivals()[i]);
                add(points.get(3), t, s.departures()[i]);
            } else {
                add(points.get(2), t, netMigration(s, ref, i, meanGrowth));
            }
        }
        return new InitialFit(obs, points);
    }

    /** The forms the data support: {@link CurveForm#forObservations} of each curve's points, or all full. */
    CurveForm[] autoForms(boolean fullCurves) {
        CurveForm[] forms = new CurveForm[4];
        for (int k = 0; k < 4; k++) {
            boolean unused = k == 3 && !obs.separateMigration;
            forms[k] = unused ? CurveForm.ZERO : fullCurves ? CurveForm.FULL : CurveForm.forObservations(points.get(k).size());
        }
        return forms;
    }

    /** The parameter map of these forms. */
    ParameterMap map(CurveForm[] forms) {
        double[] fixedD = new double[4];
        for (int k = 0; k < 4; k++) {
            List<double[]> p = points.get(k);
            fixedD[k] = p.isEmpty() ? 1 : (p.get(0)[0] + p.get(p.size() - 1)[0]) / 2;
        }
        return new ParameterMap(forms, fixedD, new boolean[] {true, true, obs.separateMigration, obs.separateMigration});
    }

    /** Start values of the joint fit: each curve of its form fitted to its own points. */
    double[] start(ParameterMap map) {
        LogLogisticCurve[] curves = new LogLogisticCurve[4];
        for (int k = 0; k < 4; k++) {
            int curve = k;
            curves[k] = map.form(k) == CurveForm.ZERO ? LogLogisticCurve.constant(0)
                    : fitted.computeIfAbsent(k + " " + map.form(k),
                            key -> fit(points.get(curve), map.form(curve), map.fixedD(curve)));
        }
        double n0 = Double.isNaN(obs.reference[0]) ? 1 : obs.reference[0];
        return map.free(n0, new BalanceCurves(curves[0], curves[1], curves[2], curves[3]));
    }

    /** The size of each curve's values: the mean absolute value of its points (0 without points). */
    double[] levels() {
        double[] level = new double[4];
        for (int k = 0; k < 4; k++) {
            level[k] = points.get(k).stream().mapToDouble(q -> Math.abs(q[1])).average().orElse(0);
        }
        return level;
    }

    /** Net migration of year i: given, arrivals - departures, or the remainder of the balance. */
    private static double netMigration(BalanceSeries s, double[] ref, int i, double meanGrowth) {
        if (!Double.isNaN(s.netMigration()[i])) {
            return s.netMigration()[i];
        }
        double[] pop = s.population();
        if (i + 1 >= s.years() || Double.isNaN(pop[i]) || Double.isNaN(pop[i + 1])) {
            return Double.NaN;
        }
        double natural = !Double.isNaN(s.births()[i]) && !Double.isNaN(s.deaths()[i]) ? s.births()[i] - s.deaths()[i]
                : !Double.isNaN(s.naturalIncrease()[i]) ? s.naturalIncrease()[i]
                : meanGrowth * (pop[i] + pop[i + 1]) / 2;
        return pop[i + 1] - pop[i] - natural;
    }

    private static void add(List<double[]> points, double t, double value) {
        if (!Double.isNaN(value)) {
            points.add(new double[] {t, value});
        }
    }

    /** The curve of this form closest to the points; the start values if there are too few points. */
    private static LogLogisticCurve fit(List<double[]> points, CurveForm form, double fixedD) {
        double mean = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        if (points.isEmpty() || form == CurveForm.CONSTANT) {
            return LogLogisticCurve.constant(mean);
        }
        double first = points.get(0)[1], last = points.get(points.size() - 1)[1];
        double[] start = form == CurveForm.LEVELS ? new double[] {first, last}
                : new double[] {first, last, Math.log(2), Math.log(fixedD)};
        double[] p = start;
        if (points.size() > start.length) {
            List<WeightedObservedPoint> obs = points.stream().map(q -> new WeightedObservedPoint(1, q[0], q[1])).toList();
            try {
                p = SimpleCurveFitter.create(family(form, fixedD), start).withMaxIterations(500).fit(obs);
            } catch (MathRuntimeException | IllegalArgumentException e) {
                // a start that the joint fit refines anyway
                p = start;
            }
        }
        return form == CurveForm.LEVELS ? new LogLogisticCurve(p[0], p[1], 1, fixedD)
                : new LogLogisticCurve(p[0], p[1], bound(Math.exp(p[2]), ParameterMap.C_MIN, ParameterMap.C_MAX),
                bound(Math.exp(p[3]), ParameterMap.D_MIN, ParameterMap.D_MAX));
    }

    private static double bound(double v, double lo, double hi) {
        return Math.min(Math.max(v, lo), hi);
    }

    /** The curve's family over the free parameters of a form: (a, b) or (a, b, ln c, ln d). */
    private static ParametricUnivariateFunction family(CurveForm form, double fixedD) {
        return new ParametricUnivariateFunction() {
            @Override
            public double value(double t, double... p) {
                return curve(p).value(t);
            }

            @Override
            public double[] gradient(double t, double... p) {
                LogLogisticCurve c = curve(p);
                double[] g = c.gradient(t);
                return form == CurveForm.LEVELS ? new double[] {g[0], g[1]}
                        : new double[] {g[0], g[1], g[2] * c.c(), g[3] * c.d()};
            }

            private LogLogisticCurve curve(double[] p) {
                return form == CurveForm.LEVELS ? new LogLogisticCurve(p[0], p[1], 1, fixedD)
                        : new LogLogisticCurve(p[0], p[1], Math.exp(bound(p[2], -10, 10)), Math.exp(bound(p[3], -10, 10)));
            }
        };
    }
}
