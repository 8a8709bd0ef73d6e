package org.popcast.models.pinn;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Causal weighting in time (Wang, Sankaran and Perdikaris 2022, "Respecting causality is all you
 * need"): the time axis is cut into {@code chunks} equal pieces, L_i is the mean squared PDE
 * residual of the interior points in piece i, and the PDE loss is
 *
 * <pre>
 *   mean_i w_i L_i,   w_i = exp(-eps sum_{j &lt; i} L_j)   (w_0 = 1),
 * </pre>
 *
 * with the weights held fixed for the gradient (stop-gradient): a later piece counts only once the
 * residual before it is small, so the network cannot fit late times on top of a wrong early
 * solution. Everything is graph ops on the step's points (piece membership is a one-hot matrix of
 * floor(t~ chunks)), so it adds no host round trip. {@code chunks} 0 is off: the plain mean.
 *
 * @param chunks pieces of the time axis (0: off)
 * @param eps how strongly an earlier residual holds back the later pieces
 */
public record CausalWeights(int chunks, double eps) {

    public static final CausalWeights OFF = new CausalWeights(0, 1);

    public CausalWeights {
        if (chunks < 0) {
            throw new IllegalArgumentException("causal chunks must be >= 0 (0: off), got " + chunks);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("causal eps must be a positive number, got " + eps);
        }
    }

    public boolean on() {
        return chunks > 0;
    }

    /**
     * The causally weighted PDE loss of residuals r (N x 1) at unit times t~ (N x 1, in [0, 1]).
     * A piece without points has L_i = 0 (with Sobol points and a few dozen pieces none is empty).
     */
    public <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> residual, Operand<T> times) {
        Operand<T> chunkLosses = chunkLosses(tf, residual, times);
        return tf.math.mean(tf.math.mul(weights(tf, chunkLosses), chunkLosses), tf.constant(new int[] {0, 1}));
    }

    /** L_i, the mean squared residual per piece of the time axis (1 x chunks). */
    <T extends TFloating> Operand<T> chunkLosses(Ops tf, Operand<T> residual, Operand<T> times) {
        Class<T> type = residual.type();
        // t~ = 1 (the last year) belongs to the last piece
        Operand<TInt32> index = tf.math.minimum(tf.dtypes.cast(tf.math.floor(tf.math.mul(times, Constants.scalar(tf, chunks, type))),
                TInt32.class), tf.constant(chunks - 1));
        Operand<T> member = tf.oneHot(tf.reshape(index, tf.constant(new int[] {-1})), tf.constant(chunks),
                Constants.scalar(tf, 1, type), Constants.scalar(tf, 0, type));
        Operand<T> sums = tf.linalg.matMul(tf.math.square(residual), member, org.tensorflow.op.linalg.MatMul.transposeA(true));
        Operand<T> counts = tf.reduceSum(member, tf.constant(0), org.tensorflow.op.core.ReduceSum.keepDims(true));
        return tf.math.div(sums, tf.math.maximum(counts, Constants.scalar(tf, 1, type)));
    }

    /** w_i = exp(-eps sum_{j < i} L_j) (1 x chunks), a constant for the gradient. */
    <T extends TFloating> Operand<T> weights(Ops tf, Operand<T> chunkLosses) {
        Operand<T> before = tf.math.cumsum(chunkLosses, tf.constant(1), Cumsum.exclusive(true));
        return tf.stopGradient(tf.math.exp(tf.math.mul(Constants.scalar(tf, -eps, chunkLosses.type()), before)));
    }
}
