package org.popcast.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat64;

/** Variables, series and metadata survive a save and a restore into a fresh session of the same graph. */
class CheckpointsTest {

    private static double[][] valueAfter(Session s, Variable<TFloat64> v) {
        try (Result r = s.runner().fetch(v).run()) {
            return StdArrays.array2dCopyOf((TFloat64) r.get(0));
        }
    }

    @Test
    void roundTripKeepsTheNewestTwo(@TempDir Path dir) throws Exception {
        Checkpoints ckpt = new Checkpoints(dir.resolve("run"));
        assertFalse(ckpt.latest().isPresent());
        double[][] saved;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = tf.variable(tf.constant(new double[][] {{1, 2}, {3, 4}}));
            var bump = tf.assignAdd(w, tf.constant(new double[][] {{0.5, 0.25}, {0.125, 1}}));
            s.initialize();
            for (long step = 1; step <= 3; step++) {
                s.runner().addTarget(bump).run().close();
                ckpt.save(s, step, Map.of("settings", "hidden=64"), Map.of("loss", new double[] {1, 0.5, 0.25}));
            }
            saved = valueAfter(s, w);
        }
        Checkpoints.Saved latest = ckpt.latest().orElseThrow();
        assertEquals(3, latest.step());
        assertEquals("hidden=64", latest.meta().get("settings"));
        assertArrayEquals(new double[] {1, 0.5, 0.25}, latest.series().get("loss"));
        assertFalse(Files.exists(dir.resolve("run/ckpt-1.series")), "oldest pruned");
        assertTrue(Files.exists(dir.resolve("run/ckpt-2.series")));
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = tf.variable(tf.constant(new double[][] {{0, 0}, {0, 0}}));
            Checkpoints.restore(s, latest);
            double[][] restored = valueAfter(s, w);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(saved[i], restored[i], 0);
            }
        }
    }

    @Test
    void aTamperedManifestIsRefusedBeforeTensorFlowOpensAnything(@TempDir Path dir) throws Exception {
        for (String manifest : new String[] {"step=-5\nprefix=ckpt--5\n", "step=10\nprefix=../../etc/passwd\n", "step=10\nprefix=ckpt-11\n"}) {
            Files.writeString(dir.resolve("checkpoint.properties"), manifest);
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> new Checkpoints(dir).latest());
            assertTrue(e.getMessage().contains("damaged or tampered checkpoint manifest"), e.getMessage());
        }
    }
}
