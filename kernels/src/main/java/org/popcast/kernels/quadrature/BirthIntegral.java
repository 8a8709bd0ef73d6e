package org.popcast.kernels.quadrature;

import java.util.List;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The births at boundary times given inside a graph, B(t_k) = integral_lo^hi b(a, t_k) P(a, t_k) da,
 * by Gauss-Legendre quadrature laid out for one batched network pass.
 *
 * <p>Each time gets one piece of {@code nodes} points more than there are jump lines: the window is
 * cut where P jumps, on the characteristics a = v (t - t_j) (the corner's and those of policy
 * steps), each cut clamped to the window, so a line outside it leaves an empty piece (zero
 * weights); with a single line, the cut falls back to the window's middle when the line is
 * outside it. The nodes of all K times form a K x (pieces n) block (flattened row by row for the network); the births
 * are the row sums of weights x integrand, as DeepXDE does for integral equations. Times may be
 * drawn afresh in every step: nodes and weights are graph ops.
 */
public final class BirthIntegral {

    /** Nodes of K boundary times: ages and times (K 2n x 1, time by time) and weights (K x 2n). */
    public record Nodes<T extends TFloating>(Operand<T> ages, Operand<T> times, Operand<T> weights) {
    }

    private final double lo;
    private final double hi;
    private final GaussLegendreRule rule;
    private final double jumpSpeed;
    private final double[] jumpOrigins;

    /**
     * @param lo the youngest fertile age
     * @param hi the oldest fertile age
     * @param nodes Gauss-Legendre nodes per piece (2 pieces per time)
     * @param jumpSpeed v in the jump lines a = v (t - t_j)
     * @param jumpOrigins the t_j in increasing order (at least one)
     */
    public BirthIntegral(double lo, double hi, int nodes, double jumpSpeed, double... jumpOrigins) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the fertile window needs lo < hi, got " + lo + " .. " + hi);
        }
        this.lo = lo;
        this.hi = hi;
        this.rule = new GaussLegendreRule(nodes);
        if (jumpOrigins.length == 0) {
            throw new IllegalArgumentException("need at least one jump line");
        }
        for (int j = 1; j < jumpOrigins.length; j++) {
            if (!(jumpOrigins[j] > jumpOrigins[j - 1])) {
                throw new IllegalArgumentException("jump origins must increase");
            }
        }
        this.jumpSpeed = jumpSpeed;
        this.jumpOrigins = jumpOrigins.clone();
    }

    public int nodesPerTime() {
        return (jumpOrigins.length + 1) * rule.nodeCount();
    }

    /** The nodes for the times {@code times} (K x 1, data: no gradient flows to them). */
    public <T extends TFloating> Nodes<T> nodes(Ops tf, Operand<T> times) {
        Class<T> type = times.type();
        Operand<T> low = Constants.scalar(tf, lo, type), high = Constants.scalar(tf, hi, type);
        // cuts from the youngest line (latest origin) to the oldest: increasing ages
        List<Operand<T>> edges = new java.util.ArrayList<>(List.of(low));
        for (int j = jumpOrigins.length - 1; j >= 0; j--) {
            Operand<T> jump = tf.math.mul(Constants.scalar(tf, jumpSpeed, type), tf.math.sub(times, Constants.scalar(tf, jumpOrigins[j], type)));
            Operand<T> cut = tf.math.minimum(tf.math.maximum(jump, low), high);
            if (jumpOrigins.length == 1) {
                Operand<T> inside = tf.dtypes.cast(tf.math.logicalAnd(tf.math.greater(jump, low), tf.math.less(jump, high)), type);
                Operand<T> mid = Constants.scalar(tf, 0.5 * (lo + hi), type);
                cut = tf.math.add(mid, tf.math.mul(inside, tf.math.sub(jump, mid)));
            }
            edges.add(cut);
        }
        edges.add(high);
        Operand<T> unitNodes = Constants.row(tf, rule.nodes(0, 1), type);
        Operand<T> unitWeights = Constants.row(tf, rule.weights(0, 1), type);
        List<Operand<T>> ageBlocks = new java.util.ArrayList<>(), weightBlocks = new java.util.ArrayList<>();
        for (int p = 0; p + 1 < edges.size(); p++) {
            Operand<T> width = tf.math.sub(edges.get(p + 1), edges.get(p));
            ageBlocks.add(tf.math.add(edges.get(p), tf.math.mul(width, unitNodes)));
            weightBlocks.add(tf.math.mul(width, unitWeights));
        }
        Operand<T> ages = tf.concat(ageBlocks, tf.constant(1));
        Operand<T> weights = tf.concat(weightBlocks, tf.constant(1));
        Operand<T> nodeTimes = tf.math.add(times, tf.zerosLike(ages));
        return new Nodes<>(column(tf, ages), column(tf, nodeTimes), weights);
    }

    /** The births per time (K x 1) from the integrand b P at the nodes (K 2n x 1). */
    public <T extends TFloating> Operand<T> births(Ops tf, Nodes<T> nodes, Operand<T> integrand) {
        Operand<T> block = tf.reshape(integrand, tf.constant(new int[] {-1, nodesPerTime()}));
        return tf.reduceSum(tf.math.mul(nodes.weights(), block), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true));
    }

    private static <T extends TFloating> Operand<T> column(Ops tf, Operand<T> block) {
        return tf.reshape(block, tf.constant(new int[] {-1, 1}));
    }
}
