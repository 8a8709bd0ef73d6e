package org.popcast.models.pinn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * What the physics loss needs of a density: its value and input derivatives at a batch of unit
 * points, and the initial density. The network ({@link PinnNetwork}) is one; tests put a known
 * solution in its place to check the loss itself.
 */
interface PinnField<T extends TFloating> {

    /** P at unit points (N x (2 + p)) and dP/da~, dP/dt~ for the first {@code differentiatedRows} rows. */
    PinnNetwork.Density<T> evaluate(Ops tf, Operand<T> points, int differentiatedRows);

    /** P0(A a~) / scale at unit ages (N x 1). */
    Operand<T> initial(Ops tf, Operand<T> unitAges);
}
