package org.popcast.kernels.sampling;

import java.util.Locale;

import org.hipparchus.random.SobolSequenceGenerator;
import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Collocation points in the unit cube, drawn inside the graph afresh at every training step from
 * (seed, stream, step): no host round trip, the same points on a resumed run, and independent
 * streams for the point sets of one step.
 *
 * <ul>
 *   <li>{@code UNIFORM}: independent uniform points (stateless random ops).</li>
 *   <li>{@code SOBOL}: the first n points of a Sobol sequence (Hipparchus), shifted by one uniform
 *   random vector per step modulo 1 (a Cranley-Patterson rotation): quasi-random, so sums over the
 *   points converge faster than with independent draws, yet unbiased and new in every step.</li>
 * </ul>
 */
public record Collocation(Kind kind, long seed) {

    public enum Kind {
        UNIFORM, SOBOL;

        public static Kind parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sampling must be uniform or sobol, got '" + name + "'");
            }
        }
    }

    /** {@code count} points in [0, 1)^dims (count x dims) for the given step and stream. */
    public <T extends TFloating> Operand<T> draw(Ops tf, Class<T> type, int count, int dims, Operand<TInt64> step, int stream) {
        if (count < 1 || dims < 1) {
            throw new IllegalArgumentException("need at least one point in at least one dimension");
        }
        // the seed pair of a stateless op: (seed mixed with the stream, step)
        Operand<TInt64> seeds = tf.stack(java.util.List.of(tf.constant(seed * 1_000_003L + stream), step));
        if (kind == Kind.UNIFORM) {
            return tf.random.statelessRandomUniform(tf.constant(new long[] {count, dims}), seeds, type);
        }
        Operand<T> shift = tf.random.statelessRandomUniform(tf.constant(new long[] {1, dims}), seeds, type);
        Operand<T> shifted = tf.math.add(tf.dtypes.cast(tf.constant(sobol(count, dims)), type), shift);
        return tf.math.sub(shifted, tf.math.floor(shifted));
    }

    /** The first {@code count} points of the Sobol sequence after the origin. */
    static double[][] sobol(int count, int dims) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dims);
        generator.skipTo(1);
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            points[i] = generator.nextVector();
        }
        return points;
    }

    /** The unit interval's scale, for callers mapping points to ages or years. */
    public static <T extends TFloating> Operand<T> toInterval(Ops tf, Operand<T> unit, double lo, double hi) {
        Class<T> type = unit.type();
        return tf.math.add(Constants.scalar(tf, lo, type), tf.math.mul(unit, Constants.scalar(tf, hi - lo, type)));
    }
}
