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
    private static final String SIZE = "size.";
    private static final String SHA256 = "sha256.";
    /** A checkpoint's files may hold at most this many bytes in all before TensorFlow is given them. */
    public static final long MAX_CHECKPOINT_BYTES = 4L << 30;
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
        // what TensorFlow's native reader will be given on resume, recorded now, checked then
        for (Path f : files(name)) {
            manifest.setProperty(SIZE + f.getFileName(), Long.toString(Files.size(f)));
            manifest.setProperty(SHA256 + f.getFileName(), sha256(f));
        }
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
            if (!key.equals("step") && !key.equals("prefix") && !key.startsWith(SIZE) && !key.startsWith(SHA256)) {
                meta.put(key, p.getProperty(key));
            }
        }
        verify(p, prefix);
        Path at = dir.resolve(prefix);
        return Optional.of(new Saved(Long.parseLong(step), at, meta, readSeries(dir.resolve(prefix + ".series"))));
    }

    /** Restores every variable of {@code session}'s graph (built exactly as when saved). */
    public static void restore(Session session, Saved saved) {
        try {
            session.restore(saved.prefix().toString());
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new IllegalStateException(saved.prefix() + ": TensorFlow cannot restore this checkpoint (" + m
                    + "); start without --resume or restore the folder", e);
        }
    }

    /**
     * The checkpoint's files as recorded at save time: the same names, sizes and SHA-256, so a
     * damaged or swapped file is named here instead of by TensorFlow's native reader. Manifests
     * written before checksums were recorded are checked for the index and data files' presence.
     */
    private void verify(Properties manifest, String prefix) throws IOException {
        String again = "; start without --resume or restore the folder";
        boolean recorded = manifest.stringPropertyNames().stream().anyMatch(k -> k.startsWith(SHA256));
        if (!recorded) {
            if (!Files.isRegularFile(dir.resolve(prefix + ".index")) || files(prefix).stream().noneMatch(f -> f.getFileName().toString().contains(".data-"))) {
                throw new IOException(dir + ": checkpoint " + prefix + " is incomplete (no .index or .data file)" + again);
            }
            return;
        }
        long total = 0;
        for (String key : new java.util.TreeSet<>(manifest.stringPropertyNames())) {
            if (!key.startsWith(SHA256)) {
                continue;
            }
            String name = key.substring(SHA256.length());
            if (!name.startsWith(prefix + ".") || name.contains("/") || name.contains("\\")) {
                throw new IOException(dir.resolve(MANIFEST) + ": damaged or tampered checkpoint manifest (names " + name + ")" + again);
            }
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + ": missing: checkpoint " + prefix + " is incomplete" + again);
            }
            long size = Files.size(f);
            total += size;
            if (total > MAX_CHECKPOINT_BYTES) {
                throw new IOException(dir + ": checkpoint " + prefix + " holds more than " + (MAX_CHECKPOINT_BYTES >> 20) + " MB" + again);
            }
            if (!String.valueOf(size).equals(manifest.getProperty(SIZE + name))) {
                throw new IOException(f + ": damaged: " + size + " bytes, " + manifest.getProperty(SIZE + name) + " when saved" + again);
            }
            if (!sha256(f).equals(manifest.getProperty(key))) {
                throw new IOException(f + ": damaged: its SHA-256 differs from the one recorded when it was saved" + again);
            }
        }
        for (Path f : files(prefix)) {
            if (manifest.getProperty(SHA256 + f.getFileName()) == null) {
                throw new IOException(f + ": not recorded in the checkpoint manifest" + again);
            }
        }
    }

    /** The files of checkpoint {@code prefix}: its index, data shards and series. */
    private java.util.List<Path> files(String prefix) throws IOException {
        java.util.List<Path> out = new java.util.ArrayList<>();
        try (DirectoryStream<Path> fs = Files.newDirectoryStream(dir, prefix + ".*")) {
            for (Path f : fs) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".tmp")) {
                    out.add(f);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
            long size = Files.size(file);
            int count = in.readInt();
            if (count < 0 || count > size) {
                throw new IOException(file + ": damaged checkpoint series (" + count + " series)");
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > size / Double.BYTES) {
                    throw new IOException(file + ": damaged checkpoint series (" + length + " values in a " + size + "-byte file)");
                }
                double[] values = new double[length];
                for (int j = 0; j < values.length; j++) {
                    values[j] = in.readDouble();
                }
                series.put(name, values);
            }
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": damaged checkpoint series (it ends early)", e);
        }
        return series;
    }
}
