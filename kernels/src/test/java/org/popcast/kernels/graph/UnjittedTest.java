package org.popcast.kernels.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

class UnjittedTest {

    /**
     * The copy marks every node, keeps the names and the variable's initialiser, and computes what
     * the original computes: sum_j tanh(x_j w_j) with w = (1, 2, 3) initialised in the graph, then
     * w += x by an assignment run by name.
     */
    @Test
    void copyMarksEveryNodeAndRunsByTheOriginalNames() {
        String xName, outName, varName, updateName;
        Graph copy;
        try (Graph built = new Graph()) {
            Ops tf = Ops.create(built);
            Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] {1f, 2f, 3f}));
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
            xName = x.op().name();
            varName = w.op().name();
            outName = tf.reduceSum(tf.math.tanh(tf.math.mul(x, w)), tf.constant(0)).op().name();
            updateName = tf.assignAdd(w, x).op().name();
            copy = Unjitted.copyOf(built);
        }
        try (Graph g = copy; Session s = new Session(g)) {
            int nodes = 0;
            for (NodeDef n : g.toGraphDef().getNodeList()) {
                nodes++;
                assertTrue(n.containsAttr(Unjitted.XLA_COMPILE), n.getName() + " carries " + Unjitted.XLA_COMPILE);
                assertFalse(n.getAttrOrThrow(Unjitted.XLA_COMPILE).getB(), n.getName());
            }
            assertTrue(nodes >= 6, "the copy holds the original's nodes, got " + nodes);
            s.initialize();
            float[] x = {0.5f, -0.25f, 0.1f};
            assertEquals(Math.tanh(0.5) + Math.tanh(-0.5) + Math.tanh(0.3), run(s, xName, outName, x), 1e-6);
            try (TFloat32 t = TFloat32.vectorOf(x)) {
                s.runner().feed(xName, t).addTarget(updateName).run().close();
            }
            try (Result r = s.runner().fetch(varName).run()) {
                TFloat32 w = (TFloat32) r.get(0);
                assertEquals(1.5f, w.getFloat(0), 1e-7);
                assertEquals(1.75f, w.getFloat(1), 1e-7);
                assertEquals(3.1f, w.getFloat(2), 1e-6);
            }
        }
    }

    private static double run(Session s, String x, String out, float[] values) {
        try (TFloat32 t = TFloat32.vectorOf(values); Result r = s.runner().feed(x, t).fetch(out).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }
}
