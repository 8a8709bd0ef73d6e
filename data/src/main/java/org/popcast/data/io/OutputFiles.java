package org.popcast.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one command writes, as one unit. Every output is checked before any work starts: not
 * standard output ({@code -}) unless it is a text table declared with {@link #text}, not a directory or device, its folder writable, not one of the
 * command's inputs nor inside an input folder, not another output of the same run. Files are then
 * written under temporary names beside their targets and renamed into place together by
 * {@link #commit()}; {@link #close()} without a commit removes what was staged, so a failed run
 * leaves neither a partial result nor half of a pair (a result without its model, say).
 *
 * <p>Typical use in a command: declare inputs and outputs, run, then write and commit:
 * <pre>
 * try (OutputFiles outputs = new OutputFiles().input("--scenario", scenario)) {
 *     outputs.file("--out", out);
 *     ... compute ...
 *     outputs.write(out, NetcdfWriter.writer(dataset));
 *     outputs.commit();
 * }</pre>
 */
public final class OutputFiles implements AutoCloseable {

    private record Declared(String option, Path path) {
    }

    private final List<Declared> inputs = new ArrayList<>();
    private final List<Declared> files = new ArrayList<>();
    private final List<Declared> folders = new ArrayList<>();
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final List<Path> created = new ArrayList<>();
    private final List<FileLock> locks = new ArrayList<>();
    /** Folders a command keeps its own state in (model, checkpoint folders): their files are updated in place. */
    private final List<Path> own = new ArrayList<>();
    private boolean committed;
    private boolean overwrite;
    /** Where a text output named {@code -} goes ({@link #stdout}), its option, and its staged text. */
    private java.io.Writer stdout;
    private String stdoutOption;
    private Path stdoutStaged;

    /** The name of standard output on the command line. */
    public static final String STDOUT = "-";

    /** Whether {@code target} names standard output ({@code -}). */
    public static boolean isStdout(Path target) {
        return target != null && target.toString().equals(STDOUT);
    }

    /** The command's standard output, where a text output given as {@code -} is written at {@link #commit()}. */
    public OutputFiles stdout(java.io.Writer out) {
        stdout = out;
        return this;
    }

    /** Whether an output of this run goes to standard output (the command's own messages then go to standard error). */
    public boolean usesStdout() {
        return stdoutOption != null;
    }

    /**
     * Whether existing files may be replaced ({@code --overwrite}); without it an output file that
     * exists is refused before any work, and a file of an output folder when it is about to be
     * written (nothing is then renamed into place).
     */
    public OutputFiles overwrite(boolean allowed) {
        overwrite = allowed;
        return this;
    }

    /**
     * Registers a file or folder the command reads (null: none); outputs may not land on or in it,
     * whether they were declared before or after.
     */
    public OutputFiles input(String option, Path path) {
        if (path != null) {
            Declared in = new Declared(option, real(path));
            for (Declared out : files) {
                String clash = clash(in, out.path());
                if (clash != null) {
                    throw new org.popcast.data.input.InputException(out.option() + " " + out.path() + clash);
                }
            }
            inputs.add(in);
        }
        return this;
    }

    /** Why an output at {@code real} would harm the input {@code in}, or null. */
    private static String clash(Declared in, Path real) {
        if (real.equals(in.path())) {
            return " is the input " + in.option() + ": popcast never writes over its inputs; choose another name";
        }
        if (real.startsWith(in.path()) && Files.isDirectory(in.path())) {
            return " is inside the input " + in.option() + " " + in.path() + ": popcast never writes into its inputs; choose another place";
        }
        return null;
    }

    /** Checks an output file before any work; returns it. Null is allowed (an option not given). */
    public Path file(String option, Path target) throws IOException {
        if (target == null) {
            return null;
        }
        Path real = checkFile(option, target);
        refuseExisting(option, target);
        for (Declared d : java.util.stream.Stream.concat(files.stream(), folders.stream()).toList()) {
            if (d.path().equals(real)) {
                throw new IOException(option + " " + target + " is also " + d.option() + ": give each output its own name");
            }
        }
        files.add(new Declared(option, real));
        return target;
    }

    /**
     * Checks an output that is a text table, which may also be standard output ({@code -}, one per
     * run): it is staged like a file and printed at {@link #commit()}, so a failed run prints
     * nothing. Binary files and folders stay with {@link #file} and {@link #directory}, which refuse
     * {@code -}.
     */
    public Path text(String option, Path target) throws IOException {
        if (!isStdout(target)) {
            return file(option, target);
        }
        if (stdout == null) {
            throw new IOException(option + " -: this command has no standard output to write to; give a file name");
        }
        if (stdoutOption != null) {
            throw new IOException(option + " - is also " + stdoutOption + ": only one output can go to standard output");
        }
        stdoutOption = option;
        return target;
    }

    /**
     * Checks an output folder (created, with its parents, if missing; removed again if the run
     * fails and it is still empty); files written into it are checked as they are written.
     */
    public Path directory(String option, Path dir) throws IOException {
        if (dir == null) {
            return null;
        }
        refuseDash(option, dir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(option + " " + dir + ": exists and is not a directory");
        }
        createWithParents(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException(option + " " + dir + ": directory is not writable");
        }
        Path real = real(dir);
        for (Declared d : java.util.stream.Stream.concat(files.stream(), folders.stream()).toList()) {
            if (d.path().equals(real)) {
                throw new IOException(option + " " + dir + " is also " + d.option() + ": give each output its own name");
            }
        }
        for (Declared in : inputs) {
            if (real.startsWith(in.path()) && Files.isDirectory(in.path())) {
                throw new IOException(option + " " + dir + " is inside the input " + in.option() + " " + in.path()
                        + ": popcast never writes into its inputs; choose another folder");
            }
        }
        folders.add(new Declared(option, real));
        return dir;
    }

    /**
     * Holds an exclusive lock on {@code dir} (a model directory) until {@link #close()}, so two runs
     * cannot interleave their files there.
     */
    public void lock(String option, Path dir) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(".popcast.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException(option + " " + dir + ": another popcast run is writing there; wait for it or choose another");
        }
        locks.add(lock);
        own.add(real(dir));
    }

    /** Writes {@code target} (declared, or inside a declared folder) under a temporary name. */
    public void write(Path target, AtomicFile.IoAction<Path> writer) throws IOException {
        if (isStdout(target)) {
            if (stdoutOption == null) {
                throw new IllegalStateException("standard output was not declared as an output (OutputFiles.text)");
            }
            if (stdoutStaged != null) {
                AtomicFile.deleteQuietly(stdoutStaged);
            }
            stdoutStaged = Files.createTempFile("popcast-stdout", ".tmp");
            Files.delete(stdoutStaged); // the writer creates the file, as for staged targets
            AtomicFile.naming(Path.of("standard output"), writer).run(stdoutStaged);
            return;
        }
        Path real = real(target);
        boolean declared = files.stream().anyMatch(d -> d.path().equals(real));
        if (!declared) {
            Declared folder = folders.stream().filter(d -> real.startsWith(d.path())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(target + " was not declared as an output"));
            checkFile(folder.option(), target);
            if (own.stream().noneMatch(real::startsWith)) {
                refuseExisting(folder.option(), target);
            }
        }
        Path old = staged.remove(real);
        if (old != null) {
            AtomicFile.deleteQuietly(old);
        }
        staged.put(real, AtomicFile.stage(target, AtomicFile.naming(target, writer)));
    }

    /** Renames every staged file into place. */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> e : new ArrayList<>(staged.entrySet())) {
            AtomicFile.commit(e.getValue(), e.getKey());
            staged.remove(e.getKey());
        }
        if (stdoutStaged != null) {
            stdout.write(Files.readString(stdoutStaged));
            stdout.flush();
            AtomicFile.deleteQuietly(stdoutStaged);
            stdoutStaged = null;
        }
        committed = true;
    }

    /** Removes staged files not committed, folders created for a failed run, and releases locks. */
    @Override
    public void close() {
        staged.values().forEach(AtomicFile::deleteQuietly);
        staged.clear();
        if (stdoutStaged != null) {
            AtomicFile.deleteQuietly(stdoutStaged);
            stdoutStaged = null;
        }
        if (!committed) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException notEmpty) {
                    break;
                }
            }
        }
        for (FileLock lock : locks) {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
        locks.clear();
    }

    private Path checkFile(String option, Path target) throws IOException {
        refuseDash(option, target);
        try {
            AtomicFile.checkTarget(target);
        } catch (IOException e) {
            throw new IOException(option + ": " + e.getMessage(), e);
        }
        Path real = real(target);
        for (Declared in : inputs) {
            String clash = clash(in, real);
            if (clash != null) {
                throw new IOException(option + " " + target + clash);
            }
        }
        return real;
    }

    private void refuseExisting(String option, Path target) throws IOException {
        if (!overwrite && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(option + " " + target + ": exists; add --overwrite to replace it");
        }
    }

    private static void refuseDash(String option, Path target) throws IOException {
        if (target.toString().equals("-")) {
            throw new IOException(option + " -: standard output takes text tables only (CSV), not this output; give a file name");
        }
    }

    private void createWithParents(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(p);
        }
    }

    /**
     * The path with links resolved as far as it exists: two names of one file compare equal, and
     * a file not yet written is named through its folder's real path.
     */
    static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path tail = abs.getFileSystem().getPath("");
        for (Path p = abs; p != null; p = p.getParent()) {
            try {
                return p.toRealPath().resolve(tail);
            } catch (IOException absent) {
                if (p.getFileName() == null) {
                    break;
                }
                tail = p.getFileName().resolve(tail);
            }
        }
        return abs;
    }
}
