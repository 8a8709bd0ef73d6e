package org.popcast.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file through a temporary sibling and renames it into place, so that a reader (or a
 * crashed run) never sees half a result: the target is either the complete new file or whatever
 * was there before. Only regular files are ever replaced: renaming over {@code /dev/null} as root
 * would swap the device for a file.
 */
public final class AtomicFile {

    /** Temporary files are named {@code .<target name>.tmp-<random>} beside their target. */
    static final String TMP_MARK = ".tmp-";
    /** A temporary file untouched this long belongs to a killed run. */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(10);

    /** Something that writes to a path and may fail with an IOException. */
    @FunctionalInterface
    public interface IoAction<T> {
        void run(T t) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Calls {@code writeTo} with a temporary path in the target's directory (which does not exist
     * yet; the action creates it), then moves it onto {@code target}. On any failure the temporary
     * file is deleted and the target is left untouched.
     */
    public static void write(Path target, IoAction<Path> writeTo) throws IOException {
        Path tmp = stage(target, writeTo);
        boolean done = false;
        try {
            commit(tmp, target);
            done = true;
        } finally {
            if (!done) {
                deleteQuietly(tmp);
            }
        }
    }

    /** A fresh temporary name {@code <stem>.tmp-<random>} in {@code dir} (generated, not created). */
    static Path temporaryName(Path dir, String stem) {
        return dir.resolve(stem + TMP_MARK + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    }

    /**
     * Writes through {@code writeTo} to a temporary sibling of {@code target}, flushed to disk, and
     * returns it; {@link #commit} moves it into place. On failure nothing is left.
     */
    public static Path stage(Path target, IoAction<Path> writeTo) throws IOException {
        Path abs = checkTarget(target);
        removeStale(abs);
        // Same directory, so the final rename stays on one file system and can be atomic. The name
        // is only generated, not created: the action creates the file with the usual permissions
        // (Files.createTempFile would make it owner-only).
        Path tmp = temporaryName(abs.getParent(), "." + abs.getFileName());
        boolean done = false;
        try {
            writeTo.run(tmp);
            if (!Files.isRegularFile(tmp)) {
                throw new IOException("cannot write " + abs + ": the writer produced no file");
            }
            // Flush to disk before the rename, otherwise a power cut could leave an empty target.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            done = true;
            return tmp;
        } finally {
            if (!done) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Moves a staged file onto its target (checked again: it may have changed while we wrote). */
    public static void commit(Path staged, Path target) throws IOException {
        Path abs = checkTarget(target);
        try {
            Files.move(staged, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code writer} with its failures named after {@code target}, not the temporary file it writes. */
    public static IoAction<Path> naming(Path target, IoAction<Path> writer) {
        return tmp -> {
            try {
                writer.run(tmp);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        };
    }

    /** The absolute target, if its folder exists and is writable and it is absent or a regular file. */
    static Path checkTarget(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        // Checked first so the user gets one clear sentence instead of an HDF5 error stack.
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + abs + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("cannot write " + abs + ": directory " + dir + " is not writable");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + abs + ": it is a directory");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(abs)) {
            throw new IOException("cannot write " + abs + ": it is not a regular file (a device, pipe or socket);"
                    + " popcast writes results to regular files only");
        }
        if (Files.isSymbolicLink(abs) && Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IOException("cannot write " + abs + ": it links to something that is not a regular file");
        }
        return abs;
    }

    /**
     * Deletes temporary files of {@code target} left by killed runs: those not written to for
     * {@link #STALE_AFTER} (a live writer touches its file every few seconds).
     */
    static void removeStale(Path target) {
        String prefix = "." + target.getFileName() + TMP_MARK;
        long cutoff = System.currentTimeMillis() - STALE_AFTER.toMillis();
        try (java.util.stream.Stream<Path> siblings = Files.list(target.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(p -> {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                        Files.delete(p);
                    }
                } catch (IOException ignored) {
                    // another run may have removed it
                }
            });
        } catch (IOException ignored) {
            // a folder we cannot list is reported when we write to it
        }
    }

    static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure matters more than a leftover temporary file
        }
    }
}
