package org.popcast.data.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.bytedeco.hdf5.global.hdf5.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

import org.bytedeco.hdf5.H5E_auto2_t;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * Writes a {@link NetcdfDataset} as a netCDF-4-compatible HDF5 file with the HDF5 C API, the way
 * netCDF-C lays files out: creation order tracked on links and attributes, every coordinate a
 * dimension scale attached to the variables that use it, units and long_name on everything.
 *
 * <p>No {@code _NCProperties} or {@code _Netcdf4Dimid} attributes are written: netCDF-C and
 * h5netcdf both read plain HDF5 files with dimension scales, numbering dimensions in creation
 * order, and a {@code _NCProperties} claiming netCDF-C wrote the file would be untrue.
 */
public final class NetcdfWriter {

    /** HDF5 is built without thread safety: every call into it goes through this lock. */
    static final Object LOCK = new Object();
    private static boolean initialized;

    /** Below this many elements chunking costs more than it saves. */
    static final long CHUNK_THRESHOLD = 4096;
    static final long MAX_CHUNK_BYTES = 1 << 20;
    private static final int DEFLATE_LEVEL = 4;
    private static final int CREATION_ORDER = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

    private NetcdfWriter() {
    }

    /** Values per slab written from one native buffer: 64 MB of doubles. */
    static final long SLAB_ELEMENTS = 1L << 23;

    /**
     * How the chunks of large variables reach the file: {@link #PARALLEL} filters them in Java on
     * every core and stores the filtered bytes with {@code H5Dwrite_chunk} (the default);
     * {@link #HDF5_PIPELINE} hands the values to {@code H5Dwrite}, whose filters run on one thread.
     * Both store the same filters, so the files read back the same; tests compare them.
     */
    enum Chunks { PARALLEL, HDF5_PIPELINE }

    /** Writes {@code ds} to {@code target}, atomically: on failure nothing new is left there. */
    public static void write(Path target, NetcdfDataset ds) throws IOException {
        write(target, ds, SLAB_ELEMENTS, Chunks.PARALLEL);
    }

    /** As {@link #write(Path, NetcdfDataset)} through HDF5's own pipeline with another slab size (tests make it small to cover slabs). */
    static void write(Path target, NetcdfDataset ds, long slabElements) throws IOException {
        write(target, ds, slabElements, Chunks.HDF5_PIPELINE);
    }

    static void write(Path target, NetcdfDataset ds, long slabElements, Chunks chunks) throws IOException {
        AtomicFile.write(target, AtomicFile.naming(target, writer(ds, slabElements, chunks)));
    }

    /** Writes {@code ds} to the path it is given, for {@link OutputFiles#write} (which stages and renames). */
    public static AtomicFile.IoAction<Path> writer(NetcdfDataset ds) {
        return writer(ds, SLAB_ELEMENTS, Chunks.PARALLEL);
    }

    private static AtomicFile.IoAction<Path> writer(NetcdfDataset ds, long slabElements, Chunks chunks) {
        return path -> {
            synchronized (LOCK) {
                init();
                writeFile(path, ds, slabElements, chunks);
            }
        };
    }

    private static void init() throws IOException {
        if (!initialized) {
            // The *_g() type and class globals are only valid after H5open().
            check(H5open(), "H5open", "the HDF5 library");
            // Errors come back as return codes turned into exceptions; the C printer would only
            // spray stack dumps on stderr.
            check(H5Eset_auto2(H5E_DEFAULT, (H5E_auto2_t) null, null), "H5Eset_auto2", "the HDF5 error printer");
            initialized = true;
        }
    }

    private static void writeFile(Path path, NetcdfDataset ds, long slabElements, Chunks chunks) throws IOException {
        // The scope frees every native buffer made below (names, data) when the file is done.
        try (PointerScope scope = new PointerScope();
             Handle fcpl = handle(H5Pcreate(H5P_CLS_FILE_CREATE_ID_g()), hdf5::H5Pclose, "H5Pcreate", "file creation properties")) {
            // As netCDF-4 does: lets netCDF tools list (and append) objects in the order written.
            check(H5Pset_link_creation_order(fcpl.id, CREATION_ORDER), "H5Pset_link_creation_order", "the file");
            check(H5Pset_attr_creation_order(fcpl.id, CREATION_ORDER), "H5Pset_attr_creation_order", "the file");
            // Keep the root's attributes (provenance, settings: a few dozen) in compact storage:
            // past the default 8 HDF5 moves them to dense storage, which jHDF 0.13 fails to read.
            check(H5Pset_attr_phase_change(fcpl.id, 1000, 900), "H5Pset_attr_phase_change", "the file");
            try (Handle file = handle(H5Fcreate(utf8(path.toString()), H5F_ACC_TRUNC, fcpl.id, H5P_DEFAULT),
                    hdf5::H5Fclose, "H5Fcreate", path.toString())) {
                for (Map.Entry<String, Object> a : ds.attributes().entrySet()) {
                    writeAttribute(file.id, "/", a.getKey(), a.getValue());
                }
                for (NetcdfDataset.Dimension d : ds.dimensions()) {
                    writeDimension(file.id, d);
                }
                for (NetcdfDataset.Variable v : ds.variables()) {
                    writeVariable(file.id, v, slabElements, chunks);
                }
            }
        }
    }

    private static void writeDimension(long file, NetcdfDataset.Dimension d) throws IOException {
        String what = "dimension " + d.name();
        long[] shape = {d.size()};
        boolean strings = d.type() == NetcdfDataset.Dimension.Type.STRING;
        // Variable-length UTF-8 is netCDF-4's NC_STRING: h5netcdf/xarray read it back as str.
        try (Handle space = simpleSpace(shape, what);
             Handle vlen = strings ? vlenStringType(what) : null;
             Handle dcpl = creationProperties(shape, !strings, what)) {
            long fileType;
            long memType;
            Pointer buf;
            switch (d.type()) {
                case FLOAT64 -> {
                    fileType = H5T_IEEE_F64LE_g();
                    memType = H5T_NATIVE_DOUBLE_g();
                    buf = new DoublePointer(d.doubleValues());
                }
                case INT64 -> {
                    fileType = H5T_STD_I64LE_g();
                    memType = H5T_NATIVE_INT64_g();
                    buf = new LongPointer(d.longValues());
                }
                default -> {
                    fileType = vlen.id;
                    memType = vlen.id;
                    buf = new PointerPointer<>(d.stringValues(), UTF_8); // char*[], NUL-terminated
                }
            }
            try (buf; Handle dset = handle(H5Dcreate2(file, utf8(d.name()), fileType, space.id, H5P_DEFAULT, dcpl.id,
                    H5P_DEFAULT), hdf5::H5Dclose, "H5Dcreate2", what)) {
                if (d.size() > 0) {
                    check(H5Dwrite(dset.id, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf), "H5Dwrite", what);
                }
                // NAME = the dimension name, which is what netCDF and h5netcdf call the dimension.
                check(H5DSset_scale(dset.id, utf8(d.name())), "H5DSset_scale", what);
                if (d.units() != null) {
                    writeAttribute(dset.id, what, "units", d.units());
                }
                writeAttribute(dset.id, what, "long_name", d.longName());
            }
        }
    }

    /**
     * The data of a variable, in slabs of whole leading indices (whole chunks) of at most about
     * {@code slabElements} values, through one native buffer freed at once: a 107 M-value cohort
     * population then needs 64 MB of native memory instead of a second full copy kept until the
     * file is closed (the file's PointerScope would hold it).
     */
    private static void writeData(long dset, long[] shape, NetcdfDataset.Values data, long slabElements, String what) throws IOException {
        long size = data.size();
        long perIndex = shape.length == 0 ? 1 : size / shape[0];
        long chunkRows = shape.length == 0 ? 1 : chunkShape(shape, Double.BYTES)[0];
        long rows = shape.length == 0 ? 1 : Math.min(shape[0], Math.max(chunkRows, slabElements / perIndex / chunkRows * chunkRows));
        DoublePointer buf = new DoublePointer(rows * perIndex);
        double[] slab = new double[Math.toIntExact(rows * perIndex)];
        try (Handle fileSpace = handle(H5Dget_space(dset), hdf5::H5Sclose, "H5Dget_space", what)) {
            if (shape.length == 0 || rows == shape[0]) {
                data.read(0, slab, 0, Math.toIntExact(size));
                buf.put(slab, 0, Math.toIntExact(size));
                check(H5Dwrite(dset, H5T_NATIVE_DOUBLE_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf), "H5Dwrite", what);
                return;
            }
            for (long start = 0; start < shape[0]; start += rows) {
                long[] offset = new long[shape.length], count = shape.clone();
                offset[0] = start;
                count[0] = Math.min(rows, shape[0] - start);
                int n = Math.toIntExact(count[0] * perIndex);
                data.read(start * perIndex, slab, 0, n);
                buf.position(0).put(slab, 0, n);
                try (LongPointer o = new LongPointer(offset); LongPointer c = new LongPointer(count);
                     Handle memSpace = simpleSpace(count, what)) {
                    check(H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, o, null, c, null), "H5Sselect_hyperslab", what);
                    check(H5Dwrite(dset, H5T_NATIVE_DOUBLE_g(), memSpace.id, fileSpace.id, H5P_DEFAULT, buf), "H5Dwrite", what);
                }
            }
        } finally {
            buf.deallocate();
        }
    }

    private static void writeVariable(long file, NetcdfDataset.Variable v, long slabElements, Chunks chunks) throws IOException {
        String what = "variable " + v.name();
        long[] shape = v.shape();
        boolean float64 = v.type() == NetcdfDataset.Variable.Type.FLOAT64;
        // Flags, indices and labels are small (one per region or year): contiguous, unfiltered.
        try (Handle space = shape.length == 0
                     ? handle(H5Screate(H5S_SCALAR), hdf5::H5Sclose, "H5Screate", what)
                     : simpleSpace(shape, what);
             Handle dcpl = creationProperties(shape, float64, what);
             Handle types = float64 ? null : StoredType.of(v, what)) {
            // netCDF-C keeps _FillValue as the dataset's fill value too; readers may take either.
            if (!float64 && v.attributes().get("_FillValue") instanceof Integer fill) {
                try (IntPointer f = new IntPointer(new int[] {fill})) {
                    check(H5Pset_fill_value(dcpl.id, H5T_NATIVE_INT32_g(), f), "H5Pset_fill_value", what);
                }
            } else if (!float64 && v.attributes().get("_FillValue") instanceof Byte fill) {
                try (BytePointer f = new BytePointer(new byte[] {fill})) {
                    check(H5Pset_fill_value(dcpl.id, H5T_NATIVE_INT8_g(), f), "H5Pset_fill_value", what);
                }
            }
            long fileType = float64 ? H5T_IEEE_F64LE_g() : StoredType.fileType(v, types);
            try (Handle dset = handle(H5Dcreate2(file, utf8(v.name()), fileType, space.id, H5P_DEFAULT, dcpl.id,
                    H5P_DEFAULT), hdf5::H5Dclose, "H5Dcreate2", what)) {
                if (v.size() > 0 && float64 && chunks == Chunks.PARALLEL && chunked(shape, true)) {
                    ParallelChunkWriter.write(dset.id, shape, chunkShape(shape, Double.BYTES), v.values(), DEFLATE_LEVEL, what);
                } else if (v.size() > 0 && float64) {
                    writeData(dset.id, shape, v.values(), slabElements, what);
                } else if (v.size() > 0) {
                    try (Pointer buf = StoredType.buffer(v)) {
                        check(H5Dwrite(dset.id, StoredType.memoryType(v, types), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf), "H5Dwrite", what);
                    }
                }
                attachScales(file, dset, v, what);
                for (Map.Entry<String, Object> a : v.attributes().entrySet()) {
                    writeAttribute(dset.id, what, a.getKey(), a.getValue());
                }
            }
        }
    }

    private static void attachScales(long file, Handle dset, NetcdfDataset.Variable v, String what) throws IOException {
        List<String> dims = v.dims();
        for (int i = 0; i < dims.size(); i++) {
            try (Handle scale = handle(H5Dopen2(file, utf8(dims.get(i)), H5P_DEFAULT), hdf5::H5Dclose, "H5Dopen2",
                    "dimension " + dims.get(i))) {
                check(H5DSattach_scale(dset.id, scale.id, i), "H5DSattach_scale", what + " dimension " + dims.get(i));
            }
        }
    }

    /** HDF5 types and buffers of the variables that are not float64: int32, int8 and UTF-8 text. */
    private static final class StoredType {
        private StoredType() {
        }

        /** The variable-length string type of a text variable (closed by the caller), null for integers. */
        static Handle of(NetcdfDataset.Variable v, String what) throws IOException {
            return v.type() == NetcdfDataset.Variable.Type.STRING ? vlenStringType(what) : null;
        }

        static long fileType(NetcdfDataset.Variable v, Handle strings) {
            return switch (v.type()) {
                case INT32 -> H5T_STD_I32LE_g();
                case INT8 -> H5T_STD_I8LE_g();
                default -> strings.id;
            };
        }

        static long memoryType(NetcdfDataset.Variable v, Handle strings) {
            return switch (v.type()) {
                case INT32 -> H5T_NATIVE_INT32_g();
                case INT8 -> H5T_NATIVE_INT8_g();
                default -> strings.id;
            };
        }

        static Pointer buffer(NetcdfDataset.Variable v) {
            return switch (v.type()) {
                case INT32 -> new IntPointer((int[]) v.raw());
                case INT8 -> new BytePointer((byte[]) v.raw());
                default -> new PointerPointer<>((String[]) v.raw(), UTF_8); // char*[], NUL-terminated
            };
        }
    }

    /**
     * Dataset creation properties: attribute creation order as netCDF-4 keeps it; large numeric
     * datasets (nearly all of a result's bytes) chunked, shuffled, deflated and given a Fletcher-32
     * checksum per chunk (a flipped bit fails the read, see {@link Hdf5Files}). Small ones stay
     * contiguous: chunking them changed where HDF5 puts their headers, which readers use for order.
     */
    private static Handle creationProperties(long[] shape, boolean compressible, String what) throws IOException {
        Handle dcpl = handle(H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g()), hdf5::H5Pclose, "H5Pcreate", what);
        try {
            check(H5Pset_attr_creation_order(dcpl.id, CREATION_ORDER), "H5Pset_attr_creation_order", what);
            if (chunked(shape, compressible)) {
                try (LongPointer chunk = new LongPointer(chunkShape(shape, Double.BYTES))) {
                    check(H5Pset_chunk(dcpl.id, shape.length, chunk), "H5Pset_chunk", what);
                }
                // Shuffle groups the bytes of the doubles by significance: deflate then finds runs.
                check(H5Pset_shuffle(dcpl.id), "H5Pset_shuffle", what);
                check(H5Pset_deflate(dcpl.id, DEFLATE_LEVEL), "H5Pset_deflate", what);
                // last in the pipeline, so the checksum covers the bytes on disk
                check(H5Pset_fletcher32(dcpl.id), "H5Pset_fletcher32", what);
            }
            return dcpl;
        } catch (IOException | RuntimeException e) {
            dcpl.closeQuietly();
            throw e;
        }
    }

    /** Whether a dataset of this shape is chunked and filtered (shuffle, deflate, Fletcher-32). */
    static boolean chunked(long[] shape, boolean compressible) {
        return compressible && Arrays.stream(shape).reduce(1, Math::multiplyExact) > CHUNK_THRESHOLD;
    }

    /**
     * Whole trailing rows, as many leading indices as fit in {@link #MAX_CHUNK_BYTES}: readers
     * usually take slices along the first (time, scenario) dimension. Dimensions are cut from the
     * outermost inwards until the chunk fits.
     */
    static long[] chunkShape(long[] shape, int elementBytes) {
        long[] chunk = shape.clone();
        long budget = Math.max(1, MAX_CHUNK_BYTES / elementBytes);
        for (int i = 0; i < chunk.length; i++) {
            long inner = 1;
            for (int j = i + 1; j < chunk.length; j++) {
                inner *= chunk[j];
            }
            if (chunk[i] * inner <= budget) {
                break;
            }
            chunk[i] = Math.max(1, budget / inner);
        }
        return chunk;
    }

    /**
     * An attribute: strings as fixed-length NUL-terminated UTF-8 (netCDF reads them as text,
     * NC_CHAR), doubles as float64, longs as int64, ints as int32 (scalars), byte[] as a 1-D int8
     * array (CF flag_values).
     */
    private static void writeAttribute(long obj, String owner, String name, Object value) throws IOException {
        String what = "attribute " + name + " of " + owner;
        try (Handle space = handle(H5Screate(H5S_SCALAR), hdf5::H5Sclose, "H5Screate", what)) {
            if (value instanceof String s) {
                byte[] bytes = s.getBytes(UTF_8);
                // HDF5 has no zero-length fixed strings; an empty one is one NUL.
                try (Handle type = fixedStringType(Math.max(1, bytes.length), what);
                     BytePointer buf = new BytePointer(Arrays.copyOf(bytes, Math.max(1, bytes.length)));
                     Handle attr = createAttribute(obj, name, type.id, space.id, what)) {
                    check(H5Awrite(attr.id, type.id, buf), "H5Awrite", what);
                }
            } else if (value instanceof Double d) {
                try (DoublePointer buf = new DoublePointer(new double[]{d});
                     Handle attr = createAttribute(obj, name, H5T_IEEE_F64LE_g(), space.id, what)) {
                    check(H5Awrite(attr.id, H5T_NATIVE_DOUBLE_g(), buf), "H5Awrite", what);
                }
            } else if (value instanceof Long l) {
                try (LongPointer buf = new LongPointer(new long[]{l});
                     Handle attr = createAttribute(obj, name, H5T_STD_I64LE_g(), space.id, what)) {
                    check(H5Awrite(attr.id, H5T_NATIVE_INT64_g(), buf), "H5Awrite", what);
                }
            } else if (value instanceof Integer i) {
                try (IntPointer buf = new IntPointer(new int[]{i});
                     Handle attr = createAttribute(obj, name, H5T_STD_I32LE_g(), space.id, what)) {
                    check(H5Awrite(attr.id, H5T_NATIVE_INT32_g(), buf), "H5Awrite", what);
                }
            } else if (value instanceof Byte x) {
                try (BytePointer buf = new BytePointer(new byte[]{x});
                     Handle attr = createAttribute(obj, name, H5T_STD_I8LE_g(), space.id, what)) {
                    check(H5Awrite(attr.id, H5T_NATIVE_INT8_g(), buf), "H5Awrite", what);
                }
            } else if (value instanceof byte[] bytes) {
                // flag_values: a 1-D int8 array, the type of its flag variable
                try (Handle vector = simpleSpace(new long[] {bytes.length}, what);
                     BytePointer buf = new BytePointer(bytes);
                     Handle attr = createAttribute(obj, name, H5T_STD_I8LE_g(), vector.id, what)) {
                    check(H5Awrite(attr.id, H5T_NATIVE_INT8_g(), buf), "H5Awrite", what);
                }
            } else {
                throw new IllegalArgumentException(what + ": unsupported value type " + value.getClass());
            }
        }
    }

    private static Handle createAttribute(long obj, String name, long type, long space, String what) throws IOException {
        return handle(H5Acreate2(obj, utf8(name), type, space, H5P_DEFAULT, H5P_DEFAULT), hdf5::H5Aclose, "H5Acreate2", what);
    }

    private static Handle fixedStringType(long size, String what) throws IOException {
        Handle type = handle(H5Tcopy(H5T_C_S1_g()), hdf5::H5Tclose, "H5Tcopy", what);
        return stringType(type, size, what);
    }

    private static Handle vlenStringType(String what) throws IOException {
        Handle type = handle(H5Tcopy(H5T_C_S1_g()), hdf5::H5Tclose, "H5Tcopy", what);
        return stringType(type, H5T_VARIABLE, what);
    }

    private static Handle stringType(Handle type, long size, String what) throws IOException {
        try {
            check(H5Tset_size(type.id, size), "H5Tset_size", what);
            check(H5Tset_strpad(type.id, H5T_STR_NULLTERM), "H5Tset_strpad", what);
            check(H5Tset_cset(type.id, H5T_CSET_UTF8), "H5Tset_cset", what);
            return type;
        } catch (IOException e) {
            type.closeQuietly();
            throw e;
        }
    }

    private static Handle simpleSpace(long[] shape, String what) throws IOException {
        try (LongPointer dims = new LongPointer(shape)) {
            // The cast picks the LongPointer overload; maxdims null means "fixed at dims".
            return handle(H5Screate_simple(shape.length, dims, (LongPointer) null), hdf5::H5Sclose, "H5Screate_simple", what);
        }
    }

    /** Names as explicit UTF-8: JavaCPP's String overloads would use the platform charset. */
    private static BytePointer utf8(String s) {
        return new BytePointer(s, UTF_8);
    }

    static void check(int rc, String call, String what) throws IOException {
        if (rc < 0) {
            throw new IOException(call + " failed for " + what);
        }
    }

    private static Handle handle(long id, LongToIntFunction closer, String call, String what) throws IOException {
        if (id < 0) {
            throw new IOException(call + " failed for " + what);
        }
        return new Handle(id, closer, what);
    }

    /** An open HDF5 id, so try-with-resources closes it and checks the close. */
    private record Handle(long id, LongToIntFunction closer, String what) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            check(closer.applyAsInt(id), "closing", what);
        }

        void closeQuietly() {
            closer.applyAsInt(id);
        }
    }
}
