package org.popcast.kernels.network;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * One long short-term memory cell built from primitive ops (matmul, sigmoid, tanh), in the gate
 * layout of Keras (input, forget, cell, output), so weights move between the two unchanged:
 *
 * <pre>
 *   z = x W + h U + b                      W: inputs x 4u, U: u x 4u, b: 1 x 4u
 *   i = s(z_i), f = s(z_f), g = tanh(z_g), o = s(z_o)      (s the logistic sigmoid)
 *   c' = f * c + i * g,   h' = o * tanh(c')
 * </pre>
 *
 * Fused LSTM kernels are avoided on purpose: TensorFlow Java builds gradients from the C++
 * registry, and every op here has a registered first-order gradient (stack.md). Holds no graph.
 */
public final class LstmCell {

    /** The cell's parameters: input kernel W, recurrent kernel U and bias b. */
    public record Weights<T extends TFloating>(Operand<T> kernel, Operand<T> recurrentKernel, Operand<T> bias) {
    }

    /** Hidden state h and cell state c, both N x units. */
    public record State<T extends TFloating>(Operand<T> h, Operand<T> c) {
    }

    private LstmCell() {
    }

    /** One time step: the state after reading {@code x} (N x inputs); the equations are {@link TangentLstm}'s without tangents. */
    public static <T extends TFloating> State<T> step(Ops tf, Weights<T> w, Operand<T> x, State<T> state) {
        TangentLstm.State<T> next = TangentLstm.step(tf, new TangentLstm.Weights<>(w.kernel(), w.recurrentKernel(), w.bias()), x,
                List.of(), new TangentLstm.State<>(state.h(), state.c(), List.of(), List.of()));
        return new State<>(next.h(), next.c());
    }

    /** Reads the inputs in order (each N x inputs) from a zero state; returns the final state. */
    public static <T extends TFloating> State<T> run(Ops tf, Weights<T> w, List<Operand<T>> inputs, int units) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an LSTM needs at least one time step");
        }
        State<T> state = zeroState(tf, inputs.get(0), units);
        for (Operand<T> x : inputs) {
            state = step(tf, w, x, state);
        }
        return state;
    }

    /** Zeros of shape (rows of {@code x}) x units, for a batch whose size is known only at run time. */
    public static <T extends TFloating> State<T> zeroState(Ops tf, Operand<T> x, int units) {
        Operand<TInt32> rows = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> shape = tf.concat(List.of(rows, tf.constant(new int[] {units})), tf.constant(0));
        Operand<T> zeros = tf.zeros(shape, x.type());
        return new State<>(zeros, zeros);
    }
}
