package org.popcast.kernels.agepde;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** An age function that also evaluates inside a TensorFlow graph, at points sampled in the graph. */
public interface GraphAgeFunction extends AgeFunction {

    /** The function at {@code ages} (N x 1), N x 1, built only from ops with registered gradients. */
    <T extends TFloating> Operand<T> graph(Ops tf, Operand<T> ages);
}
