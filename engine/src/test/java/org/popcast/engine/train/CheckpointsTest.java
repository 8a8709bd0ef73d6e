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

    /** One checkpoint of a 2x2 variable saved at step 7 in {@code dir}. */
    private static Checkpoints savedOnce(Path dir) throws Exception {
        Checkpoints ckpt = new Checkpoints(dir);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            tf.variable(tf.constant(new double[][] {{1, 2}, {3, 4}}));
            s.initialize();
            ckpt.save(s, 7, Map.of(), Map.of("loss", new double[] {1, 0.5}));
        }
        return ckpt;
    }

    private static String refusal(Checkpoints ckpt) {
        String m = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, ckpt::latest).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    @Test
    void aDamagedCheckpointIsNamedBeforeTensorFlowSeesIt(@TempDir Path dir) throws Exception {
        Checkpoints ckpt = savedOnce(dir);
        Path data;
        try (var files = Files.list(dir)) {
            data = files.filter(f -> f.getFileName().toString().startsWith("ckpt-7.data-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(data, bytes);
        assertTrue(refusal(ckpt).equals(data + ": damaged: its SHA-256 differs from the one recorded when it was saved;"
                + " start without --resume or restore the folder"), refusal(ckpt));

        Checkpoints cut = savedOnce(dir.resolve("cut"));
        Path index = dir.resolve("cut/ckpt-7.index");
        Files.write(index, java.util.Arrays.copyOf(Files.readAllBytes(index), 10));
        assertTrue(refusal(cut).startsWith(index + ": damaged: 10 bytes, "), refusal(cut));

        Checkpoints gone = savedOnce(dir.resolve("gone"));
        Files.delete(dir.resolve("gone/ckpt-7.index"));
        assertTrue(refusal(gone).startsWith(dir.resolve("gone/ckpt-7.index") + ": missing"), refusal(gone));

        Checkpoints extra = savedOnce(dir.resolve("extra"));
        Files.writeString(dir.resolve("extra/ckpt-7.data-00001-of-00002"), "x");
        assertTrue(refusal(extra).contains("not recorded in the checkpoint manifest"), refusal(extra));
    }

    @Test
    void aManifestWithoutChecksumsStillNeedsTheIndexAndData(@TempDir Path dir) throws Exception {
        Checkpoints ckpt = savedOnce(dir);
        Path manifest = dir.resolve("checkpoint.properties");
        Files.write(manifest, Files.readAllLines(manifest).stream().filter(l -> !l.startsWith("sha256.") && !l.startsWith("size.")).toList());
        assertEquals(7, ckpt.latest().orElseThrow().step(), "an earlier manifest without checksums still reads");
        Files.delete(dir.resolve("ckpt-7.index"));
        assertTrue(refusal(ckpt).contains("checkpoint ckpt-7 is incomplete (no .index or .data file)"), refusal(ckpt));
    }
}
