package org.popcast.kernels.network;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Inverted dropout, as Keras does it: while training each value is kept with probability
 * 1 - rate and scaled by 1 / (1 - rate), so the expected activation equals the one seen when
 * predicting, where dropout is the identity (and is simply not applied).
 *
 * <pre>   y = x * [u >= rate] / (1 - rate),   u ~ U[0, 1) drawn statelessly from the seed pair</pre>
 *
 * The draw is stateless: the same (seed, step) pair gives the same mask, so training is replayable.
 */
public final class Dropout {

    private Dropout() {
    }

    /** The training-time form; {@code seedPair} is a length-2 int64 vector (run seed, step number). */
    public static <T extends TFloating> Operand<T> training(Ops tf, Operand<T> x, double rate, Operand<TInt64> seedPair) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (rate == 0) {
            return x;
        }
        Operand<T> u = tf.random.statelessRandomUniform(tf.shape(x), seedPair, x.type());
        // The mask is data, not a function of the weights: stopping the gradient keeps TensorFlow's
        // C++ backprop away from the random and comparison ops, which have no registered gradient
        // (without it, building the gradient crashes the native library).
        Operand<T> keep = tf.stopGradient(tf.dtypes.cast(tf.math.greaterEqual(u, Constants.scalar(tf, rate, x.type())), x.type()));
        return tf.math.mul(x, tf.math.mul(keep, Constants.scalar(tf, 1 / (1 - rate), x.type())));
    }
}
