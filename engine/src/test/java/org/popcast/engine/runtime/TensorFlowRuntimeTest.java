package org.popcast.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

class TensorFlowRuntimeTest {

    @Test
    void nativeLibraryLoadsAndRunsAGraph() {
        assertTrue(TensorFlowRuntime.version().startsWith("2."), TensorFlowRuntime.version());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var sum = tf.math.add(tf.constant(1.5), tf.constant(2.25));
            try (TFloat64 out = (TFloat64) s.runner().fetch(sum).run().get(0)) {
                assertEquals(3.75, out.getDouble(), 0);
            }
        }
    }
}
