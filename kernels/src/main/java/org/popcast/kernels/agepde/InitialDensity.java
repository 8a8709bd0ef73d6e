package org.popcast.kernels.agepde;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Initial age densities P0(a), persons per year of age. */
public final class InitialDensity {

    private InitialDensity() {
    }

    /** The seed's P0(a) = scale exp(-decay a) (1 + amplitude sin(frequency a)). */
    public static GraphAgeFunction seed(double scale, double decay, double amplitude, double frequency) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("initial density scale must be > 0, got " + scale);
        }
        if (!(Math.abs(amplitude) <= 1)) {
            throw new IllegalArgumentException("initial density amplitude must lie in [-1, 1] so the density stays >= 0, got "
                    + amplitude);
        }
        if (!Double.isFinite(decay) || !Double.isFinite(frequency)) {
            throw new IllegalArgumentException("initial density decay and frequency must be finite numbers");
        }
        return new GraphAgeFunction() {
            @Override
            public double value(double a) {
                return scale * Math.exp(-decay * a) * (1 + amplitude * Math.sin(frequency * a));
            }

            @Override
            public <T extends TFloating> Operand<T> graph(Ops tf, Operand<T> a) {
                Class<T> type = a.type();
                Operand<T> envelope = tf.math.mul(Constants.scalar(tf, scale, type),
                        tf.math.exp(tf.math.mul(Constants.scalar(tf, -decay, type), a)));
                Operand<T> wave = tf.math.add(Constants.scalar(tf, 1, type), tf.math.mul(Constants.scalar(tf, amplitude, type),
                        tf.math.sin(tf.math.mul(Constants.scalar(tf, frequency, type), a))));
                return tf.math.mul(envelope, wave);
            }
        };
    }

    /** A table of densities by age, linear in between. */
    public static GraphAgeFunction table(double[] ages, double[] densities) {
        PiecewiseLinear table = new PiecewiseLinear(ages, densities);
        if (table.minValue() < 0) {
            throw new IllegalArgumentException("initial densities must be >= 0, the table has " + table.minValue());
        }
        return table;
    }
}
