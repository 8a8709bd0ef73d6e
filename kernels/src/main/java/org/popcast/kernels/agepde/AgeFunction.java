package org.popcast.kernels.agepde;

/**
 * A function of age that is smooth except at a known, finite set of ages (its breakpoints).
 * Solvers split their quadrature there, so that each piece is smooth and Gauss rules keep
 * their accuracy.
 */
public interface AgeFunction {

    double value(double age);

    /** Ages where the function or one of its derivatives jumps; empty when smooth everywhere. */
    default double[] breakpoints() {
        return new double[0];
    }
}
