package org.popcast.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file through a temporary sibling and renames it into place, so that a reader (or a
 * crashed run) never sees half a result: the target is either the complete new file or whatever
 * was there before.
 */
public final class AtomicFile {

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
        // Same directory, so the final rename stays on one file system and can be atomic. The name
        // is only generated, not created: the action creates the file with the usual permissions
        // (Files.createTempFile would make it owner-only).
        Path tmp = dir.resolve("." + abs.getFileName() + ".tmp-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
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
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure matters more than a leftover temporary file
                }
            }
        }
    }
}
