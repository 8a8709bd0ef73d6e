package org.popcast.kernels.balance;

import org.hipparchus.analysis.ParametricUnivariateFunction;

/**
 * The four-parameter log-logistic curve of the balance model (seed 002, formulas 4B-4O; the LL.4
 * dose-response model of R's drc):
 *
 * <pre>
 *   f(t) = (a + b (t/d)^c) / (1 + (t/d)^c) = a + (b - a) s(t),   s(t) = 1 / (1 + (t/d)^-c),
 * </pre>
 *
 * t in years from the model's origin (t >= 0). a is the value at t = 0, b the limit as t grows,
 * d the time of the inflection (where s = 1/2) and c the steepness there. With
 * s' = s (1 - s) the parameter derivatives are
 *
 * <pre>
 *   df/da = 1 - s,  df/db = s,  df/dc = (b - a) s (1 - s) ln(t/d),  df/dd = -(b - a) s (1 - s) c / d.
 * </pre>
 *
 * s is computed as a logistic function of c ln(t/d), so large c never overflows.
 */
public record LogLogisticCurve(double a, double b, double c, double d) {

    /** Number of parameters: a, b, c, d. */
    public static final int PARAMETERS = 4;

    /** The parameter names, in the order of {@link #toArray()} and {@link #gradient(double)}. */
    public static final String[] NAMES = {"a", "b", "c", "d"};

    /** The curve as a parametric family, for Hipparchus' curve fitters. */
    public static final ParametricUnivariateFunction FAMILY = new ParametricUnivariateFunction() {
        @Override
        public double value(double t, double... p) {
            return of(p).value(t);
        }

        @Override
        public double[] gradient(double t, double... p) {
            return of(p).gradient(t);
        }
    };

    public LogLogisticCurve {
        if (!(c > 0) || !(d > 0) || !Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("log-logistic curve needs finite a, b and c > 0, d > 0, got a=" + a
                    + " b=" + b + " c=" + c + " d=" + d);
        }
    }

    /** A constant curve (a = b): c and d are then irrelevant and set to 1. */
    public static LogLogisticCurve constant(double value) {
        return new LogLogisticCurve(value, value, 1, 1);
    }

    public static LogLogisticCurve of(double... p) {
        if (p.length != PARAMETERS) {
            throw new IllegalArgumentException("log-logistic curve needs 4 parameters, got " + p.length);
        }
        return new LogLogisticCurve(p[0], p[1], p[2], p[3]);
    }

    public double[] toArray() {
        return new double[] {a, b, c, d};
    }

    public double value(double t) {
        return a + (b - a) * share(t);
    }

    /** {df/da, df/db, df/dc, df/dd} at t. */
    public double[] gradient(double t) {
        double s = share(t);
        double slope = s * (1 - s);
        // At t = 0 (and far below d) s(1 - s) underflows to 0 while ln(t/d) -> -inf: the limit is 0.
        double dc = slope == 0 ? 0 : (b - a) * slope * Math.log(t / d);
        double dd = -(b - a) * slope * c / d;
        return new double[] {1 - s, s, dc, dd};
    }

    /** s(t) = (t/d)^c / (1 + (t/d)^c). */
    private double share(double t) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("log-logistic curve: t must be >= 0 years from the origin, got " + t);
        }
        if (t == 0) {
            return 0;
        }
        return 1 / (1 + Math.exp(-c * Math.log(t / d)));
    }
}
