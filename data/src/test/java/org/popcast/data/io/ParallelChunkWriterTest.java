package org.popcast.data.io;

import static org.bytedeco.hdf5.global.hdf5.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.bytedeco.hdf5.H5E_auto2_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;

/**
 * Chunks filtered in Java and stored with H5Dwrite_chunk must decode through the standard filter
 * pipelines: HDF5's own (H5Dread, which also verifies Fletcher-32) and jHDF's (popcast's reader,
 * with its verifying Fletcher-32). Every value is compared bit for bit with what was written and
 * with a file written through HDF5's pipeline.
 */
class ParallelChunkWriterTest {

    @TempDir
    Path dir;

    /** Shapes with whole and edge chunks in one or several dimensions (see chunkShape). */
    private static final long[][] SHAPES = {
            {5000},              // one chunk, chunked (> 4096 values)
            {300_001},           // chunks of 131072, a short last one
            {3, 200_001},        // a row cut in its last dimension, edge chunk in it
            {300, 1000},         // 131 rows a chunk: 131, 131, 38
            {7, 13, 2, 101, 9},  // the cohort layout, smaller: chunks of 7 regions, an edge of 6
            {2, 5, 3, 1000},     // 43 x 1000 chunks over a middle dimension
    };

    @Test
    void parallelChunksReadBackBitForBitThroughHdf5AndJhdf() throws IOException {
        for (long[] shape : SHAPES) {
            NetcdfDataset ds = dataset(shape, new Random(shape.length * 31L + shape[shape.length - 1]));
            double[] written = ds.variable("v").data();
            Path parallel = dir.resolve("parallel-" + shape.length + "-" + shape[shape.length - 1] + ".h5");
            Path pipeline = dir.resolve("pipeline-" + shape.length + "-" + shape[shape.length - 1] + ".h5");
            NetcdfWriter.write(parallel, ds, NetcdfWriter.SLAB_ELEMENTS, NetcdfWriter.Chunks.PARALLEL);
            NetcdfWriter.write(pipeline, ds, NetcdfWriter.SLAB_ELEMENTS, NetcdfWriter.Chunks.HDF5_PIPELINE);
            String what = java.util.Arrays.toString(shape);

            assertBitsEqual(written, readWithHdf5(parallel, "v"), what + " HDF5 reads the parallel file");
            assertBitsEqual(written, NetcdfReader.read(parallel).variable("v").data(), what + " popcast's reader (jHDF)");
            assertBitsEqual(written, readWithHdf5(pipeline, "v"), what + " HDF5 reads its own file");

            try (HdfFile a = Hdf5Files.open(parallel); HdfFile b = Hdf5Files.open(pipeline)) {
                Dataset da = a.getDatasetByPath("v"), db = b.getDatasetByPath("v");
                assertBitsEqual(written, flat(da.getDataFlat()), what + " jHDF");
                assertArrayEquals(assertInstanceOf(ChunkedDataset.class, db).getChunkDimensions(),
                        assertInstanceOf(ChunkedDataset.class, da).getChunkDimensions(), what + " chunk shape");
                assertEquals(List.of("shuffle", "deflate", "fletcher32"), names(da), what);
                assertEquals(names(db), names(da), what);
            }
        }
    }

    @Test
    void compressesAsMuchAsHdf5sOwnPipeline() throws IOException {
        // smooth counts; noise with whole and edge chunks (7 regions a chunk, an edge of 6)
        for (NetcdfDataset ds : List.of(dataset(new long[] {300, 1000}, null), dataset(new long[] {7, 13, 2, 101, 9}, new Random(5)))) {
            Path parallel = dir.resolve("p.h5"), pipeline = dir.resolve("h.h5");
            NetcdfWriter.write(parallel, ds, NetcdfWriter.SLAB_ELEMENTS, NetcdfWriter.Chunks.PARALLEL);
            NetcdfWriter.write(pipeline, ds, NetcdfWriter.SLAB_ELEMENTS, NetcdfWriter.Chunks.HDF5_PIPELINE);
            long p = java.nio.file.Files.size(parallel), h = java.nio.file.Files.size(pipeline);
            assertTrue(p < ds.variable("v").size() * 8L * 0.9, "compressed: " + p);
            assertTrue(p < h * 1.005, "parallel " + p + " bytes, HDF5 pipeline " + h);
        }
    }

    @Test
    void theZeroPaddingOfAnEdgeChunkIsDeflatedAmidNoise() throws IOException {
        Path file = dir.resolve("edge.h5");
        // chunks of 131072 values; the edge chunks hold 65536 values of noise and 65536 of padding
        long[] shape = {3, 131_072 + 65_536};
        Random random = new Random(9);
        double[] v = new double[3 * (131_072 + 65_536)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1e4 + 9e4 * random.nextDouble();
        }
        NetcdfDataset ds = holding(shape, v);
        NetcdfWriter.write(file, ds);
        long[] whole = chunkAddressAndSize(file, "v", 0), edge = chunkAddressAndSize(file, "v", 1);
        assertTrue(whole[1] > 131_072 * 8 * 0.7, "noise barely compresses: " + whole[1]);
        assertTrue(edge[1] < whole[1] * 0.55, "half noise, half padding: " + edge[1] + " bytes, a whole chunk " + whole[1]);
        ParallelChunkWriterTest.assertBitsEqual(v, readWithHdf5(file, "v"), "noise");
    }

    @Test
    void everyChunkIsStoredWithEveryFilterApplied() throws IOException {
        Path file = dir.resolve("mask.h5");
        NetcdfWriter.write(file, dataset(new long[] {3, 200_001}, new Random(3)));
        synchronized (NetcdfWriter.LOCK) {
            H5open();
            H5Eset_auto2(H5E_DEFAULT, (H5E_auto2_t) null, null);
            long f = H5Fopen(new BytePointer(file.toString()), H5F_ACC_RDONLY, H5P_DEFAULT);
            long d = H5Dopen2(f, new BytePointer("v"), H5P_DEFAULT);
            try {
                long space = H5Dget_space(d);
                long[] n = new long[1];
                assertTrue(H5Dget_num_chunks(d, space, n) >= 0);
                assertEquals(3 * 2, n[0], "3 rows of two chunks");
                for (long i = 0; i < n[0]; i++) {
                    long[] offset = new long[2], address = new long[1], size = new long[1];
                    int[] mask = new int[1];
                    assertTrue(H5Dget_chunk_info(d, space, i, offset, mask, address, size) >= 0);
                    assertEquals(0, mask[0], "no filter skipped in chunk " + i);
                }
                H5Sclose(space);
            } finally {
                H5Dclose(d);
                H5Fclose(f);
            }
        }
    }

    /** File address and stored size of chunk {@code index} of variable {@code name} (H5Dget_chunk_info). */
    static long[] chunkAddressAndSize(Path file, String name, int index) {
        synchronized (NetcdfWriter.LOCK) {
            H5open();
            long f = H5Fopen(new BytePointer(file.toString()), H5F_ACC_RDONLY, H5P_DEFAULT);
            long d = H5Dopen2(f, new BytePointer(name), H5P_DEFAULT);
            long space = H5Dget_space(d);
            try {
                long[] offset = new long[H5Sget_simple_extent_ndims(space)], address = new long[1], size = new long[1];
                assertTrue(H5Dget_chunk_info(d, space, index, offset, new int[1], address, size) >= 0);
                return new long[] {address[0], size[0]};
            } finally {
                H5Sclose(space);
                H5Dclose(d);
                H5Fclose(f);
            }
        }
    }

    /** Random doubles of every kind (NaN, infinities, -0, subnormals, counts) over dimensions d0, d1, ... */
    static NetcdfDataset dataset(long[] shape, Random random) {
        int size = 1;
        for (long n : shape) {
            size *= (int) n;
        }
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            if (random == null) {
                v[i] = Math.round(1000 + 500 * Math.sin(i / 1000.0));
                continue;
            }
            v[i] = switch (random.nextInt(8)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE}[random.nextInt(5)];
                default -> Math.round(random.nextDouble() * 1e6) / 8.0;
            };
        }
        return holding(shape, v);
    }

    /** A dataset of one variable v over dimensions d0, d1, ... of {@code shape}, holding {@code v} itself. */
    static NetcdfDataset holding(long[] shape, double[] v) {
        NetcdfDataset.Builder b = NetcdfDataset.builder();
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            long[] coord = new long[(int) shape[i]];
            java.util.Arrays.setAll(coord, k -> k);
            b.dimension("d" + i, coord, "1", "dimension " + i);
            dims.add("d" + i);
        }
        return b.variableOwning("v", dims, v, "persons", "values").build();
    }

    static double[] readWithHdf5(Path file, String name) throws IOException {
        synchronized (NetcdfWriter.LOCK) {
            H5open();
            H5Eset_auto2(H5E_DEFAULT, (H5E_auto2_t) null, null);
            long f = H5Fopen(new BytePointer(file.toString()), H5F_ACC_RDONLY, H5P_DEFAULT);
            assertTrue(f >= 0, "H5Fopen " + file);
            long d = H5Dopen2(f, new BytePointer(name), H5P_DEFAULT);
            try (DoublePointer buf = new DoublePointer(H5Sget_simple_extent_npoints(H5Dget_space(d)))) {
                // the filter pipeline's error (a bad checksum or stream) makes the read fail
                if (H5Dread(d, H5T_NATIVE_DOUBLE_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) {
                    throw new IOException("H5Dread failed for " + name + " in " + file);
                }
                double[] out = new double[(int) buf.capacity()];
                buf.get(out);
                return out;
            } finally {
                H5Dclose(d);
                H5Fclose(f);
            }
        }
    }

    private static double[] flat(Object data) {
        return (double[]) data;
    }

    private static List<String> names(Dataset d) {
        return d.getFilters().stream().map(f -> f.getName()).collect(Collectors.toList());
    }

    static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                throw new AssertionError(what + ": value " + i + " is " + actual[i] + ", written " + expected[i]);
            }
        }
    }
}
