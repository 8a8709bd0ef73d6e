package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;

/** Writes with the HDF5 C library, reads back with jHDF, an independent pure-Java reader. */
class NetcdfWriterTest {

    @TempDir
    Path dir;

    /** time x age density with value 10*t + a, so every cell is known. */
    static NetcdfDataset sample() {
        double[] density = new double[3 * 4];
        for (int t = 0; t < 3; t++) {
            for (int a = 0; a < 4; a++) {
                density[t * 4 + a] = 10 * t + a + 0.25;
            }
        }
        return NetcdfDataset.builder()
                .attribute("title", "test run ü")
                .attribute("source", "popcast 0.1.0")
                .attribute("format_version", 1L)
                .attribute("tolerance", 1e-6)
                .calendarTime("time", new double[]{2000.0, 2000.5, 2001.0})
                .dimension("age", new double[]{0, 1, 2, 3}, "year", "age")
                .calendarYears("year", new long[]{2020, 2025}, "")
                .dimension("region", new String[]{"Nord", "Süd", "Ost"}, "region")
                .variable("density", List.of("time", "age"), density, "persons per year of age", "population density")
                .variableAttribute("density", "rel_l2", 0.0125)
                .variableAttribute("density", "method", "exact")
                .variable("population", List.of("region"), new double[]{1.5, Double.NaN, 3}, "persons", "population")
                .variable("births", List.of("region", "year"), new double[]{1, 2, 3, 4, 5, 6}, "persons per year", "births")
                .variable("total", List.of(), new double[]{42}, "persons", "total population")
                .flagVariable("level", List.of("region"), new byte[]{0, 2, 1}, CfFlags.of("city", "province", "nation"), "level")
                .intVariable("parent", List.of("region"), new int[]{2, -1, 1}, "index of the parent region")
                .fillValue("parent", -1)
                .stringVariable("name", List.of("region"), new String[]{"Nordstadt", "Süden, Land", ""}, "region name")
                .build();
    }

    @Test
    void writesNamesShapesValuesAndAttributes() throws IOException {
        Path file = dir.resolve("out.h5");
        NetcdfWriter.write(file, sample());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(Set.of("time", "age", "year", "region", "density", "population", "births", "total", "level", "parent", "name"),
                    hdf.getChildren().keySet());

            assertEquals("test run ü", hdf.getAttribute("title").getData());
            assertEquals(1L, hdf.getAttribute("format_version").getData());
            assertEquals(1e-6, hdf.getAttribute("tolerance").getData());

            Dataset density = hdf.getDatasetByPath("density");
            assertArrayEquals(new int[]{3, 4}, density.getDimensions());
            double[][] values = (double[][]) density.getData();
            for (int t = 0; t < 3; t++) {
                for (int a = 0; a < 4; a++) {
                    assertEquals(10 * t + a + 0.25, values[t][a]);
                }
            }
            assertEquals("year-1", density.getAttribute("units").getData());
            assertEquals("persons per year of age", density.getAttribute("display_units").getData());
            assertEquals("population density", density.getAttribute("long_name").getData());
            assertEquals(0.0125, density.getAttribute("rel_l2").getData());
            assertEquals("exact", density.getAttribute("method").getData());
            assertEquals(List.of("time", "age"), attachedScales(hdf, density));

            assertArrayEquals(new double[]{2000.0, 2000.5, 2001.0}, (double[]) hdf.getDatasetByPath("time").getData());
            assertArrayEquals(new long[]{2020, 2025}, (long[]) hdf.getDatasetByPath("year").getData());
            assertArrayEquals(new String[]{"Nord", "Süd", "Ost"}, (String[]) hdf.getDatasetByPath("region").getData());
            for (String dim : List.of("time", "age", "year", "region")) {
                Dataset scale = hdf.getDatasetByPath(dim);
                assertEquals("DIMENSION_SCALE", scale.getAttribute("CLASS").getData(), dim);
                assertEquals(dim, scale.getAttribute("NAME").getData(), dim);
                assertNotNull(scale.getAttribute("long_name"), dim);
                assertNotNull(scale.getAttribute("REFERENCE_LIST"), dim + " is attached somewhere");
            }
            assertNull(hdf.getDatasetByPath("year").getAttribute("units"), "calendar years have no units");
            assertNull(hdf.getDatasetByPath("time").getAttribute("units"), "fractional calendar years have no units");
            assertEquals("calendar year", hdf.getDatasetByPath("year").getAttribute("long_name").getData());
            assertNull(hdf.getDatasetByPath("region").getAttribute("units"), "labels have no units");

            Dataset population = hdf.getDatasetByPath("population");
            assertArrayEquals(new double[]{1.5, Double.NaN, 3}, (double[]) population.getData());
            assertEquals(List.of("region"), attachedScales(hdf, population));

            Dataset births = hdf.getDatasetByPath("births");
            assertArrayEquals(new double[][]{{1, 2}, {3, 4}, {5, 6}}, (double[][]) births.getData());
            assertEquals(List.of("region", "year"), attachedScales(hdf, births));

            Dataset total = hdf.getDatasetByPath("total");
            assertTrue(total.isScalar());
            assertEquals(42.0, total.getData());
            assertNull(total.getAttribute("DIMENSION_LIST"));
            assertEquals("1", total.getAttribute("units").getData());
            assertEquals("persons", total.getAttribute("display_units").getData());

            Dataset level = hdf.getDatasetByPath("level");
            assertEquals(byte.class, level.getJavaType());
            assertArrayEquals(new byte[]{0, 2, 1}, (byte[]) level.getData());
            assertArrayEquals(new byte[]{0, 1, 2}, (byte[]) level.getAttribute("flag_values").getData());
            assertEquals("city province nation", level.getAttribute("flag_meanings").getData());
            assertNull(level.getAttribute("units"), "flags have no units");
            Dataset parent = hdf.getDatasetByPath("parent");
            assertEquals(int.class, parent.getJavaType());
            assertArrayEquals(new int[]{2, -1, 1}, (int[]) parent.getData());
            assertEquals(-1, parent.getAttribute("_FillValue").getData());
            assertEquals(-1, parent.getFillValue());
            Dataset name = hdf.getDatasetByPath("name");
            assertArrayEquals(new String[]{"Nordstadt", "Süden, Land", ""}, (String[]) name.getData());
            assertEquals(List.of("region"), attachedScales(hdf, name));
        }
    }

    @Test
    void unitsThatUdunitsCannotParseAndBadFlagsAreRefused() {
        NetcdfDataset.Builder b = NetcdfDataset.builder().dimension("region", new String[]{"a"}, "region");
        assertThrows(IllegalArgumentException.class, () -> b.variable("x", List.of("region"), new double[1], "persons/year", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.dimension("t", new double[]{1}, "years", "t"));
        assertThrows(IllegalArgumentException.class,
                () -> b.flagVariable("f", List.of("region"), new byte[]{3}, CfFlags.of("a", "b"), "f"));
        assertThrows(IllegalArgumentException.class, () -> CfFlags.of("two words"));
    }

    @Test
    void chunksAndCompressesLargeVariablesWrittenInOneSlabOrMany() throws IOException {
        // one slab; slabs of one chunk (131 rows: 131, 131, 38); slabs of two chunks (262, 38)
        for (long slab : new long[] {NetcdfWriter.SLAB_ELEMENTS, 1000, 262_000}) {
            chunksAndCompresses(slab);
        }
    }

    private void chunksAndCompresses(long slab) throws IOException {
        int rows = 300;
        int cols = 1000;
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.round(1000 + 500 * Math.sin(i / 1000.0)); // counts, as results are
        }
        double[] time = new double[rows];
        double[] age = new double[cols];
        for (int i = 0; i < rows; i++) {
            time[i] = i;
        }
        for (int i = 0; i < cols; i++) {
            age[i] = i * 0.1;
        }
        Path file = dir.resolve("big-" + slab + ".h5");
        NetcdfWriter.write(file, NetcdfDataset.builder()
                .dimension("time", time, "year", "time")
                .dimension("age", age, "year", "age")
                .variable("density", List.of("time", "age"), data, "persons", "density")
                .build(), slab);

        assertTrue(Files.size(file) < data.length * 8L / 4, "compressed: " + Files.size(file) + " bytes");
        try (HdfFile hdf = Hdf5Files.open(file)) {
            Dataset d = hdf.getDatasetByPath("density");
            ChunkedDataset chunked = assertInstanceOf(ChunkedDataset.class, d);
            assertArrayEquals(new int[]{131, 1000}, chunked.getChunkDimensions(), "whole rows, <= 1 MiB");
            assertEquals(List.of("shuffle", "deflate", "fletcher32"),
                    d.getFilters().stream().map(f -> f.getName()).collect(Collectors.toList()));
            // read through the verifying filter: native HDF5's checksums agree with popcast's Java one
            assertArrayEquals(data, (double[]) d.getDataFlat());
            // Small coordinates stay contiguous and unfiltered.
            assertTrue(hdf.getDatasetByPath("age").getFilters().isEmpty());
        }
    }

    @Test
    void anOwnedVariableIsWrittenWithoutACopy() throws IOException {
        double[] owned = {1, 2, 3}, copied = {4, 5, 6};
        NetcdfDataset ds = NetcdfDataset.builder().dimension("age", new double[] {0, 1, 2}, "year", "age")
                .variableOwning("owned", List.of("age"), owned, "persons", "owned")
                .variable("copied", List.of("age"), copied, "persons", "copied").build();
        owned[0] = 10;   // the dataset shares an owned array, and copies the other
        copied[0] = 40;
        Path file = dir.resolve("owned.h5");
        NetcdfWriter.write(file, ds);
        try (HdfFile hdf = Hdf5Files.open(file)) {
            assertArrayEquals(new double[] {10, 2, 3}, (double[]) hdf.getDatasetByPath("owned").getDataFlat());
            assertArrayEquals(new double[] {4, 5, 6}, (double[]) hdf.getDatasetByPath("copied").getDataFlat());
        }
        assertThrows(IllegalArgumentException.class, () -> NetcdfDataset.builder().dimension("age", new double[] {0, 1}, "year", "age")
                .variableOwning("x", List.of("age"), new double[3], "persons", "x"));
    }

    @Test
    void aFlippedBitInTheDataFailsTheRead() throws IOException {
        Path file = bigFile("a.h5", 1000);
        byte[] raw;
        try (HdfFile hdf = Hdf5Files.open(file)) {
            java.nio.ByteBuffer chunk = ((ChunkedDataset) hdf.getDatasetByPath("population")).getRawChunkBuffer(new int[] {0, 0});
            raw = new byte[chunk.remaining()];
            chunk.get(raw);
        }
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, raw);
        assertTrue(at > 0 && raw.length > 100, "the chunk is in the file");
        bytes[at + raw.length / 2] ^= 0x10;
        Path damaged = Files.write(dir.resolve("damaged.h5"), bytes);
        var e = assertThrows(org.popcast.data.input.InputException.class, () -> NetcdfReader.read(damaged));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertEquals(1000.0, NetcdfReader.read(file).variable("population").data()[0], "the intact file reads");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Path bigFile(String name, double base) throws IOException {
        long[] regions = new long[64], years = new long[128];
        java.util.Arrays.setAll(regions, i -> i);
        java.util.Arrays.setAll(years, i -> i);
        double[] values = new double[regions.length * years.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = base + i % 97;
        }
        Path file = dir.resolve(name);
        NetcdfWriter.write(file, NetcdfDataset.builder().dimension("region", regions, "1", "region")
                .dimension("year", years, "1", "year")
                .variable("population", List.of("region", "year"), values, "persons", "population").build());
        return file;
    }

    @Test
    void fletcher32MatchesHdf5sReferenceValues() {
        // H5_checksum_fletcher32 on "abcde" and "abcdef" (values from HDF5's test/tchecksum.c style
        // computation, worked by hand: words 0x6162, 0x6364, 0x6500 for the odd tail)
        byte[] even = "abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long s1 = 0x6162 + 0x6364 + 0x6566, s2 = 0x6162 + (0x6162 + 0x6364) + (0x6162 + 0x6364 + 0x6566);
        s1 = s1 % 0xffff;
        s2 = s2 % 0xffff;
        assertEquals((int) (s2 << 16 | s1), Hdf5Files.VerifiedFletcher32.checksum(even, even.length));
        byte[] odd = "abcde".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long o1 = 0x6162 + 0x6364 + 0x6500, o2 = 0x6162 + (0x6162 + 0x6364) + (0x6162 + 0x6364 + 0x6500);
        assertEquals((int) ((o2 % 0xffff) << 16 | (o1 % 0xffff)), Hdf5Files.VerifiedFletcher32.checksum(odd, odd.length));
    }

    @Test
    void chunkShapeKeepsWholeRowsWithinOneMebibyte() {
        assertArrayEquals(new long[]{131, 1000}, NetcdfWriter.chunkShape(new long[]{300, 1000}, 8));
        assertArrayEquals(new long[]{10, 50}, NetcdfWriter.chunkShape(new long[]{10, 50}, 8));
        // A single row larger than the budget is cut in the next dimension too.
        assertArrayEquals(new long[]{1, 1, 131072}, NetcdfWriter.chunkShape(new long[]{4, 3, 200_000}, 8));
        assertArrayEquals(new long[]{1, 2, 65536}, NetcdfWriter.chunkShape(new long[]{4, 3, 65536}, 8));
    }

    @Test
    void builderRejectsWrongLengthUnknownDimensionAndDuplicateNames() {
        NetcdfDataset.Builder b = NetcdfDataset.builder()
                .dimension("time", new double[]{0, 1, 2}, "year", "time")
                .dimension("age", new double[]{0, 1}, "year", "age");

        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> b.variable("density", List.of("time", "age"), new double[5], "persons", "density"));
        assertEquals("variable density[time, age]: data has 5 values but the dimensions [3, 2] need 6",
                wrongLength.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> b.variable("births", List.of("year"), new double[3], "persons/year", "births"));
        assertTrue(unknown.getMessage().contains("births") && unknown.getMessage().contains("year"),
                unknown.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> b.variable("time", List.of("time"), new double[3], "year", "clash with a dimension"));
        assertThrows(IllegalArgumentException.class, () -> b.variableAttribute("nope", "x", 1.0));
        assertThrows(IllegalArgumentException.class, () -> b.dimension("a/b", new double[1], "1", "a group path"));
        assertThrows(IllegalArgumentException.class, () -> b.attribute("CLASS", "reserved for dimension scales"));
        assertThrows(IllegalArgumentException.class,
                () -> b.variable("total", List.of(), new double[0], "persons", "a scalar holds one value"));
    }

    @Test
    void missingDirectoryIsReportedAndNothingIsCreated() {
        Path target = dir.resolve("no/such/dir/out.h5");
        IOException e = assertThrows(IOException.class, () -> NetcdfWriter.write(target, sample()));
        assertEquals("cannot write " + target + ": directory " + target.getParent() + " does not exist", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("no")));
    }

    @Test
    void concurrentWritersAreSerialised() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path file = dir.resolve("out" + i + ".h5");
                jobs.add(pool.submit(() -> {
                    NetcdfWriter.write(file, sample());
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 8; i++) {
            try (HdfFile hdf = new HdfFile(dir.resolve("out" + i + ".h5"))) {
                assertEquals(42.0, hdf.getDatasetByPath("total").getData());
            }
        }
    }

    /** Names of the scales DIMENSION_LIST points to, one per dimension. */
    static List<String> attachedScales(HdfFile hdf, Dataset variable) {
        Object[] perDim = (Object[]) variable.getAttribute("DIMENSION_LIST").getData();
        List<String> names = new ArrayList<>();
        for (Object refs : perDim) {
            long address = ((long[]) refs)[0];
            // jHDF cannot name a node found by address, so match it against the datasets.
            names.add(hdf.getChildren().values().stream().filter(n -> n.getAddress() == address)
                    .map(Node::getName).findFirst().orElse("?"));
        }
        return names;
    }
}
