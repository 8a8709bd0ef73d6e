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
 * <p>Each time gets two pieces of {@code nodes} points, split where P jumps: on the characteristic
 * from the corner, a = v (t - t0), or at the window's middle when that age lies outside the window.
 * The nodes of all K times form a K x 2n block (flattened row by row for the network); the births
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
    private final double jumpOrigin;

    /**
     * @param lo the youngest fertile age
     * @param hi the oldest fertile age
     * @param nodes Gauss-Legendre nodes per piece (2 pieces per time)
     * @param jumpSpeed v in the jump line a = v (t - t0)
     * @param jumpOrigin t0 in the jump line
     */
    public BirthIntegral(double lo, double hi, int nodes, double jumpSpeed, double jumpOrigin) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the fertile window needs lo < hi, got " + lo + " .. " + hi);
        }
        this.lo = lo;
        this.hi = hi;
        this.rule = new GaussLegendreRule(nodes);
        this.jumpSpeed = jumpSpeed;
        this.jumpOrigin = jumpOrigin;
    }

    public int nodesPerTime() {
        return 2 * rule.nodeCount();
    }

    /** The nodes for the times {@code times} (K x 1, data: no gradient flows to them). */
    public <T extends TFloating> Nodes<T> nodes(Ops tf, Operand<T> times) {
        Class<T> type = times.type();
        Operand<T> low = Constants.scalar(tf, lo, type), high = Constants.scalar(tf, hi, type);
        Operand<T> jump = tf.math.mul(Constants.scalar(tf, jumpSpeed, type), tf.math.sub(times, Constants.scalar(tf, jumpOrigin, type)));
        Operand<T> inside = tf.dtypes.cast(tf.math.logicalAnd(tf.math.greater(jump, low), tf.math.less(jump, high)), type);
        // cut = jump inside the window, else the middle: inside * jump + (1 - inside) * mid
        Operand<T> mid = Constants.scalar(tf, 0.5 * (lo + hi), type);
        Operand<T> cut = tf.math.add(mid, tf.math.mul(inside, tf.math.sub(jump, mid)));
        Operand<T> unitNodes = Constants.row(tf, rule.nodes(0, 1), type);
        Operand<T> unitWeights = Constants.row(tf, rule.weights(0, 1), type);
        Operand<T> firstWidth = tf.math.sub(cut, low), secondWidth = tf.math.sub(high, cut);
        Operand<T> ages = tf.concat(List.of(
                tf.math.add(low, tf.math.mul(firstWidth, unitNodes)),
                tf.math.add(cut, tf.math.mul(secondWidth, unitNodes))), tf.constant(1));
        Operand<T> weights = tf.concat(List.of(tf.math.mul(firstWidth, unitWeights), tf.math.mul(secondWidth, unitWeights)), tf.constant(1));
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
