package org.popcast.kernels.agepde;

import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** {@code factor} mu(a): a mortality level (the inverse problem's mortality scale). M scales alike, kinks stay put. */
final class ScaledMortality implements Mortality {

    private final Mortality base;
    private final double factor;

    ScaledMortality(Mortality base, double factor) {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("a mortality scale must be a finite number >= 0, got " + factor);
        }
        this.base = base;
        this.factor = factor;
    }

    @Override
    public double hazard(double age) {
        return factor * base.hazard(age);
    }

    @Override
    public double cumulativeHazard(double age) {
        return factor * base.cumulativeHazard(age);
    }

    @Override
    public <T extends TFloating> Operand<T> hazard(Ops tf, Operand<T> ages) {
        return tf.math.mul(Constants.scalar(tf, factor, ages.type()), base.hazard(tf, ages));
    }

    @Override
    public double[] breakpoints() {
        return base.breakpoints();
    }
}
