package org.popcast.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.popcast.data.io.ArrowWriter;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.TidyTable;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.runtime.NativeLibraries;
import org.popcast.engine.runtime.TensorFlowRuntime;

/**
 * The checks of {@code popcast doctor}: each does real work with the library it checks (a graph
 * run, a file written by popcast's writers and read back by an independent reader) and returns
 * what it saw, or throws with the reason.
 */
final class DoctorChecks {

    /** One check: a short name and the work, which returns a detail line or throws. */
    record Check(String name, Body body) {
    }

    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    private static final double[] AGES = {0, 1, 2};
    private static final double[] DENSITY = {1.5e6, 1.25e6, -0.0};
    private static final String[] REGIONS = {"north", "süd"};
    private static final long[] YEARS = {2024, 2054};
    private static final double[] POPULATION = {4.2566e8, Double.MIN_VALUE};

    private DoctorChecks() {
    }

    /** A 2x2 matrix product on {@code device}, compared with the product worked out by hand. */
    static String tensorflow(Device device) {
        TensorFlowRuntime.MatmulCheck c = TensorFlowRuntime.matmul(device);
        if (!Arrays.equals(c.product(), TensorFlowRuntime.MatmulCheck.EXPECTED)) {
            throw new IllegalStateException("2x2 matmul gave " + Arrays.toString(c.product()) + ", expected "
                    + Arrays.toString(TensorFlowRuntime.MatmulCheck.EXPECTED));
        }
        return "2x2 matmul correct, ran on " + String.join(", ", c.placement().keySet());
    }

    /** A tiny netCDF-4/HDF5 file through NetcdfWriter (HDF5 C library), read back with jHDF. */
    static String hdf5(Path dir) throws IOException {
        Path file = dir.resolve("popcast-doctor.h5");
        NetcdfDataset ds = NetcdfDataset.builder()
                .attribute("source", "popcast doctor")
                .dimension("age", AGES, "year", "age")
                .variable("density", List.of("age"), DENSITY, "persons per year of age", "test values")
                .build();
        try {
            NetcdfWriter.write(file, ds);
            long bytes = Files.size(file);
            NetcdfDataset back = NetcdfReader.read(file);
            if (!Arrays.equals(back.variable("density").data(), DENSITY) || !Arrays.equals(back.dimension("age").doubleValues(), AGES)
                    || !"popcast doctor".equals(back.attributes().get("source"))) {
                throw new IllegalStateException(file + ": the values read back differ from those written");
            }
            return "wrote and read back " + file + " (" + bytes + " bytes)";
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A tiny Arrow IPC (Feather v2) file through ArrowWriter, read back with Arrow's file reader. */
    static String arrow(Path dir) throws IOException {
        Path file = dir.resolve("popcast-doctor.arrow");
        TidyTable table = new TidyTable(List.of(new TidyTable.Column("region", TidyTable.Type.STRING),
                new TidyTable.Column("year", TidyTable.Type.INT64), new TidyTable.Column("population", TidyTable.Type.FLOAT64)),
                Map.of("source", "popcast doctor"), sink -> sink.accept(2, new Object[] {REGIONS, YEARS, POPULATION}));
        try {
            ArrowWriter.write(file, table);
            long bytes = Files.size(file);
            try (BufferAllocator allocator = new RootAllocator();
                 FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                 ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                if (!reader.loadNextBatch() || root.getRowCount() != 2) {
                    throw new IllegalStateException(file + ": expected one batch of 2 rows");
                }
                VarCharVector region = (VarCharVector) root.getVector("region");
                BigIntVector year = (BigIntVector) root.getVector("year");
                Float8Vector population = (Float8Vector) root.getVector("population");
                for (int i = 0; i < 2; i++) {
                    if (!REGIONS[i].equals(region.getObject(i).toString()) || year.get(i) != YEARS[i]
                            || Double.compare(population.get(i), POPULATION[i]) != 0) {
                        throw new IllegalStateException(file + ": row " + i + " read back differs from what was written");
                    }
                }
                if (!"popcast doctor".equals(root.getSchema().getCustomMetadata().get("source"))) {
                    throw new IllegalStateException(file + ": the schema metadata was not read back");
                }
            }
            return "wrote and read back " + file + " (" + bytes + " bytes)";
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** JavaCPP extracts native libraries here on first use: a read-only cache fails at start-up. */
    static String javacppCache() throws IOException {
        Path cache = NativeLibraries.cacheDirectory();
        if (!Files.isDirectory(cache) || !Files.isWritable(cache)) {
            throw new IOException("JavaCPP cache " + cache + " is not a writable directory "
                    + "(set -Dorg.bytedeco.javacpp.cachedir, or JAVACPP_CACHE_DIR with the popcast launcher)");
        }
        return cache + " is writable";
    }
}
