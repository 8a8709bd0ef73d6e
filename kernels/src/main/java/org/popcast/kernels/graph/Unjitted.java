package org.popcast.kernels.graph;

import org.tensorflow.Graph;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Copies of a graph that XLA's auto-clustering leaves alone, whatever {@code TF_XLA_FLAGS} says.
 *
 * <p>The launcher turns XLA auto-clustering on for the whole process (the cohort projection needs
 * it). The flag overrides a session's {@code global_jit_level}, so a session cannot opt out; a node
 * carrying {@code _XlaCompile = false} is never clustered, which is what this copy marks on every
 * node. Names, initialisers (TensorFlow Java's {@code Init} op) and everything else are kept, so
 * the copy is run by the names of the original's operations.
 */
public final class Unjitted {

    /** The attribute that MarkForCompilationPass reads before clustering a node. */
    static final String XLA_COMPILE = "_XlaCompile";

    private Unjitted() {
    }

    /** A new graph (the caller closes it) holding {@code built}'s operations, none of them compiled by XLA. */
    public static Graph copyOf(Graph built) {
        GraphDef.Builder def = built.toGraphDef().toBuilder();
        AttrValue no = AttrValue.newBuilder().setB(false).build();
        for (NodeDef.Builder node : def.getNodeBuilderList()) {
            node.putAttr(XLA_COMPILE, no);
        }
        Graph copy = new Graph();
        try {
            copy.importGraphDef(def.build());
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }
}
