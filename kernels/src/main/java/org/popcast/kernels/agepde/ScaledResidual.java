package org.popcast.kernels.agepde;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The PDE residual in the unit square a~ = a / A, t~ = (t - t0) / T, density in units of
 * {@code densityScale}: r = dP/dt~ + (v T / A) dP/da~ + T mu(a) P. This is the seed's
 * "alpha = 0.3" equation (v = 1, T = 30, A = 100) written so that any ageing speed and window fit
 * (seed-notes.md: writing 0.3 into the equation in years solves a different model).
 */
public record ScaledResidual(double ageLimit, double timeSpan, double ageingSpeed) {

    public ScaledResidual {
        if (!(ageLimit > 0) || !(timeSpan > 0) || !(ageingSpeed > 0)) {
            throw new IllegalArgumentException("age limit, time span and ageing speed must be > 0");
        }
    }

    public static ScaledResidual of(AgePdeProblem p) {
        return new ScaledResidual(p.maxAge(), p.endYear() - p.startYear(), p.ageingSpeed());
    }

    /** The slope of the characteristics in the unit square (0.3 for the seed). */
    public double slope() {
        return ageingSpeed * timeSpan / ageLimit;
    }

    /**
     * @param value P at the points, N x 1 (any consistent density unit)
     * @param dScaledAge dP/da~, N x 1
     * @param dScaledTime dP/dt~, N x 1
     * @param hazard mu(a) at the points in 1/year, N x 1
     */
    public <T extends TFloating> Operand<T> residual(Ops tf, Operand<T> value, Operand<T> dScaledAge,
                                                     Operand<T> dScaledTime, Operand<T> hazard) {
        Class<T> type = value.type();
        Operand<T> transport = tf.math.add(dScaledTime, tf.math.mul(Constants.scalar(tf, slope(), type), dScaledAge));
        return tf.math.add(transport, tf.math.mul(Constants.scalar(tf, timeSpan, type), tf.math.mul(hazard, value)));
    }
}
