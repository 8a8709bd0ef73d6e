package org.popcast.data.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run's intermediate data on disk rather than in memory (e.g. every trajectory's summary until
 * the quantiles are made), read and written at explicit positions, safe from several threads.
 * Beside an output it is named as {@link AtomicFile}'s temporaries ({@code .<target name>.tmp-<random>}),
 * so a leftover is removed as stale by the next run that writes that target; without a target it
 * goes to {@code java.io.tmpdir}. It is opened {@code DELETE_ON_CLOSE}, which on Linux and macOS
 * unlinks the name at once: nothing is left behind on success, on failure, or when the JVM is
 * killed. {@link #close} deletes the name too where the platform could not.
 */
public final class ScratchFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private ScratchFile(Path path) throws IOException {
        this.path = path;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new IOException("cannot create a temporary file in " + path.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** A scratch file in {@code target}'s directory, named after it; older leftovers of killed runs are removed first. */
    public static ScratchFile beside(Path target) throws IOException {
        Path abs = AtomicFile.checkTarget(target);
        AtomicFile.removeStale(abs);
        return new ScratchFile(AtomicFile.temporaryName(abs.getParent(), "." + abs.getFileName()));
    }

    /** A scratch file in {@code java.io.tmpdir}. */
    public static ScratchFile inTempDir(String prefix) throws IOException {
        return new ScratchFile(AtomicFile.temporaryName(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), prefix));
    }

    /** Where it was created (on Linux no longer a name in its directory once open). */
    public Path path() {
        return path;
    }

    /** Writes all of {@code src} at byte {@code position}. */
    public void write(ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    /** Fills {@code dst} from byte {@code position}; fails if the file ends first. */
    public void read(ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new EOFException("temporary file " + path + " ends at byte " + at + ", expected " + dst.remaining() + " more");
            }
            at += n;
        }
    }

    /** Bytes written so far (the highest position + 1). */
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            AtomicFile.deleteQuietly(path);
        }
    }
}
