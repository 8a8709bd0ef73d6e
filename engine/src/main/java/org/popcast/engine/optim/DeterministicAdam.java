package org.popcast.engine.optim;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * Adam (Kingma and Ba) as one graph op, ordered so that a step is deterministic: every gradient is
 * computed before any variable changes, and each update reads the moments it has just written.
 * tensorflow-framework 1.0.0's Adam gave different numbers from run to run with the same seed
 * (its updates race with reads of the shared state), which breaks popcast's reproducibility
 * promise; its GradientDescent is deterministic, so the race is Adam's.
 *
 * <pre>
 *   m = b1 m + (1 - b1) g,   v = b2 v + (1 - b2) g^2,
 *   w = w - lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)      (t = 1, 2, ...)
 * </pre>
 */
public final class DeterministicAdam {

    public static final double BETA1_DEFAULT = 0.9;
    public static final double BETA2_DEFAULT = 0.999;
    public static final double EPSILON_DEFAULT = 1e-8;

    private DeterministicAdam() {
    }

    /**
     * The update op for {@code variables} minimising {@code loss}.
     *
     * @param stepNumber the number of steps taken before this one (0 for the first), as a float scalar
     * @param learningRate a scalar of the variables' type (a constant or a schedule)
     */
    public static <T extends TFloating> Op minimize(Ops tf, Operand<T> loss, List<Variable<T>> variables,
                                                    Operand<T> learningRate, Operand<T> stepNumber) {
        Gradients grads = tf.gradients(loss, variables);
        List<Operand<T>> g = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            g.add(grads.dy(i));
        }
        return apply(tf, g, variables, learningRate, stepNumber);
    }

    /**
     * The update op for {@code variables} given their gradients (for example a weighted sum of the
     * gradients of several loss terms).
     */
    public static <T extends TFloating> Op apply(Ops tf, List<Operand<T>> gradients, List<Variable<T>> variables,
                                                 Operand<T> learningRate, Operand<T> stepNumber) {
        Class<T> type = stepNumber.type();
        List<Op> computed = new ArrayList<>();
        for (Operand<T> g : gradients) {
            computed.add(tf.identity(g));
        }
        Ops after = tf.withControlDependencies(computed);
        Operand<T> b1 = scalar(tf, BETA1_DEFAULT, type), b2 = scalar(tf, BETA2_DEFAULT, type), one = scalar(tf, 1, type);
        Operand<T> t = after.math.add(stepNumber, one);
        Operand<T> correction = after.math.div(after.math.sqrt(after.math.sub(one, after.math.pow(b2, t))),
                after.math.sub(one, after.math.pow(b1, t)));
        Operand<T> rate = after.math.mul(learningRate, correction);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<T> w = variables.get(i);
            Operand<T> g = gradients.get(i);
            Variable<T> m = tf.variable(tf.zerosLike(w));
            Variable<T> v = tf.variable(tf.zerosLike(w));
            Operand<T> mNew = after.assign(m, after.math.add(after.math.mul(b1, m), after.math.mul(after.math.sub(one, b1), g)));
            Operand<T> vNew = after.assign(v, after.math.add(after.math.mul(b2, v),
                    after.math.mul(after.math.sub(one, b2), after.math.square(g))));
            Operand<T> delta = after.math.div(after.math.mul(rate, mNew),
                    after.math.add(after.math.sqrt(vNew), scalar(tf, EPSILON_DEFAULT, type)));
            updates.add(after.assignSub(w, delta));
        }
        return tf.withControlDependencies(updates).noOp();
    }

    private static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
        return tf.dtypes.cast(tf.constant(value), type);
    }
}
