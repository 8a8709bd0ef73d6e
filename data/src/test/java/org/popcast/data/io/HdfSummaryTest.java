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
        String summary = HdfSummary.summarize(file);

        for (String expected : new String[]{
                "global attributes:\n",
                "  title = test run ü\n",
                "  format_version = 1\n",
                "  tolerance = 0.000001\n",
                "dimensions:\n",
                "  time = 3: 2000 .. 2001  units: year  long_name: time\n",
                "  year = 2: 2020 .. 2025  units: 1  long_name: calendar year\n",
                "  region = 3: Nord .. Ost  long_name: region\n",
                "variables:\n",
                "  density(time, age) shape 3 x 4 double  units: persons per year of age  long_name: population density\n",
                "    min 0.25, max 23.25, mean 11.75\n",
                "    rel_l2 = 0.0125\n",
                "    method = exact\n",
                "  population(region) shape 3 double  units: persons  long_name: population\n",
                "    min 1.5, max 3, mean 2.25, 1 NaN\n",
                "  total() shape scalar double  units: persons  long_name: total population\n",
                "    min 42, max 42, mean 42\n"}) {
            assertTrue(summary.contains(expected), () -> "missing <" + expected + "> in\n" + summary);
        }
        assertTrue(summary.indexOf("  time = ") < summary.indexOf("  age = "), "file order");
        assertTrue(!summary.contains("DIMENSION_LIST") && !summary.contains("CLASS"), summary);
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
