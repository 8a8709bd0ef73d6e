package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.network.Initializers;
import org.popcast.kernels.network.TangentLstm;
import org.popcast.kernels.network.TangentMlp;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * The trainable part N(x) of a PDE network, with forward-mode tangents: the settings of the
 * architecture; the weights arrive by name in each call (variables, placeholders or constants).
 */
public sealed interface PinnBody permits PinnBody.Mlp, PinnBody.Lstm {

    /** Named weight arrays (biases as 1 x n rows) for {@code inputs} inputs, drawn from {@code random}. */
    Map<String, double[][]> initial(int inputs, Random random);

    /**
     * Whether training changes the named weight array. Weights the forward pass never reads (the
     * recurrent kernels of length-one LSTM sequences) keep their initial values: the graph has no
     * path from them to the loss, so they have no gradient to follow.
     */
    default boolean trains(String weight) {
        return true;
    }

    /**
     * N at every row of {@code input} (N x d) and its derivatives along {@code directions} for the
     * first {@code rows} rows. {@code backStep} is the input displacement of one step back along
     * the characteristic (for sequence models); {@code dropoutSeeds} (seed, step) switches dropout
     * on, null for evaluation.
     */
    <T extends TFloating> TangentMlp.Jet<T> forward(Ops tf, Map<String, Operand<T>> w, Operand<T> input,
                                                    List<Operand<T>> directions, int rows, double[] backStep,
                                                    Operand<TInt64> dropoutSeeds);

    /** A tanh multilayer perceptron with a linear output. */
    record Mlp(int[] hidden) implements PinnBody {
        /** Named limits (docs/reliability.md): widths and count of hidden layers, checked before a graph is built. */
        public static final int MAX_WIDTH = 4096;
        public static final int MAX_LAYERS = 64;

        public Mlp {
            hidden = hidden.clone();
            if (hidden.length == 0 || hidden.length > MAX_LAYERS || Arrays.stream(hidden).anyMatch(w -> w < 1 || w > MAX_WIDTH)) {
                throw new IllegalArgumentException("hidden layers need 1 .. " + MAX_LAYERS + " widths of 1 .. " + MAX_WIDTH + ", got "
                        + (hidden.length > 8 ? hidden.length + " layers" : Arrays.toString(hidden)));
            }
        }

        @Override
        public int[] hidden() {
            return hidden.clone();
        }

        @Override
        public Map<String, double[][]> initial(int inputs, Random random) {
            Map<String, double[][]> w = new LinkedHashMap<>();
            int fanIn = inputs;
            for (int l = 0; l <= hidden.length; l++) {
                int fanOut = l < hidden.length ? hidden[l] : 1;
                w.put("layer" + l + "_kernel", glorot(random, fanIn, fanOut));
                w.put("layer" + l + "_bias", new double[1][fanOut]);
                fanIn = fanOut;
            }
            return w;
        }

        @Override
        public <T extends TFloating> TangentMlp.Jet<T> forward(Ops tf, Map<String, Operand<T>> w, Operand<T> input,
                                                               List<Operand<T>> directions, int rows, double[] backStep,
                                                               Operand<TInt64> dropoutSeeds) {
            List<TangentMlp.Layer<T>> layers = new ArrayList<>();
            for (int l = 0; l <= hidden.length; l++) {
                layers.add(new TangentMlp.Layer<>(w.get("layer" + l + "_kernel"), w.get("layer" + l + "_bias")));
            }
            return TangentMlp.forward(tf, layers, input, directions, rows);
        }
    }

    /**
     * Stacked LSTM layers reading a sequence along the characteristic through each point: the
     * inputs at {@code steps} earlier points, {@code spacing} years apart, then the point itself,
     * oldest first; a linear layer reads the last hidden state. So N at (a, t) depends, through the
     * recurrence, on what the cells saw earlier on the cohort's path. Dropout (a mask per layer,
     * the same at every step of the sequence) acts between layers in training only.
     * {@code steps = 0} is the source paper's sequence of length one (no recurrence).
     */
    record Lstm(int units, int layers, int steps, double spacing, double dropout) implements PinnBody {

        /** A named limit (docs/reliability.md): every step unrolls the cell once more in the graph. */
        public static final int SEQUENCE_STEPS_MAX = 64;
        public Lstm {
            if (units < 1 || layers < 1 || steps < 0 || steps > SEQUENCE_STEPS_MAX || units > 4096 || layers > 64) {
                throw new IllegalArgumentException("an LSTM needs 1 .. 4096 units, 1 .. 64 layers and 0 .. " + SEQUENCE_STEPS_MAX
                        + " sequence steps, got " + units + ", " + layers + " and " + steps);
            }
            if (!(spacing > 0) || !(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("sequence spacing must be > 0 and dropout in [0, 1)");
            }
        }

        /** With steps = 0 every cell runs one step from the zero state: the recurrent kernels are never read. */
        @Override
        public boolean trains(String weight) {
            return steps > 0 || !weight.endsWith("_recurrent");
        }

        @Override
        public Map<String, double[][]> initial(int inputs, Random random) {
            Map<String, double[][]> w = new LinkedHashMap<>();
            int fanIn = inputs;
            for (int l = 0; l < layers; l++) {
                w.put("lstm" + l + "_kernel", glorot(random, fanIn, 4 * units));
                w.put("lstm" + l + "_recurrent", glorot(random, units, 4 * units));
                double[][] bias = new double[1][4 * units];
                Arrays.fill(bias[0], units, 2 * units, 1.0); // forget-gate bias 1 (Keras unit_forget_bias)
                w.put("lstm" + l + "_bias", bias);
                fanIn = units;
            }
            w.put("head_kernel", glorot(random, units, 1));
            w.put("head_bias", new double[1][1]);
            return w;
        }

        @Override
        public <T extends TFloating> TangentMlp.Jet<T> forward(Ops tf, Map<String, Operand<T>> w, Operand<T> input,
                                                               List<Operand<T>> directions, int rows, double[] backStep,
                                                               Operand<TInt64> dropoutSeeds) {
            Class<T> type = input.type();
            List<Operand<T>> sequence = new ArrayList<>();
            for (int j = steps; j >= 0; j--) {
                double[] offset = new double[backStep.length];
                for (int k = 0; k < offset.length; k++) {
                    offset[k] = j * backStep[k];
                }
                sequence.add(j == 0 ? input : tf.math.add(input, Constants.row(tf, offset, type)));
            }
            List<List<Operand<T>>> tangents = new ArrayList<>();
            for (int s = 0; s < sequence.size(); s++) {
                tangents.add(directions); // the shift along the sequence is constant: the same tangent at every step
            }
            TangentLstm.State<T> last = null;
            for (int l = 0; l < layers; l++) {
                TangentLstm.Weights<T> cell = new TangentLstm.Weights<>(w.get("lstm" + l + "_kernel"),
                        w.get("lstm" + l + "_recurrent"), w.get("lstm" + l + "_bias"));
                TangentLstm.State<T> state = TangentLstm.zero(tf, input, units, directions.size());
                Operand<T> mask = l > 0 && dropoutSeeds != null && dropout > 0 ? mask(tf, input, l, dropoutSeeds) : null;
                List<Operand<T>> outputs = new ArrayList<>();
                List<List<Operand<T>>> outputTangents = new ArrayList<>();
                for (int s = 0; s < sequence.size(); s++) {
                    Operand<T> x = sequence.get(s);
                    List<Operand<T>> dx = tangents.get(s);
                    if (mask != null) { // dropout between layers: on the previous layer's outputs and their tangents
                        x = tf.math.mul(x, mask);
                        Operand<T> m = rows < 0 ? mask : PinnNetwork.rows(tf, mask, rows);
                        dx = dx.stream().map(d -> (Operand<T>) tf.math.mul(d, m)).toList();
                    }
                    state = TangentLstm.step(tf, cell, x, dx, state, rows);
                    outputs.add(state.h());
                    outputTangents.add(state.dh());
                }
                sequence = outputs;
                tangents = outputTangents;
                last = state;
            }
            Operand<T> value = tf.math.add(tf.linalg.matMul(last.h(), w.get("head_kernel")), w.get("head_bias"));
            List<Operand<T>> d = last.dh().stream().map(dh -> (Operand<T>) tf.linalg.matMul(dh, w.get("head_kernel"))).toList();
            return new TangentMlp.Jet<>(value, d);
        }

        /** Inverted dropout: keep with probability 1 - dropout, scaled by 1 / (1 - dropout); drawn from (seed, step). */
        private <T extends TFloating> Operand<T> mask(Ops tf, Operand<T> like, int layer, Operand<TInt64> seeds) {
            Class<T> type = like.type();
            Operand<TInt64> layerSeeds = tf.math.add(seeds, tf.constant(new long[] {7919L * layer, 0}));
            Operand<TInt32> count = tf.slice(tf.shape(like), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
            Operand<TInt32> shape = tf.concat(List.of(count, tf.constant(new int[] {units})), tf.constant(0));
            Operand<T> rowsUniform = tf.random.statelessRandomUniform(shape, layerSeeds, type);
            Operand<T> keep = tf.math.floor(tf.math.add(rowsUniform, Constants.scalar(tf, 1 - dropout, type)));
            return tf.stopGradient(tf.math.div(keep, Constants.scalar(tf, 1 - dropout, type)));
        }
    }

    /** Glorot-uniform weights (the shared initialiser, widened to float64). */
    private static double[][] glorot(Random random, int fanIn, int fanOut) {
        float[][] w = Initializers.glorotUniform(random, fanIn, fanOut);
        double[][] out = new double[fanIn][fanOut];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                out[i][j] = w[i][j];
            }
        }
        return out;
    }
}
