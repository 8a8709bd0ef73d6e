package org.popcast.models.pinn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** The weights of a PDE network on the host in float64: named 2-D arrays, in a fixed order. */
public record PinnWeights(Map<String, double[][]> arrays) {

    public PinnWeights {
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("a network needs weights");
        }
        Map<String, double[][]> copy = new LinkedHashMap<>();
        arrays.forEach((k, v) -> copy.put(k, v));
        arrays = Collections.unmodifiableMap(copy);
    }

    /** The body's initial weights for {@code inputs} inputs, from the settings' seed. */
    static PinnWeights initial(PinnSettings s, int inputs) {
        return new PinnWeights(s.body().initial(inputs, new Random(s.seed())));
    }

    public int count() {
        int n = 0;
        for (double[][] a : arrays.values()) {
            n += a.length * a[0].length;
        }
        return n;
    }

    /** All weights in one vector, array by array, row by row. */
    double[] flatten() {
        double[] x = new double[count()];
        int at = 0;
        for (double[][] a : arrays.values()) {
            for (double[] row : a) {
                System.arraycopy(row, 0, x, at, row.length);
                at += row.length;
            }
        }
        return x;
    }

    /** Weights of this shape holding the values of {@code x} (the layout of {@link #flatten()}). */
    PinnWeights reshape(double[] x) {
        if (x.length != count()) {
            throw new IllegalArgumentException("expected " + count() + " weights, got " + x.length);
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        int at = 0;
        for (Map.Entry<String, double[][]> e : arrays.entrySet()) {
            double[][] a = new double[e.getValue().length][e.getValue()[0].length];
            for (double[] row : a) {
                System.arraycopy(x, at, row, 0, row.length);
                at += row.length;
            }
            out.put(e.getKey(), a);
        }
        return new PinnWeights(out);
    }

    /** The weights as graph constants of the given type. */
    <T extends TFloating> Map<String, Operand<T>> constants(Ops tf, Class<T> type) {
        Map<String, Operand<T>> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> out.put(name, tf.dtypes.cast(tf.constant(a), type)));
        return out;
    }
}
