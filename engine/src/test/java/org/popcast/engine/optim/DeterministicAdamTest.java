package org.popcast.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat64;

/** Adam in the graph against the same equations in plain Java, on a loss with a non-trivial gradient. */
class DeterministicAdamTest {

    @Test
    void matchesPlainJavaAdamStepByStep() {
        double lr = 0.05;
        double[] w = {1.5, -0.7}, m = new double[2], v = new double[2];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> x = tf.variable(tf.constant(1.5));
            Variable<TFloat64> y = tf.variable(tf.constant(-0.7));
            Variable<TFloat64> step = tf.variable(tf.constant(0.0));
            // loss = (x - 3)^4 + 10 (x y - 1)^2
            Operand<TFloat64> loss = tf.math.add(tf.math.pow(tf.math.sub(x, tf.constant(3.0)), tf.constant(4.0)),
                    tf.math.mul(tf.constant(10.0), tf.math.square(tf.math.sub(tf.math.mul(x, y), tf.constant(1.0)))));
            Op train = DeterministicAdam.minimize(tf, loss, List.of(x, y), tf.constant(lr), step);
            Op advance = tf.assignAdd(step, tf.constant(1.0));
            s.initialize();
            for (int k = 1; k <= 50; k++) {
                s.runner().addTarget(train).run().close();
                s.runner().addTarget(advance).run().close();
                double gx = 4 * Math.pow(w[0] - 3, 3) + 20 * (w[0] * w[1] - 1) * w[1];
                double gy = 20 * (w[0] * w[1] - 1) * w[0];
                double[] grad = {gx, gy};
                for (int i = 0; i < 2; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * grad[i];
                    v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
                    double mHat = m[i] / (1 - Math.pow(0.9, k)), vHat = v[i] / (1 - Math.pow(0.999, k));
                    // the efficient form of the paper (section 2) and TensorFlow: eps sits beside sqrt(v), not sqrt(vHat)
                    w[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8 / Math.sqrt(1 - Math.pow(0.999, k)));
                }
                try (Result r = s.runner().fetch(x).fetch(y).run()) {
                    assertEquals(w[0], ((TFloat64) r.get(0)).getDouble(), 1e-12, "x after step " + k);
                    assertEquals(w[1], ((TFloat64) r.get(1)).getDouble(), 1e-12, "y after step " + k);
                }
            }
        }
    }
}
