package org.popcast.kernels.cohort;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat64;

/**
 * The cohort-component step of {@link CohortStep} for every region, scenario and sex at once, as
 * TensorFlow graph ops (same equations, same conventions). Tensors are laid out region-first so
 * that regional sums are segment sums over the first axis ({@link CohortLayout} holds the flat
 * index arithmetic of these shapes):
 *
 * <pre>
 *   population, migrants   [R, S, 2, A]   (region, scenario, sex F/M, age group; last group open)
 *   survival               [R, 1, 2, A]   (or [R, S, 2, A]: survival of group x over the step)
 *   birthSurvival          [R, 1, 2]      (L_0 / (n l_0) per sex)
 *   fertility              [R, S, A]      (births per woman per year)
 *   femaleShare            [R, 1]         (1 / (1 + srb))
 * </pre>
 *
 * Holds no graph: the caller owns it and runs the returned operands.
 */
public final class BatchedCohortStep {

    /**
     * The results of one step: population [R,S,2,A], births [R,S], deaths and net migrants [R,S,2];
     * births by age of mother [R,S,A] and deaths by age [R,S,2,A] as in {@link CohortStep.Result}.
     */
    public record Outputs(Operand<TFloat64> population, Operand<TFloat64> births, Operand<TFloat64> deaths,
                          Operand<TFloat64> netMigration, Operand<TFloat64> birthsByAge, Operand<TFloat64> deathsByAge) {
    }

    private BatchedCohortStep() {
    }

    public static Outputs project(Ops tf, Operand<TFloat64> population, Operand<TFloat64> migrants,
                                  Operand<TFloat64> survival, Operand<TFloat64> birthSurvival,
                                  Operand<TFloat64> fertility, Operand<TFloat64> femaleShare,
                                  int ages, double n, MigrationTiming timing) {
        Operand<TFloat64> start = tf.math.add(population, scaled(tf, migrants, timing.startShare()));
        Operand<TFloat64> survivors = tf.math.mul(start, survival);
        Operand<TFloat64> residentDeathsByAge = tf.math.sub(start, survivors);
        Operand<TFloat64> deathsOfResidents = sumAges(tf, residentDeathsByAge);
        // survivors of group x move to x+1; those of the last closed and the open group stay open
        Operand<TFloat64> aged = ages(tf, survivors, 0, ages - 2);
        Operand<TFloat64> open = sumAges(tf, ages(tf, survivors, ages - 2, 2), true);

        Operand<TFloat64> femaleStart = sex(tf, start, 0);
        Operand<TFloat64> femaleEnd = tf.concat(List.of(zeros(tf, femaleStart), sex(tf, aged, 0), sex(tf, open, 0)), tf.constant(2));
        if (timing.endShareInBirths() > 0) {
            femaleEnd = tf.math.add(femaleEnd, scaled(tf, sex(tf, migrants, 0), timing.endShareInBirths()));
        }
        Operand<TFloat64> exposure = scaled(tf, tf.math.add(femaleStart, femaleEnd), 0.5);
        Operand<TFloat64> birthsByAge = scaled(tf, tf.math.mul(fertility, exposure), n);
        Operand<TFloat64> births = tf.reduceSum(birthsByAge, tf.constant(2));

        Operand<TFloat64> sexShares = tf.concat(List.of(femaleShare, tf.math.sub(tf.constant(1.0), femaleShare)), tf.constant(1));
        Operand<TFloat64> birthsBySex = tf.math.mul(tf.expandDims(births, tf.constant(2)), tf.expandDims(sexShares, tf.constant(1)));
        Operand<TFloat64> newborns = tf.math.mul(birthsBySex, birthSurvival);
        Operand<TFloat64> end = tf.concat(List.of(tf.expandDims(newborns, tf.constant(3)), aged, open), tf.constant(3));
        if (timing.endShare() > 0) {
            end = tf.math.add(end, scaled(tf, migrants, timing.endShare()));
        }
        Operand<TFloat64> infantDeaths = tf.math.sub(birthsBySex, newborns);
        Operand<TFloat64> deaths = tf.math.add(deathsOfResidents, infantDeaths);
        // deaths of those born in the step count in the first age group
        Operand<TFloat64> firstGroup = tf.concat(List.of(tf.expandDims(infantDeaths, tf.constant(3)),
                tf.zerosLike(ages(tf, residentDeathsByAge, 1, ages - 1))), tf.constant(3));
        Operand<TFloat64> deathsByAge = tf.math.add(residentDeathsByAge, firstGroup);
        return new Outputs(end, births, deaths, sumAges(tf, migrants), birthsByAge, deathsByAge);
    }

    private static Operand<TFloat64> scaled(Ops tf, Operand<TFloat64> x, double factor) {
        return factor == 1 ? x : tf.math.mul(x, tf.constant(factor));
    }

    /** Age groups [from, from + count) of a [R,S,2,A] tensor. */
    private static Operand<TFloat64> ages(Ops tf, Operand<TFloat64> x, int from, int count) {
        return tf.slice(x, tf.constant(new int[] {0, 0, 0, from}), tf.constant(new int[] {-1, -1, -1, count}));
    }

    /** One sex of a [R,S,2,A] tensor, as [R,S,A]. */
    private static Operand<TFloat64> sex(Ops tf, Operand<TFloat64> x, int s) {
        Operand<TFloat64> slice = tf.slice(x, tf.constant(new int[] {0, 0, s, 0}), tf.constant(new int[] {-1, -1, 1, -1}));
        return tf.squeeze(slice, org.tensorflow.op.core.Squeeze.axis(List.of(2L)));
    }

    private static Operand<TFloat64> zeros(Ops tf, Operand<TFloat64> byAge) {
        return tf.zerosLike(tf.slice(byAge, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {-1, -1, 1})));
    }

    private static Operand<TFloat64> sumAges(Ops tf, Operand<TFloat64> x) {
        return tf.reduceSum(x, tf.constant(3));
    }

    private static Operand<TFloat64> sumAges(Ops tf, Operand<TFloat64> x, boolean keep) {
        return tf.reduceSum(x, tf.constant(3), ReduceSum.keepDims(keep));
    }
}
