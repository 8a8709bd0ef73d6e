package org.popcast.kernels.network;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.types.family.TFloating;

/**
 * One LSTM cell step from primitive ops (Keras gate order input, forget, cell, output) that carries,
 * with the states, their derivatives along given input directions: forward-mode tangents through
 * the recurrence.
 *
 * <pre>
 *   z = x W + h U + b,                 dz = dx W + dh U
 *   i = s(z_i), f = s(z_f), o = s(z_o), g = tanh(z_g)     di = i (1 - i) dz_i, ..., dg = (1 - g^2) dz_g
 *   c' = f c + i g,                    dc' = df c + f dc + di g + i dg
 *   h' = o tanh(c'),                   dh' = do tanh(c') + o (1 - tanh(c')^2) dc'
 * </pre>
 *
 * With no directions it is the plain cell. Every op has a registered first-order gradient, so a
 * loss built on the tangents trains with one ordinary {@code tf.gradients} call (stack.md).
 */
public final class TangentLstm {

    /** Input kernel W (inputs x 4u), recurrent kernel U (u x 4u), bias b (1 x 4u). */
    public record Weights<T extends TFloating>(Operand<T> kernel, Operand<T> recurrentKernel, Operand<T> bias) {
    }

    /**
     * Hidden and cell states (N x u) with their tangents, one per direction. {@code zero} marks the
     * initial state, whose terms a step leaves out: besides the saved work, a zero state times a
     * constant kernel is something XLA would otherwise fold at compile time, which took 35 s per
     * layer for a 301 x 1001 prediction grid.
     */
    public record State<T extends TFloating>(Operand<T> h, Operand<T> c, List<Operand<T>> dh, List<Operand<T>> dc, boolean zero) {

        public State(Operand<T> h, Operand<T> c, List<Operand<T>> dh, List<Operand<T>> dc) {
            this(h, c, dh, dc, false);
        }
    }

    private TangentLstm() {
    }

    /**
     * The zero state for a batch like {@code like} (N x anything), with zero tangents (1 x u rows,
     * broadcasting to any number of differentiated rows) for {@code directions}.
     */
    public static <T extends TFloating> State<T> zero(Ops tf, Operand<T> like, int units, int directions) {
        Operand<T> first = tf.slice(like, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
        Operand<T> row = tf.zeros(tf.constant(new int[] {1, units}), like.type());
        Operand<T> zeros = tf.math.mul(tf.zerosLike(first), row);
        List<Operand<T>> none = new ArrayList<>();
        for (int k = 0; k < directions; k++) {
            none.add(row);
        }
        return new State<>(zeros, zeros, none, none, true);
    }

    /** One step reading {@code x} (N x inputs) whose derivatives along the directions are {@code dx}. */
    public static <T extends TFloating> State<T> step(Ops tf, Weights<T> w, Operand<T> x, List<Operand<T>> dx, State<T> s) {
        return step(tf, w, x, dx, s, -1);
    }

    /**
     * One step with tangents for the first {@code rows} rows only (-1: all), as
     * {@link TangentMlp#forward(Ops, List, Operand, List, int)} does for value-only rows.
     */
    public static <T extends TFloating> State<T> step(Ops tf, Weights<T> w, Operand<T> x, List<Operand<T>> dx, State<T> s, int rows) {
        Class<T> type = x.type();
        Operand<T> one = Constants.scalar(tf, 1, type);
        Operand<T> xw = tf.linalg.matMul(x, w.kernel());
        Operand<T> z = tf.math.add(s.zero() ? xw : tf.math.add(xw, tf.linalg.matMul(s.h(), w.recurrentKernel())), w.bias());
        List<Operand<T>> gates = split(tf, z);
        Operand<T> i = tf.math.sigmoid(gates.get(0)), f = tf.math.sigmoid(gates.get(1));
        Operand<T> g = tf.math.tanh(gates.get(2)), o = tf.math.sigmoid(gates.get(3));
        Operand<T> c = s.zero() ? tf.math.mul(i, g) : tf.math.add(tf.math.mul(f, s.c()), tf.math.mul(i, g));
        Operand<T> tc = tf.math.tanh(c);
        Operand<T> h = tf.math.mul(o, tc);
        List<Operand<T>> dh = new ArrayList<>(), dc = new ArrayList<>();
        if (rows >= 0 && !dx.isEmpty()) {
            i = head(tf, i, rows);
            f = head(tf, f, rows);
            g = head(tf, g, rows);
            o = head(tf, o, rows);
            tc = head(tf, tc, rows);
        }
        Operand<T> cPrevious = rows >= 0 && !dx.isEmpty() ? head(tf, s.c(), rows) : s.c();
        for (int k = 0; k < dx.size(); k++) {
            Operand<T> dxw = tf.linalg.matMul(dx.get(k), w.kernel());
            Operand<T> dz = s.zero() ? dxw : tf.math.add(dxw, tf.linalg.matMul(s.dh().get(k), w.recurrentKernel()));
            List<Operand<T>> d = split(tf, dz);
            Operand<T> di = tf.math.mul(tf.math.mul(i, tf.math.sub(one, i)), d.get(0));
            Operand<T> df = tf.math.mul(tf.math.mul(f, tf.math.sub(one, f)), d.get(1));
            Operand<T> dg = tf.math.mul(tf.math.sub(one, tf.math.square(g)), d.get(2));
            Operand<T> dout = tf.math.mul(tf.math.mul(o, tf.math.sub(one, o)), d.get(3));
            Operand<T> fresh = tf.math.add(tf.math.mul(di, g), tf.math.mul(i, dg));
            Operand<T> dcNew = s.zero() ? fresh : tf.math.add(tf.math.add(tf.math.mul(df, cPrevious), tf.math.mul(f, s.dc().get(k))), fresh);
            dc.add(dcNew);
            dh.add(tf.math.add(tf.math.mul(dout, tc), tf.math.mul(tf.math.mul(o, tf.math.sub(one, tf.math.square(tc))), dcNew)));
        }
        return new State<>(h, c, dh, dc);
    }

    private static <T extends TFloating> Operand<T> head(Ops tf, Operand<T> x, int rows) {
        return tf.slice(x, tf.constant(new int[] {0, 0}), tf.constant(new int[] {rows, -1}));
    }

    private static <T extends TFloating> List<Operand<T>> split(Ops tf, Operand<T> z) {
        Split<T> parts = tf.split(tf.constant(1), z, 4L);
        return parts.output().stream().map(o -> (Operand<T>) o).toList();
    }
}
