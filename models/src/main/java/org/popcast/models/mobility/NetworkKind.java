package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.network.DenseLayer;
import org.popcast.kernels.network.Dropout;
import org.popcast.kernels.network.Initializers;
import org.popcast.kernels.network.LstmCell;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The two architectures of seed 000, in the layer sizes of its slides and notebooks:
 *
 * <pre>
 *   FNN:  Dense(128, relu) - Dense(64, relu) - Dropout(0.2) - Dense(32, relu) - Dense(1)
 *   LSTM: LSTM(64, L2 0.01 on the input kernel) over a yearly window - Dense(32, relu) - Dropout(0.5) - Dense(1)
 * </pre>
 *
 * Weights are named (e.g. {@code dense0_kernel}, {@code lstm_recurrent}) and initialised as Keras
 * does (Glorot uniform kernels, orthogonal recurrent kernel, zero biases, forget-gate bias 1).
 * Dropout is built only into the training graph.
 */
public enum NetworkKind {
    FNN(new int[] {128, 64, 32}, 1, 0.2, 0),
    LSTM(new int[] {32}, 0, 0.5, 64);

    /** Keras' l2(0.01) on the LSTM's input kernel: loss += 0.01 * sum(W^2). */
    public static final double LSTM_KERNEL_L2 = 0.01;

    private final int[] dense;
    private final int dropoutAfter;
    private final double dropoutRate;
    private final int lstmUnits;

    NetworkKind(int[] dense, int dropoutAfter, double dropoutRate, int lstmUnits) {
        this.dense = dense;
        this.dropoutAfter = dropoutAfter;
        this.dropoutRate = dropoutRate;
        this.lstmUnits = lstmUnits;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public double dropoutRate() {
        return dropoutRate;
    }

    public int lstmUnits() {
        return lstmUnits;
    }

    /** Hidden dense widths after the LSTM (if any); the output Dense(1) follows. */
    public int[] denseWidths() {
        return dense.clone();
    }

    /** Index of the hidden dense layer followed by dropout. */
    public int dropoutAfter() {
        return dropoutAfter;
    }

    /** Seeded initial weights by name, in a fixed order. */
    public Map<String, float[][]> initialWeights(int inputs, long seed) {
        Random r = new Random(seed);
        Map<String, float[][]> w = new LinkedHashMap<>();
        int fanIn = inputs;
        if (this == LSTM) {
            int u = lstmUnits;
            w.put("lstm_kernel", Initializers.glorotUniform(r, inputs, 4 * u));
            w.put("lstm_recurrent", Initializers.orthogonal(r, u, 4 * u));
            float[][] bias = new float[1][4 * u];
            for (int j = u; j < 2 * u; j++) {
                bias[0][j] = 1; // unit_forget_bias
            }
            w.put("lstm_bias", bias);
            fanIn = u;
        }
        for (int l = 0; l <= dense.length; l++) {
            int fanOut = l < dense.length ? dense[l] : 1;
            w.put("dense" + l + "_kernel", Initializers.glorotUniform(r, fanIn, fanOut));
            w.put("dense" + l + "_bias", new float[1][fanOut]);
            fanIn = fanOut;
        }
        return w;
    }

    /**
     * The network's output (N x 1) for input {@code x}: N x features (FNN) or N x years x features
     * (LSTM). With a non-null {@code seedPair} the training form (dropout on) is built.
     */
    Operand<TFloat32> forward(Ops tf, Map<String, ? extends Operand<TFloat32>> w, Operand<TFloat32> x, int years,
                              Operand<TInt64> seedPair) {
        Operand<TFloat32> h = x;
        if (this == LSTM) {
            Unstack<TFloat32> steps = tf.unstack(x, (long) years, Unstack.axis(1L));
            List<Operand<TFloat32>> inputs = new ArrayList<>(steps.output());
            h = LstmCell.run(tf, new LstmCell.Weights<>(w.get("lstm_kernel"), w.get("lstm_recurrent"), w.get("lstm_bias")),
                    inputs, lstmUnits).h();
        }
        for (int l = 0; l <= dense.length; l++) {
            h = new DenseLayer<>(w.get("dense" + l + "_kernel"), w.get("dense" + l + "_bias"), l < dense.length).apply(tf, h);
            if (l == dropoutAfter && seedPair != null) {
                h = Dropout.training(tf, h, dropoutRate, seedPair);
            }
        }
        return h;
    }

    /** The weight penalty added to the training loss. */
    Operand<TFloat32> penalty(Ops tf, Map<String, ? extends Operand<TFloat32>> w) {
        if (this != LSTM) {
            return Constants.scalar(tf, 0, TFloat32.class);
        }
        Operand<TFloat32> k = w.get("lstm_kernel");
        return tf.math.mul(Constants.scalar(tf, LSTM_KERNEL_L2, TFloat32.class),
                tf.reduceSum(tf.math.square(k), tf.constant(new int[] {0, 1})));
    }
}
