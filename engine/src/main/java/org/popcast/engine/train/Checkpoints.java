package org.popcast.engine.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.tensorflow.Session;

/**
 * Checkpoints of a training run in one directory: every variable of the session's graph in
 * TensorFlow's own checkpoint format ({@code ckpt-<step>.index/.data-*}, readable with
 * {@code tf.train.load_checkpoint}), the run's recorded series (losses per step) and a manifest
 * {@code checkpoint.properties} naming the newest complete checkpoint. The manifest is written
 * last and atomically (temporary file, then rename), so a run killed while saving resumes from
 * the previous checkpoint. The two newest checkpoints are kept.
 */
public final class Checkpoints {

    /** A saved checkpoint: its step, its files' prefix, the run's metadata and series. */
    public record Saved(long step, Path prefix, Map<String, String> meta, Map<String, double[]> series) {
    }

    private static final String MANIFEST = "checkpoint.properties";
    private static final int KEEP = 2;

    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /** Saves every variable of {@code session}'s graph at {@code step}, with metadata and series. */
    public void save(Session session, long step, Map<String, String> meta, Map<String, double[]> series) throws IOException {
        Files.createDirectories(dir);
        String name = "ckpt-" + step;
        session.save(dir.resolve(name).toString());
        writeSeries(dir.resolve(name + ".series"), series);
        Properties manifest = new Properties();
        meta.forEach(manifest::setProperty);
        manifest.setProperty("step", Long.toString(step));
        manifest.setProperty("prefix", name);
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            manifest.store(w, "popcast checkpoint manifest: the newest complete checkpoint");
        }
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        prune();
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Saved> latest() throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String prefix = p.getProperty("prefix");
        String step = p.getProperty("step");
        if (prefix == null || step == null) {
            throw new IOException(manifestFile + ": not a popcast checkpoint manifest (no step or prefix)");
        }
        // the manifest steers what TensorFlow's native reader opens: only ckpt-<step> in this folder
        if (!step.matches("\\d{1,18}") || !prefix.equals("ckpt-" + step)) {
            throw new IOException(manifestFile + ": damaged or tampered checkpoint manifest (step '" + step + "', prefix '" + prefix
                    + "'); start without --resume or restore the folder");
        }
        Map<String, String> meta = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.equals("step") && !key.equals("prefix")) {
                meta.put(key, p.getProperty(key));
            }
        }
        Path at = dir.resolve(prefix);
        return Optional.of(new Saved(Long.parseLong(step), at, meta, readSeries(dir.resolve(prefix + ".series"))));
    }

    /** Restores every variable of {@code session}'s graph (built exactly as when saved). */
    public static void restore(Session session, Saved saved) {
        session.restore(saved.prefix().toString());
    }

    private void prune() throws IOException {
        TreeMap<Long, String> steps = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "ckpt-*.series")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                steps.put(Long.parseLong(n.substring(5, n.length() - ".series".length())), n);
            }
        }
        while (steps.size() > KEEP) {
            long oldest = steps.pollFirstEntry().getKey();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "ckpt-" + oldest + ".*")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void writeSeries(Path file, Map<String, double[]> series) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            out.writeInt(series.size());
            for (Map.Entry<String, double[]> e : series.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (double v : e.getValue()) {
                    out.writeDouble(v);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, double[]> readSeries(Path file) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                double[] values = new double[in.readInt()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = in.readDouble();
                }
                series.put(name, values);
            }
        }
        return series;
    }
}
