package org.popcast.kernels.graph;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/** Flat row-major Java arrays to tensors and back: one bulk memory copy each way. */
public final class Tensors {

    private Tensors() {
    }

    /** A float64 tensor of the given shape over row-major data (the caller closes it). */
    public static TFloat64 of(double[] data, long... shape) {
        Shape s = Shape.of(shape);
        if (s.size() != data.length) {
            throw new IllegalArgumentException("shape " + s + " needs " + s.size() + " values, got " + data.length);
        }
        return TFloat64.tensorOf(s, t -> t.asRawTensor().data().asDoubles().write(data));
    }

    public static TInt32 of(int[] data) {
        return TInt32.vectorOf(data);
    }

    /** The values of a float64 tensor, row-major. */
    public static double[] flat(Tensor tensor) {
        TFloat64 t = (TFloat64) tensor;
        double[] out = new double[Math.toIntExact(t.size())];
        // a bulk read of the raw buffer: NdArray.copyTo would go element by element
        t.asRawTensor().data().asDoubles().read(out);
        return out;
    }
}
