package org.popcast.kernels.network;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The forward pass of a tanh multilayer perceptron (linear last layer) that carries, with every
 * layer's values, their derivatives with respect to each input coordinate: forward-mode tangents.
 *
 * <pre>
 *   z = h W + b,   dz_i = dh_i W
 *   h' = tanh(z),  dh'_i = (1 - h'^2) dz_i
 * </pre>
 *
 * A PINN needs dP/da and dP/dt inside its loss; nested reverse-mode gradients would need the
 * gradient of TanhGrad, which TensorFlow's C++ registry lacks (stack.md). Tangents use only ops
 * whose gradients are registered, so the loss's gradient with respect to the weights is one
 * ordinary {@code tf.gradients} call. Holds no graph: the caller passes {@code Ops tf}.
 */
public final class TangentMlp {

    /** One dense layer: weights (fan-in x fan-out) and bias (1 x fan-out). */
    public record Layer<T extends TFloating>(Operand<T> weights, Operand<T> bias) {
    }

    /**
     * Values (N x k) and their derivatives with respect to each input coordinate;
     * {@code tangents().get(i)} broadcasts to N x k.
     */
    public record Jet<T extends TFloating>(Operand<T> value, List<Operand<T>> tangents) {
    }

    private TangentMlp() {
    }

    /** The network at the points {@code x} (N x d), with the derivatives along each of the d inputs at every point. */
    public static <T extends TFloating> Jet<T> forward(Ops tf, List<Layer<T>> layers, Operand<T> x, int inputCount) {
        List<Operand<T>> directions = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            double[] unit = new double[inputCount];
            unit[i] = 1; // d x / d x_i: a one-hot row, broadcast over the batch
            directions.add(Constants.row(tf, unit, x.type()));
        }
        return forward(tf, layers, x, directions, -1);
    }

    /**
     * The network at all rows of {@code x} (N x d) and, for the first {@code differentiatedRows}
     * rows only (-1 for all), its derivatives along the given input directions. A direction is
     * dx/ds for some coordinate s, broadcasting to rows x d (a 1 x d row when the inputs are linear
     * in s). Value-only rows (quadrature nodes, boundary points) then cost one matmul per layer,
     * not three, while every point set still shares one forward pass.
     */
    public static <T extends TFloating> Jet<T> forward(Ops tf, List<Layer<T>> layers, Operand<T> x,
                                                       List<Operand<T>> directions, int differentiatedRows) {
        List<Operand<T>> tangents = new ArrayList<>(directions);
        Operand<T> h = x;
        Operand<T> one = Constants.scalar(tf, 1, x.type());
        for (int l = 0; l < layers.size(); l++) {
            Layer<T> layer = layers.get(l);
            Operand<T> z = tf.math.add(tf.linalg.matMul(h, layer.weights()), layer.bias());
            List<Operand<T>> dz = new ArrayList<>();
            for (Operand<T> dh : tangents) {
                dz.add(tf.linalg.matMul(dh, layer.weights()));
            }
            if (l == layers.size() - 1) {
                return new Jet<>(z, dz);
            }
            h = tf.math.tanh(z);
            Operand<T> hd = differentiatedRows < 0 ? h
                    : tf.slice(h, tf.constant(new int[] {0, 0}), tf.constant(new int[] {differentiatedRows, -1}));
            Operand<T> slope = tf.math.sub(one, tf.math.square(hd));
            tangents = new ArrayList<>();
            for (Operand<T> d : dz) {
                tangents.add(tf.math.mul(slope, d));
            }
        }
        throw new IllegalArgumentException("a network needs at least one layer");
    }
}
