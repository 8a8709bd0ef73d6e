package org.popcast.kernels.cohort;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * {@link MigrationBalance} (its rule: inflows x a, outflows x 1/a) for every city, scenario, sex and age at once, as TensorFlow graph ops:
 * group sums are segment sums over the first (region) axis, and group values go back to members by
 * gathering. Shapes: city tensors [R, S, 2, A]; {@code active} [R, S, 1, 1] (1 or 0);
 * {@code provinceOf} [R]; province tensors [G, S, 2, A]; {@code hasOwn} [G, 1, 1, 1] (1 where the
 * province's raw net comes from its own rate in {@code provinceOwn}).
 */
public final class BatchedMigrationBalance {

    private BatchedMigrationBalance() {
    }

    public static Operand<TFloat64> balance(Ops tf, Operand<TFloat64> leafRaw, Operand<TFloat64> active,
                                            Operand<TFloat64> weight, Operand<TInt32> provinceOf, int provinces,
                                            Operand<TFloat64> provinceOwn, Operand<TFloat64> hasOwn) {
        Operand<TInt32> count = tf.constant(provinces);
        Operand<TFloat64> zero = tf.constant(0.0);
        Operand<TFloat64> provinceActive = tf.dtypes.cast(
                tf.math.greater(tf.math.unsortedSegmentSum(active, provinceOf, count), zero), TFloat64.class);
        Operand<TFloat64> summed = tf.math.unsortedSegmentSum(tf.math.mul(leafRaw, active), provinceOf, count);
        Operand<TFloat64> own = tf.math.mul(provinceOwn, provinceActive);
        Operand<TFloat64> provinceRaw = tf.math.add(tf.math.mul(hasOwn, own), tf.math.mul(tf.math.sub(tf.constant(1.0), hasOwn), summed));
        Operand<TFloat64> provinceWeight = tf.math.unsortedSegmentSum(tf.math.mul(weight, active), provinceOf, count);
        Operand<TInt32> nation = tf.zeros(tf.constant(new int[] {provinces}), TInt32.class);
        Operand<TFloat64> noTarget = tf.zerosLike(tf.reduceSum(provinceRaw, tf.constant(0), org.tensorflow.op.core.ReduceSum.keepDims(true)));
        Operand<TFloat64> provinceNet = balanceGroups(tf, provinceRaw, nation, 1, provinceActive, provinceWeight, noTarget);
        return balanceGroups(tf, leafRaw, provinceOf, provinces, active, weight, provinceNet);
    }

    /** Balances members [M, ...] of each group to the group's target [G, ...]; the rule of {@link MigrationBalance}. */
    public static Operand<TFloat64> balanceGroups(Ops tf, Operand<TFloat64> x, Operand<TInt32> group, int groups,
                                                  Operand<TFloat64> active, Operand<TFloat64> weight,
                                                  Operand<TFloat64> target) {
        Operand<TInt32> count = tf.constant(groups);
        Operand<TFloat64> zero = tf.constant(0.0);
        Operand<TFloat64> pos = tf.math.unsortedSegmentSum(tf.math.mul(tf.math.maximum(x, zero), active), group, count);
        Operand<TFloat64> neg = tf.math.unsortedSegmentSum(tf.math.mul(tf.math.maximum(tf.math.neg(x), zero), active), group, count);
        Operand<TFloat64> w = tf.math.unsortedSegmentSum(tf.math.mul(weight, active), group, count);
        // a P - b N = T with a b = 1: s = sqrt(T^2 + 4 P N); T >= 0: a = (T + s) / 2P, b = 2P / (T + s);
        // T < 0: a = 2N / (s - T), b = (s - T) / 2N (divNoNan: a side with no flow gets 0)
        Operand<TFloat64> s = tf.math.sqrt(tf.math.add(tf.math.square(target), tf.math.mul(tf.constant(4.0), tf.math.mul(pos, neg))));
        Operand<TFloat64> up = tf.math.add(target, s), down = tf.math.sub(s, target);
        Operand<TFloat64> twoPos = tf.math.mul(tf.constant(2.0), pos), twoNeg = tf.math.mul(tf.constant(2.0), neg);
        Operand<TBool> gaining = tf.math.greaterEqual(target, zero);
        Operand<TFloat64> a = tf.select(gaining, tf.math.divNoNan(up, twoPos), tf.math.divNoNan(twoNeg, down));
        Operand<TFloat64> b = tf.select(gaining, tf.math.divNoNan(twoPos, up), tf.math.divNoNan(down, twoNeg));
        Operand<TFloat64> scaled = tf.math.mul(x, tf.select(tf.math.greater(x, zero), back(tf, a, group), back(tf, b, group)));
        // a side with no members but a flow to carry: spread the remainder by population
        Operand<TFloat64> remainder = tf.math.sub(target, tf.math.sub(tf.math.mul(a, pos), tf.math.mul(b, neg)));
        Operand<TBool> oneSided = tf.math.logicalOr(tf.math.equal(pos, zero), tf.math.equal(neg, zero));
        Operand<TFloat64> carried = tf.select(oneSided, remainder, tf.zerosLike(remainder));
        Operand<TFloat64> share = tf.math.divNoNan(weight, back(tf, w, group));
        return tf.math.mul(tf.math.add(scaled, tf.math.mul(back(tf, carried, group), share)), active);
    }

    private static Operand<TFloat64> back(Ops tf, Operand<TFloat64> perGroup, Operand<TInt32> group) {
        return tf.gather(perGroup, group, tf.constant(0));
    }
}
