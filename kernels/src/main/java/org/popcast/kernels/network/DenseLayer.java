package org.popcast.kernels.network;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A fully connected layer, z = x W + b, with an optional ReLU: h = max(z, 0).
 * x is N x fanIn, W fanIn x fanOut, b 1 x fanOut. Holds operands only (variables or constants the
 * caller made); the graph arrives as {@code Ops tf}.
 */
public record DenseLayer<T extends TFloating>(Operand<T> weights, Operand<T> bias, boolean relu) {

    public Operand<T> apply(Ops tf, Operand<T> x) {
        Operand<T> z = tf.math.add(tf.linalg.matMul(x, weights), bias);
        return relu ? tf.nn.relu(z) : z;
    }
}
