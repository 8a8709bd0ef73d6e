package org.popcast.kernels.agepde;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The force of mortality mu(a) and its cumulative hazard M(a) = integral_0^a mu. Survival along a
 * characteristic from age x to age y is exp(-(M(y) - M(x)) / ageing speed).
 */
public interface Mortality {

    double hazard(double age);

    double cumulativeHazard(double age);

    /** mu at {@code ages} (N x 1) inside a TensorFlow graph. */
    <T extends TFloating> Operand<T> hazard(Ops tf, Operand<T> ages);

    /** Ages where mu is not smooth. */
    double[] breakpoints();

    /** {@code factor} mu(a), factor >= 0: the same age pattern at another level. */
    default Mortality scaled(double factor) {
        return new ScaledMortality(this, factor);
    }

    /** The seed's form: mu0 + slope a below {@code switchAge}, then growing exponentially at {@code growth}. */
    static Mortality linearExponential(double mu0, double slope, double switchAge, double growth) {
        return new LinearExponentialMortality(mu0, slope, switchAge, growth);
    }

    /** A table of mu by age, interpolated linearly; M integrates the interpolant exactly. */
    static Mortality table(double[] ages, double[] hazards) {
        PiecewiseLinear mu = new PiecewiseLinear(ages, hazards);
        if (mu.minValue() < 0) {
            throw new IllegalArgumentException("mortality rates must be >= 0, the table has " + mu.minValue());
        }
        return new Mortality() {
            @Override
            public double hazard(double age) {
                return mu.value(age);
            }

            @Override
            public double cumulativeHazard(double age) {
                return mu.integral(age);
            }

            @Override
            public double[] breakpoints() {
                return mu.breakpoints();
            }

            @Override
            public <T extends TFloating> Operand<T> hazard(Ops tf, Operand<T> ages) {
                return mu.graph(tf, ages);
            }
        };
    }
}
