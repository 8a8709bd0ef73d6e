package org.popcast.kernels.agepde;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.DoubleStream;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Age-specific fertility b(a, t) = min(base(a) (1 + sum of increments whose step year is <= t), cap):
 * a base age shape, raised in steps at given years (a policy), and capped. The steps make b
 * right-continuous in time; the cap makes it kink in age where base(a) times the multiplier
 * reaches the cap.
 */
public final class Fertility {

    /** A base age shape of fertility: zero outside [minAge, maxAge]. */
    public interface Shape extends AgeFunction {
        /** Ages in (minAge, maxAge) where the shape crosses {@code level}. */
        double[] crossings(double level);

        double minAge();

        double maxAge();

        /** The shape at ages (N x 1) inside [minAge, maxAge], as graph ops (the birth integral's nodes lie there). */
        <T extends TFloating> Operand<T> graphInside(Ops tf, Operand<T> ages);
    }

    private final Shape base;
    private final double[] stepYears;
    private final double[] increments;
    private final double cap;

    /**
     * @param cap the largest rate, or {@code Double.POSITIVE_INFINITY} for none
     */
    public Fertility(Shape base, double[] stepYears, double[] increments, double cap) {
        if (stepYears.length != increments.length) {
            throw new IllegalArgumentException("fertility steps need one increment per step year, got "
                    + stepYears.length + " years and " + increments.length + " increments");
        }
        if (!(cap > 0)) {
            throw new IllegalArgumentException("fertility cap must be > 0, got " + cap);
        }
        for (int i = 0; i < stepYears.length; i++) {
            if (!Double.isFinite(stepYears[i]) || !Double.isFinite(increments[i])) {
                throw new IllegalArgumentException("fertility step " + (i + 1) + " is not a finite number");
            }
        }
        this.base = base;
        this.stepYears = stepYears.clone();
        this.increments = increments.clone();
        this.cap = cap;
        for (double year : this.stepYears) {
            if (multiplier(year) < 0) {
                throw new IllegalArgumentException("fertility multiplier becomes negative ("
                        + multiplier(year) + ") from " + year + ": increments add up below -1");
            }
        }
    }

    /** Fertility without steps or cap. */
    public static Fertility of(Shape base) {
        return new Fertility(base, new double[0], new double[0], Double.POSITIVE_INFINITY);
    }

    /**
     * {@code factor} b(a, t), factor > 0: the base shape and the cap both scaled, so that
     * min(factor base m, factor cap) = factor min(base m, cap) and every kink stays put.
     */
    public Fertility scaled(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("a fertility scale must be a finite number > 0, got " + factor);
        }
        return new Fertility(scaledShape(base, factor), stepYears, increments, cap * factor);
    }

    private static Shape scaledShape(Shape base, double factor) {
        return new Shape() {
            @Override
            public double value(double a) {
                return factor * base.value(a);
            }

            @Override
            public double[] breakpoints() {
                return base.breakpoints();
            }

            @Override
            public double[] crossings(double level) {
                return base.crossings(level / factor);
            }

            @Override
            public <T extends TFloating> Operand<T> graphInside(Ops tf, Operand<T> ages) {
                return tf.math.mul(Constants.scalar(tf, factor, ages.type()), base.graphInside(tf, ages));
            }

            @Override
            public double minAge() {
                return base.minAge();
            }

            @Override
            public double maxAge() {
                return base.maxAge();
            }
        };
    }

    public double rate(double age, double time) {
        return rateAt(age, multiplier(time));
    }

    /** b(a, t) given t's {@link #multiplier}: for integrals over age at one time. */
    public double rateAt(double age, double multiplier) {
        double b = base.value(age);
        return b == 0 ? 0 : Math.min(b * multiplier, cap);
    }

    /**
     * b(a, t) at points inside the fertile window as graph ops: ages and times are N x 1 (data, not
     * differentiated). The policy steps are step functions of time, the cap a minimum.
     */
    public <T extends TFloating> Operand<T> graphInside(Ops tf, Operand<T> ages, Operand<T> times) {
        Class<T> type = ages.type();
        Operand<T> multiplier = Constants.scalar(tf, 1, type);
        for (int i = 0; i < stepYears.length; i++) {
            Operand<T> taken = tf.dtypes.cast(tf.math.greaterEqual(times, Constants.scalar(tf, stepYears[i], type)), type);
            multiplier = tf.math.add(multiplier, tf.math.mul(taken, Constants.scalar(tf, increments[i], type)));
        }
        Operand<T> rate = tf.math.mul(base.graphInside(tf, ages), multiplier);
        return Double.isFinite(cap) ? tf.math.minimum(rate, Constants.scalar(tf, cap, type)) : rate;
    }

    /** 1 + the increments of the steps taken by {@code time}. */
    public double multiplier(double time) {
        double m = 1;
        for (int i = 0; i < stepYears.length; i++) {
            if (time >= stepYears[i]) {
                m += increments[i];
            }
        }
        return m;
    }

    public double minAge() {
        return base.minAge();
    }

    public double maxAge() {
        return base.maxAge();
    }

    /** Years where b jumps in time. */
    public double[] timeBreakpoints() {
        return DoubleStream.of(stepYears).sorted().distinct().toArray();
    }

    /** Ages where b(., time) is not smooth: the shape's own breakpoints and where the cap binds. */
    public double[] ageBreakpoints(double time) {
        double m = multiplier(time);
        double[] capKinks = m > 0 && Double.isFinite(cap) ? base.crossings(cap / m) : new double[0];
        return DoubleStream.concat(Arrays.stream(base.breakpoints()), Arrays.stream(capKinks)).sorted().distinct().toArray();
    }

    /** The union of {@link #ageBreakpoints} over all times. */
    public double[] ageBreakpointsAnyTime() {
        TreeSet<Double> all = new TreeSet<>();
        double[] probes = DoubleStream.concat(DoubleStream.of(Double.NEGATIVE_INFINITY), DoubleStream.of(stepYears)).toArray();
        for (double t : probes) {
            for (double a : ageBreakpoints(t)) {
                all.add(a);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The seed's base shape: scale (a - from)(to - a) on [from, to], zero elsewhere. */
    public static Shape quadratic(double scale, double from, double to) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("fertility scale must be > 0, got " + scale);
        }
        if (!(from >= 0 && to > from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("fertility ages need 0 <= from < to, got from " + from + " to " + to);
        }
        return new Shape() {
            @Override
            public double value(double a) {
                return a > from && a < to ? scale * (a - from) * (to - a) : 0;
            }

            @Override
            public double[] breakpoints() {
                return new double[] {from, to};
            }

            @Override
            public double[] crossings(double level) {
                double half = 0.5 * (to - from), mid = 0.5 * (to + from);
                double u2 = half * half - level / scale;
                return u2 > 0 && level > 0 ? new double[] {mid - Math.sqrt(u2), mid + Math.sqrt(u2)} : new double[0];
            }

            @Override
            public <T extends TFloating> Operand<T> graphInside(Ops tf, Operand<T> ages) {
                Class<T> type = ages.type();
                Operand<T> product = tf.math.mul(tf.math.sub(ages, Constants.scalar(tf, from, type)),
                        tf.math.sub(Constants.scalar(tf, to, type), ages));
                return tf.nn.relu(tf.math.mul(Constants.scalar(tf, scale, type), product));
            }

            @Override
            public double minAge() {
                return from;
            }

            @Override
            public double maxAge() {
                return to;
            }
        };
    }

    /** A table of rates by age, linear between its ages and zero outside the first and last. */
    public static Shape table(double[] ages, double[] rates) {
        PiecewiseLinear table = new PiecewiseLinear(ages, rates);
        if (table.minValue() < 0) {
            throw new IllegalArgumentException("fertility rates must be >= 0, the table has " + table.minValue());
        }
        if (table.firstAge() < 0 || !(table.lastAge() > table.firstAge())) {
            throw new IllegalArgumentException("a fertility table needs at least two ages, all >= 0");
        }
        return new Shape() {
            @Override
            public double value(double a) {
                return a >= table.firstAge() && a <= table.lastAge() ? table.value(a) : 0;
            }

            @Override
            public double[] breakpoints() {
                return table.breakpoints();
            }

            @Override
            public double[] crossings(double level) {
                return table.crossings(level);
            }

            @Override
            public <T extends TFloating> Operand<T> graphInside(Ops tf, Operand<T> ages) {
                return table.graph(tf, ages);
            }

            @Override
            public double minAge() {
                return table.firstAge();
            }

            @Override
            public double maxAge() {
                return table.lastAge();
            }
        };
    }
}
