package org.popcast.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of texts that are slow to compute and wholly determined by a key: the key is the
 * SHA-256 of everything the computation reads (its inputs, settings and the bytes of the code that
 * runs it, {@link #codeFingerprint}), so an entry is either right or never found. A cache is only
 * ever a shortcut: an entry that cannot be read or written is skipped, never an error, and the
 * caller validates what it reads and recomputes on any doubt.
 *
 * <p>Where: {@code $POPCAST_CACHE_DIR}, else {@code $XDG_CACHE_HOME/popcast}, else
 * {@code ~/.cache/popcast}; {@code POPCAST_CACHE_DIR=off} turns caching off.
 */
public final class ComputationCache {

    public static final String ENV = "POPCAST_CACHE_DIR";
    public static final String OFF = "off";
    /** A named limit (docs/reliability.md): a cache entry larger than this is not read. */
    public static final long MAX_ENTRY_BYTES = 64L << 20;

    private final Path dir;

    private ComputationCache(Path dir) {
        this.dir = dir;
    }

    /** The cache in {@code dir}; null for none. */
    public static ComputationCache at(Path dir) {
        return new ComputationCache(dir);
    }

    /** No cache: every lookup misses and nothing is written. */
    public static ComputationCache off() {
        return new ComputationCache(null);
    }

    /** The user's cache folder, as the class comment says. */
    public static ComputationCache user() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    static ComputationCache of(Map<String, String> env, String home) {
        String own = env.get(ENV), xdg = env.get("XDG_CACHE_HOME");
        if (own != null && !own.isBlank()) {
            return own.equals(OFF) ? off() : at(Path.of(own));
        }
        if (xdg != null && !xdg.isBlank()) {
            return at(Path.of(xdg, "popcast"));
        }
        return home == null || home.isBlank() ? off() : at(Path.of(home, ".cache", "popcast"));
    }

    /** Where entries go, or empty when the cache is off. */
    public Optional<Path> folder() {
        return Optional.ofNullable(dir);
    }

    /** The entry of {@code kind} under {@code key}, if there is one that reads as UTF-8 text. */
    public Optional<String> read(String kind, String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = entry(kind, key);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_ENTRY_BYTES) {
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code text} under {@code key}, atomically; false (and nothing stored) when that fails. */
    public boolean write(String kind, String key, String text) {
        if (dir == null) {
            return false;
        }
        Path file = entry(kind, key);
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path entry(String kind, String key) {
        if (!kind.matches("[a-z0-9-]+") || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("cache kind and key must be a plain word and a SHA-256, got " + kind + "/" + key);
        }
        return dir.resolve(kind).resolve(key + ".txt");
    }

    /** The SHA-256 of {@code parts}, each length-prefixed so that no two part lists collide. */
    public static String key(String... parts) {
        MessageDigest sha = sha256();
        for (String p : parts) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            sha.update(java.nio.ByteBuffer.allocate(8).putLong(b.length).array());
            sha.update(b);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The SHA-256 of the class files of each anchor's package (and its subpackages), from the jar
     * or folder the class was loaded from: a rebuilt model with changed code gets a new key.
     */
    public static String codeFingerprint(Class<?>... anchors) {
        MessageDigest sha = sha256();
        for (Class<?> anchor : anchors) {
            String prefix = anchor.getPackageName().replace('.', '/') + "/";
            for (byte[] b : classFiles(anchor, prefix)) {
                sha.update(b);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The bytes of every class file under {@code prefix}, in name order. */
    private static List<byte[]> classFiles(Class<?> anchor, String prefix) {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        List<byte[]> out = new ArrayList<>();
        try {
            Path root = Path.of(location.toURI());
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root.resolve(prefix))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        out.add(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        out.add(Files.readAllBytes(f));
                    }
                }
                return out;
            }
            try (JarFile jar = new JarFile(root.toFile())) {
                List<JarEntry> entries = new ArrayList<>();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry j = e.nextElement();
                    if (j.getName().startsWith(prefix) && j.getName().endsWith(".class")) {
                        entries.add(j);
                    }
                }
                entries.sort(java.util.Comparator.comparing(JarEntry::getName));
                for (JarEntry j : entries) {
                    try (InputStream in = jar.getInputStream(j)) {
                        out.add(j.getName().getBytes(StandardCharsets.UTF_8));
                        out.add(in.readAllBytes());
                    }
                }
            }
            return out;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // code we cannot read cannot be fingerprinted: a key that never repeats turns the cache off
            return List.of(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8), new byte[] {1});
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
