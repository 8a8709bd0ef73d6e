package org.popcast.kernels.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Constants of the graph's floating type, so kernels serve float32 training and float64 L-BFGS alike. */
public final class Constants {

    private Constants() {
    }

    public static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
        return tf.dtypes.cast(tf.constant(value), type);
    }

    /** A 1 x n row. */
    public static <T extends TFloating> Operand<T> row(Ops tf, double[] values, Class<T> type) {
        return tf.dtypes.cast(tf.constant(new double[][] {values}), type);
    }

    /** An n x 1 column. */
    public static <T extends TFloating> Operand<T> column(Ops tf, double[] values, Class<T> type) {
        double[][] c = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            c[i][0] = values[i];
        }
        return tf.dtypes.cast(tf.constant(c), type);
    }
}
