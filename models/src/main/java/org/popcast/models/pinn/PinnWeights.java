package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.popcast.kernels.network.TangentMlp;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** The weights of a PINN on the host in float64: per layer a fan-in x fan-out kernel and a bias. */
public record PinnWeights(List<double[][]> kernels, List<double[]> biases) {

    public PinnWeights {
        if (kernels.size() != biases.size() || kernels.isEmpty()) {
            throw new IllegalArgumentException("need one bias per kernel and at least one layer");
        }
        kernels = List.copyOf(kernels);
        biases = List.copyOf(biases);
    }

    /** Glorot-uniform kernels and zero biases from the settings' seed, for {@code inputWidth} inputs. */
    static PinnWeights glorot(PinnSettings s, int inputWidth) {
        Random random = new Random(s.seed());
        List<double[][]> kernels = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int[] hidden = s.hidden();
        int fanIn = inputWidth;
        for (int l = 0; l <= hidden.length; l++) {
            int fanOut = l < hidden.length ? hidden[l] : 1;
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            double[][] w = new double[fanIn][fanOut];
            for (double[] row : w) {
                for (int j = 0; j < fanOut; j++) {
                    row[j] = (2 * random.nextDouble() - 1) * limit;
                }
            }
            kernels.add(w);
            biases.add(new double[fanOut]);
            fanIn = fanOut;
        }
        return new PinnWeights(kernels, biases);
    }

    public int count() {
        int n = 0;
        for (int l = 0; l < kernels.size(); l++) {
            n += kernels.get(l).length * kernels.get(l)[0].length + biases.get(l).length;
        }
        return n;
    }

    /** All weights in one vector, layer by layer (kernel rows, then bias). */
    double[] flatten() {
        double[] x = new double[count()];
        int at = 0;
        for (int l = 0; l < kernels.size(); l++) {
            for (double[] row : kernels.get(l)) {
                System.arraycopy(row, 0, x, at, row.length);
                at += row.length;
            }
            double[] b = biases.get(l);
            System.arraycopy(b, 0, x, at, b.length);
            at += b.length;
        }
        return x;
    }

    /** Weights of this shape holding the values of {@code x} (the layout of {@link #flatten()}). */
    PinnWeights reshape(double[] x) {
        if (x.length != count()) {
            throw new IllegalArgumentException("expected " + count() + " weights, got " + x.length);
        }
        List<double[][]> k = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        int at = 0;
        for (int l = 0; l < kernels.size(); l++) {
            double[][] w = new double[kernels.get(l).length][kernels.get(l)[0].length];
            for (double[] row : w) {
                System.arraycopy(x, at, row, 0, row.length);
                at += row.length;
            }
            double[] bias = new double[biases.get(l).length];
            System.arraycopy(x, at, bias, 0, bias.length);
            at += bias.length;
            k.add(w);
            b.add(bias);
        }
        return new PinnWeights(k, b);
    }

    /** The layers as graph constants of the given type (biases as 1 x fan-out rows). */
    <T extends TFloating> List<TangentMlp.Layer<T>> constants(Ops tf, Class<T> type) {
        List<TangentMlp.Layer<T>> layers = new ArrayList<>();
        for (int l = 0; l < kernels.size(); l++) {
            layers.add(new TangentMlp.Layer<>(tf.dtypes.cast(tf.constant(kernels.get(l)), type),
                    tf.dtypes.cast(tf.constant(new double[][] {biases.get(l)}), type)));
        }
        return layers;
    }
}
