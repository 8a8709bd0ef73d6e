package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HdfSummaryTest {

    @TempDir
    Path dir;

    @Test
    void summarisesAttributesDimensionsAndVariables() throws IOException {
        Path file = dir.resolve("out.h5");
        NetcdfWriter.write(file, NetcdfWriterTest.sample());
        String summary = HdfSummary.summarize(file, true);

        for (String expected : new String[]{
                "global attributes:\n",
                "  title = test run ü\n",
                "  format_version = 1\n",
                "  tolerance = 0.000001\n",
                "dimensions:\n",
                "  time = 3: 2000 .. 2001  long_name: time in fractional calendar years (2020.5: mid-2020)\n",
                "  age = 4: 0 .. 3  units: year  long_name: age\n",
                "  year = 2: 2020 .. 2025  long_name: calendar year\n",
                "  region = 3: Nord .. Ost  long_name: region\n",
                "variables:\n",
                "  density(time, age) shape 3 x 4 double  units: year-1  long_name: population density\n",
                "    min 0.25, max 23.25, mean 11.75\n",
                "    display_units = persons per year of age\n",
                "    method = exact\n",
                "    rel_l2 = 0.0125\n",
                "  population(region) shape 3 double  units: 1  long_name: population\n",
                "    min 1.5, max 3, mean 2.25, 1 NaN\n",
                "  total() shape scalar double  units: 1  long_name: total population\n",
                "    min 42, max 42, mean 42\n",
                "  level(region) shape 3 byte  long_name: level\n",
                "    flag_meanings = city province nation\n",
                "    flag_values = [0, 1, 2]\n",
                "  name(region) shape 3 String  long_name: region name\n"}) {
            assertTrue(summary.contains(expected), () -> "missing <" + expected + "> in\n" + summary);
        }
        assertTrue(summary.indexOf("  time = ") < summary.indexOf("  age = "), "file order");
        assertTrue(!summary.contains("DIMENSION_LIST") && !summary.contains("CLASS"), summary);
    }

    @Test
    void largeAndSmallNumbersUseTheUsualLowerCaseExponent() throws IOException {
        Path file = dir.resolve("numbers.h5");
        NetcdfWriter.write(file, NetcdfDataset.builder().attribute("big", 1370780000.5).attribute("small", 2.5e-7)
                .attribute("year", 2020.0).dimension("x", new double[] {1, 2}, "1", "x").build());
        String summary = HdfSummary.summarize(file);
        assertTrue(summary.contains("  big = 1.37078e+9\n"), summary);
        assertTrue(summary.contains("  small = 2.5e-7\n"), summary);
        assertTrue(summary.contains("  year = 2020\n"), summary);
    }

    @Test
    void withoutStatsOnlyHeadersAreRead() throws IOException {
        Path file = dir.resolve("big.h5");
        NetcdfWriter.write(file, ParallelChunkWriterTest.dataset(new long[] {300, 1000}, null));
        String summary = HdfSummary.summarize(file);
        assertTrue(summary.contains("  v(d0, d1) shape 300 x 1000 double  units: 1  long_name: values\n"
                + "    chunks 131 x 1000, shuffle, deflate, fletcher32\n"), summary);
        assertTrue(summary.contains("  d0 = 300: 0 .. 299  units: 1"), summary);
        assertTrue(!summary.contains("min "), "no statistics without --stats:\n" + summary);

        // Damage the middle of v's second chunk: the header summary never reads it, the
        // statistics fail its checksum.
        byte[] bytes = Files.readAllBytes(file);
        long[] chunk = ParallelChunkWriterTest.chunkAddressAndSize(file, "v", 1);
        for (long i = chunk[0] + chunk[1] / 2; i < chunk[0] + chunk[1] / 2 + 100; i++) {
            bytes[(int) i] ^= 0x5a;
        }
        Path damaged = Files.write(dir.resolve("damaged.h5"), bytes);
        assertEquals(summary.replace(file.toString(), damaged.toString()), HdfSummary.summarize(damaged));
        var e = assertThrows(org.popcast.data.input.InputException.class, () -> HdfSummary.summarize(damaged, true));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void longAttributesAreShortened() throws IOException {
        Path file = dir.resolve("long.h5");
        NetcdfWriter.write(file, NetcdfDataset.builder().attribute("history", "x".repeat(500)).build());
        String line = HdfSummary.summarize(file).lines().filter(l -> l.contains("history")).findFirst().orElseThrow();
        assertEquals("  history = " + "x".repeat(97) + "...", line);
    }

    @Test
    void missingOrForeignFilesGiveOneLine() throws IOException {
        Path missing = dir.resolve("missing.h5");
        assertEquals(missing + ": no such file",
                assertThrows(org.popcast.data.input.InputException.class, () -> HdfSummary.summarize(missing)).getMessage());

        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "not hdf5 at all\n".repeat(100));
        String message = assertThrows(org.popcast.data.input.InputException.class, () -> HdfSummary.summarize(text)).getMessage();
        assertTrue(message.startsWith(text + ": not a popcast result: not an HDF5 file"), message);
        assertEquals(1, message.lines().count(), message);
    }
}
