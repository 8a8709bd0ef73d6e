package org.popcast.kernels.agepde;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A table by age, interpolated linearly between its ages and held constant beyond the first and
 * last ones. Serves the tabulated forms of mortality, fertility and the initial density.
 */
public final class PiecewiseLinear implements GraphAgeFunction {

    private final double[] ages;
    private final double[] values;
    private final double[] cumulative; // integral from ages[0] to ages[i]
    private final double fromFirstToZero; // integral from ages[0] to 0
    private final double step;            // the spacing of the ages when all are equal, else 0

    public PiecewiseLinear(double[] ages, double[] values) {
        if (ages.length == 0 || ages.length != values.length) {
            throw new IllegalArgumentException("an age table needs as many values as ages and at least one row, got "
                    + ages.length + " ages and " + values.length + " values");
        }
        for (int i = 0; i < ages.length; i++) {
            if (!Double.isFinite(ages[i]) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("age table row " + (i + 1) + " is not a finite number");
            }
            if (i > 0 && !(ages[i] > ages[i - 1])) {
                throw new IllegalArgumentException("age table ages must increase strictly: " + ages[i - 1]
                        + " is followed by " + ages[i]);
            }
        }
        this.ages = ages.clone();
        this.values = values.clone();
        this.cumulative = new double[ages.length];
        for (int i = 1; i < ages.length; i++) {
            cumulative[i] = cumulative[i - 1] + 0.5 * (values[i] + values[i - 1]) * (ages[i] - ages[i - 1]);
        }
        this.step = evenStep(this.ages);
        this.fromFirstToZero = integralFromFirst(0);
    }

    @Override
    public double value(double age) {
        int n = ages.length;
        if (age <= ages[0]) {
            return values[0];
        }
        if (age >= ages[n - 1]) {
            return values[n - 1];
        }
        int i = segment(age);
        double w = (age - ages[i]) / (ages[i + 1] - ages[i]);
        return values[i] + w * (values[i + 1] - values[i]);
    }

    /** The exact integral of the interpolant from 0 to {@code age}. */
    public double integral(double age) {
        return integralFromFirst(age) - fromFirstToZero;
    }

    private double integralFromFirst(double age) {
        int n = ages.length;
        if (age <= ages[0]) {
            return (age - ages[0]) * values[0];
        }
        if (age >= ages[n - 1]) {
            return cumulative[n - 1] + (age - ages[n - 1]) * values[n - 1];
        }
        int i = segment(age); // one search: the value at age is interpolated on the same segment
        double dx = age - ages[i];
        double at = values[i] + dx / (ages[i + 1] - ages[i]) * (values[i + 1] - values[i]);
        return cumulative[i] + 0.5 * dx * (values[i] + at);
    }

    /**
     * In the graph as a sum of hinges: f(a) = f(a_0) + sum_i (s_i - s_(i-1)) relu(a - a_i), with s_i
     * the slope after age a_i (zero before the first and after the last age): exact, and one matmul.
     */
    @Override
    public <T extends TFloating> Operand<T> graph(Ops tf, Operand<T> ages) {
        Class<T> type = ages.type();
        int n = this.ages.length;
        double[] kinks = new double[n];
        double before = 0;
        for (int i = 0; i < n; i++) {
            double after = i + 1 < n ? (values[i + 1] - values[i]) / (this.ages[i + 1] - this.ages[i]) : 0;
            kinks[i] = after - before;
            before = after;
        }
        Operand<T> hinges = tf.nn.relu(tf.math.sub(ages, Constants.row(tf, this.ages, type)));
        return tf.math.add(tf.linalg.matMul(hinges, Constants.column(tf, kinks, type)), Constants.scalar(tf, values[0], type));
    }

    /** Ages where the interpolant equals {@code level} while crossing it (for caps on rates). */
    public double[] crossings(double level) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 1 < ages.length; i++) {
            double d0 = values[i] - level, d1 = values[i + 1] - level;
            if (d0 * d1 < 0) {
                out.add(ages[i] + (ages[i + 1] - ages[i]) * d0 / (d0 - d1));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double[] breakpoints() {
        return ages.clone();
    }

    public double firstAge() {
        return ages[0];
    }

    public double lastAge() {
        return ages[ages.length - 1];
    }

    public double minValue() {
        double m = values[0];
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double evenStep(double[] ages) {
        if (ages.length < 3) {
            return 0;
        }
        double step = ages[1] - ages[0];
        for (int i = 2; i < ages.length; i++) {
            if (ages[i] - ages[i - 1] != step) {
                return 0;
            }
        }
        return step;
    }

    /** The i with ages[i] <= age < ages[i + 1], for ages[0] < age < ages[n - 1]. */
    private int segment(double age) {
        if (step > 0) { // evenly spaced ages (single-year tables): a guess from the step, then checked
            int i = Math.max(0, Math.min(ages.length - 2, (int) ((age - ages[0]) / step)));
            while (i > 0 && ages[i] > age) {
                i--;
            }
            while (i < ages.length - 2 && ages[i + 1] <= age) {
                i++;
            }
            return i;
        }
        int lo = 0, hi = ages.length - 1; // ages[lo] <= age < ages[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (ages[mid] <= age) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
