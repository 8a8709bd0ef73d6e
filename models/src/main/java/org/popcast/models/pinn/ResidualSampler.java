package org.popcast.models.pinn;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Draws candidate indices with probability p_i = q_i / sum q, q_i = |r_i|^k / mean |r|^k + c (RAR-D),
 * by inverting the cumulative distribution at given uniforms: index i is drawn for u when
 * cdf_{i-1} &lt;= u &lt; cdf_i. Graph ops only (cumsum and a sorted search), in float64 so that the
 * cumulative sum over many candidates keeps its resolution; the uniforms come in so that a test can
 * hand the same ones to a plain-Java sampler.
 */
final class ResidualSampler {

    private ResidualSampler() {
    }

    /** The unnormalised density q (length C) of |r| (length C). */
    static Operand<TFloat64> density(Ops tf, Operand<TFloat64> absResidual, double k, double c) {
        Operand<TFloat64> rk = tf.math.pow(absResidual, Constants.scalar(tf, k, TFloat64.class));
        // a residual of exactly zero everywhere would divide 0 by 0: treat it as uniform
        Operand<TFloat64> mean = tf.math.maximum(tf.math.mean(rk, tf.constant(0)), Constants.scalar(tf, 1e-300, TFloat64.class));
        return tf.math.add(tf.math.div(rk, mean), Constants.scalar(tf, c, TFloat64.class));
    }

    /** One index in [0, C) per uniform u in [0, 1) (length N). */
    static Operand<TInt32> draw(Ops tf, Operand<TFloat64> absResidual, Operand<TFloat64> uniforms, double k, double c) {
        Operand<TFloat64> q = density(tf, absResidual, k, c);
        Operand<TFloat64> cdf = tf.math.div(tf.math.cumsum(q, tf.constant(0), Cumsum.exclusive(false)), tf.reduceSum(q, tf.constant(0)));
        // upperBound counts the cdf values <= u: the first index whose cdf exceeds u
        Operand<TInt32> found = tf.reshape(tf.upperBound(tf.reshape(cdf, tf.constant(new int[] {1, -1})),
                tf.reshape(uniforms, tf.constant(new int[] {1, -1}))), tf.constant(new int[] {-1}));
        // rounding can leave cdf_{C-1} a hair below 1
        Operand<TInt32> last = tf.math.sub(tf.shape(q), tf.constant(new int[] {1}));
        return tf.math.minimum(found, last);
    }
}
