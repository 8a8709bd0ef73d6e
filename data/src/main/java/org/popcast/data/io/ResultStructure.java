package org.popcast.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.popcast.data.input.InputException;

/**
 * The one place where an HDF5 file is checked to be a popcast result before anything reads its
 * data: the group tree is walked without following links, with bounded depth and node count and
 * with hard-link cycles detected; every dataset must have a supported type, a rank of at most
 * {@link #MAX_RANK} and a declared size the heap can hold. A file failing any check gives one
 * line, {@code FILE: not a popcast result: WHY}, never an exception trace.
 */
public final class ResultStructure {

    /** Group nesting below the root; popcast writes one level. */
    public static final int MAX_GROUP_DEPTH = 16;
    /** Groups and datasets in one file; popcast results hold a few dozen. */
    public static final int MAX_NODES = 10_000;
    /** Dimensions of one variable; popcast writes at most four (scenario, region, age, year). */
    public static final int MAX_RANK = 8;
    /** Elements of one variable: what a Java array can hold. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** The smallest HDF5 file: the superblock's signature and version. */
    private static final int MIN_BYTES = 48;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private ResultStructure() {
    }

    /** Opens {@code file} with the pure-Java reader and checks its structure; the caller closes it. */
    public static HdfFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        checkSignature(file);
        HdfFile hdf = null;
        try {
            hdf = Hdf5Files.open(file);
            check(hdf, file);
            return hdf;
        } catch (InputException e) {
            close(hdf);
            throw e;
        } catch (RuntimeException | StackOverflowError | InternalError e) {
            // jHDF signals foreign, damaged or truncated files with unchecked exceptions (and an
            // InternalError when a mapped page is gone); the user needs one line.
            close(hdf);
            throw notAResult(file, describe(e));
        }
    }

    /** The one-line error for a file that fails a check made while reading it. */
    public static InputException notAResult(Path file, String why) {
        return new InputException(file + ": not a popcast result: " + why);
    }

    /** jHDF's message, or the exception's kind where it has none. */
    public static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "its structure is nested too deeply";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "damaged or truncated (" + e.getClass().getSimpleName() + ")" : m.replace('\n', ' ');
    }

    private static void checkSignature(Path file) {
        byte[] head = new byte[SIGNATURE.length];
        try (var in = Files.newInputStream(file)) {
            if (Files.size(file) < MIN_BYTES || in.readNBytes(head, 0, head.length) < head.length
                    || !java.util.Arrays.equals(head, SIGNATURE)) {
                throw notAResult(file, "not an HDF5 file (no HDF5 signature at its start, or shorter than "
                        + MIN_BYTES + " bytes)");
            }
        } catch (java.io.IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }

    static void check(HdfFile hdf, Path file) {
        checkLength(hdf, file);
        walk(hdf, file, 0, new HashSet<>(), new int[1]);
    }

    /**
     * A file shorter than the end its superblock records was cut (a copy or download stopped):
     * refused as HDF5's H5Fopen refuses it, before anything reads only headers and misses it.
     */
    private static void checkLength(HdfFile hdf, Path file) {
        io.jhdf.Superblock sb = hdf.getHdfBackingStorage().getSuperblock();
        long end = sb.getBaseAddressByte() + sb.getEndOfFileAddress();
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        if (size < end) {
            throw notAResult(file, "truncated: " + size + " bytes, but its HDF5 superblock says " + end);
        }
    }

    private static void walk(Group group, Path file, int depth, Set<Long> seen, int[] count) {
        if (depth > MAX_GROUP_DEPTH) {
            throw notAResult(file, "groups nested deeper than " + MAX_GROUP_DEPTH + " at " + group.getPath());
        }
        if (!seen.add(group.getAddress())) {
            throw notAResult(file, "its groups form a cycle at " + group.getPath());
        }
        for (Node n : group.getChildren().values()) {
            if (++count[0] > MAX_NODES) {
                throw notAResult(file, "more than " + MAX_NODES + " groups and variables");
            }
            if (n.isLink()) {
                throw notAResult(file, n.getPath() + " is a link; popcast results have none and links are not followed");
            }
            if (n instanceof Group g) {
                walk(g, file, depth + 1, seen, count);
            } else if (n instanceof Dataset d) {
                checkDataset(d, file);
            }
        }
    }

    private static void checkDataset(Dataset d, Path file) {
        String name = d.getPath();
        long[] dims = d.getDimensionsAsLong();
        if (dims.length > MAX_RANK) {
            throw notAResult(file, name + " has " + dims.length + " dimensions, more than " + MAX_RANK);
        }
        long elements = 1;
        for (long n : dims) {
            if (n < 0 || n > MAX_ELEMENTS || (n > 0 && elements > MAX_ELEMENTS / n)) {
                throw notAResult(file, name + " claims more than " + MAX_ELEMENTS + " elements");
            }
            elements *= n;
        }
        if (d.isCompound() || d.isVariableLength() && d.getJavaType() != String.class) {
            throw notAResult(file, name + " has a compound or variable-length type popcast does not write");
        }
        Class<?> type = d.getJavaType();
        boolean numeric = type == double.class || type == float.class || type == long.class || type == int.class
                || type == short.class || type == byte.class || Number.class.isAssignableFrom(type);
        if (!numeric && type != String.class) {
            throw notAResult(file, name + " has type " + type.getSimpleName() + ", not a number or text");
        }
        long bytes = elements * Math.max(8, d.getDataType().getSize());
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw notAResult(file, name + " claims " + elements + " elements (" + (bytes >> 20)
                    + " MB), more than half the Java heap (" + (heap >> 20) + " MB); raise -Xmx if the file is genuine");
        }
    }

    private static void close(HdfFile hdf) {
        if (hdf != null) {
            try {
                hdf.close();
            } catch (RuntimeException ignored) {
                // the file is refused already; closing a damaged file may fail too
            }
        }
    }
}
