package org.popcast.kernels.agepde;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * mu(a) = mu0 + B a for a below the switch age s, (mu0 + B s) exp(g (a - s)) above it (the seed's
 * mortality, continuous at s). Cumulative hazard in closed form:
 * M(a) = mu0 a + B a^2 / 2 below s, M(s) + (mu0 + B s)(exp(g (a - s)) - 1) / g above.
 */
final class LinearExponentialMortality implements Mortality {

    private final double mu0, slope, switchAge, growth;

    LinearExponentialMortality(double mu0, double slope, double switchAge, double growth) {
        require(mu0 >= 0, "mortality mu0 must be >= 0", mu0);
        require(slope >= 0, "mortality slope must be >= 0", slope);
        require(switchAge >= 0, "mortality switch_age must be >= 0", switchAge);
        require(growth > 0, "mortality growth must be > 0", growth);
        this.mu0 = mu0;
        this.slope = slope;
        this.switchAge = switchAge;
        this.growth = growth;
    }

    private static void require(boolean ok, String what, double got) {
        if (!ok || !Double.isFinite(got)) {
            throw new IllegalArgumentException(what + ", got " + got);
        }
    }

    @Override
    public double hazard(double age) {
        return age < switchAge ? mu0 + slope * age : (mu0 + slope * switchAge) * Math.exp(growth * (age - switchAge));
    }

    @Override
    public <T extends TFloating> Operand<T> hazard(Ops tf, Operand<T> ages) {
        Class<T> type = ages.type();
        Operand<T> linear = tf.math.add(Constants.scalar(tf, mu0, type), tf.math.mul(Constants.scalar(tf, slope, type), ages));
        // max(a, s) - s keeps the unused exponential branch at exp(0) for young ages, so no inf reaches select's gradient
        Operand<T> beyond = tf.math.sub(tf.math.maximum(ages, Constants.scalar(tf, switchAge, type)), Constants.scalar(tf, switchAge, type));
        Operand<T> exponential = tf.math.mul(Constants.scalar(tf, mu0 + slope * switchAge, type),
                tf.math.exp(tf.math.mul(Constants.scalar(tf, growth, type), beyond)));
        return tf.select(tf.math.less(ages, Constants.scalar(tf, switchAge, type)), linear, exponential);
    }

    @Override
    public double cumulativeHazard(double age) {
        if (age < switchAge) {
            return mu0 * age + 0.5 * slope * age * age;
        }
        double atSwitch = mu0 * switchAge + 0.5 * slope * switchAge * switchAge;
        return atSwitch + (mu0 + slope * switchAge) * Math.expm1(growth * (age - switchAge)) / growth;
    }

    @Override
    public double[] breakpoints() {
        return new double[] {switchAge};
    }
}
