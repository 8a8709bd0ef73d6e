package org.popcast.engine.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Exponential decay of the learning rate, lr(k) = initial x decay^(k / every), smooth in the step
 * number k (jaxpi and PINNacle decay by about 0.9 every 1,000-5,000 steps). decay = 1 keeps it
 * constant.
 */
public record LearningRateSchedule(double initial, double decay, long every) {

    public LearningRateSchedule {
        if (!(initial > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + initial);
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("learning-rate decay must be in (0, 1], got " + decay);
        }
        if (every < 1) {
            throw new IllegalArgumentException("learning-rate decay interval must be >= 1 step, got " + every);
        }
    }

    public static LearningRateSchedule constant(double rate) {
        return new LearningRateSchedule(rate, 1, 1);
    }

    /** The rate at step k (0 for the first step). */
    public double at(long step) {
        return initial * Math.pow(decay, (double) step / every);
    }

    /** The rate at the step {@code stepNumber} (a float scalar), as a graph op. */
    public <T extends TFloating> Operand<T> graph(Ops tf, Operand<T> stepNumber) {
        Class<T> type = stepNumber.type();
        Operand<T> exponent = tf.math.div(stepNumber, scalar(tf, every, type));
        return tf.math.mul(scalar(tf, initial, type), tf.math.pow(scalar(tf, decay, type), exponent));
    }

    private static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
        return tf.dtypes.cast(tf.constant(value), type);
    }
}
