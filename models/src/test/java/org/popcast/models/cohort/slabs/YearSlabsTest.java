package org.popcast.models.cohort.slabs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.popcast.data.io.ScratchFile;

/** Both kinds of slabs give back what was recorded, whole years and runs of years; the file kind leaves nothing and fails loudly. */
class YearSlabsTest {

    private static final SlabShape SHAPE = new SlabShape(5, 3, 4);
    private static final int YEARS = 7;

    @TempDir
    Path dir;

    private YearSlabs slabs(boolean file) throws IOException {
        return file ? new FileSlabs(ScratchFile.beside(dir.resolve("out.h5")), SHAPE, YEARS) : new MemorySlabs(SHAPE, YEARS);
    }

    private static double[][] values() {
        Random random = new Random(5);
        double[][] v = new double[YEARS][SHAPE.size()];
        for (double[] year : v) {
            for (int i = 0; i < year.length; i++) {
                year[i] = random.nextDouble() * Math.pow(10, random.nextInt(9)) * (random.nextBoolean() ? 1 : -1);
            }
        }
        v[2][7] = Double.NaN;
        v[3][0] = -0.0;
        return v;
    }

    @ParameterizedTest(name = "file {0}")
    @ValueSource(booleans = {false, true})
    void wholeYearsAndRunsOfYearsComeBackToTheBit(boolean file) throws IOException {
        double[][] v = values();
        try (YearSlabs slabs = slabs(file)) {
            for (int t : new int[] {0, 2, 1, 3, 6, 5, 4}) { // any order
                slabs.put(t, v[t].clone());
            }
            for (int t = 0; t < YEARS; t++) {
                assertArrayEquals(bits(v[t]), bits(slabs.year(t)), "year " + t);
            }
            int width = SHAPE.width();
            // every band of every row in runs, bands visited in turn so the file's cache evicts and reuses
            for (int round = 0; round < 2; round++) {
                for (int band = 0; band < SHAPE.bands(); band++) {
                    for (int row = 0; row < SHAPE.rows(); row++) {
                        for (int from = 0; from < YEARS; from += 3) {
                            int count = Math.min(3, YEARS - from);
                            double[] got = new double[2 + count * width];
                            slabs.read(band, row, from, count, got, 2);
                            for (int k = 0; k < count; k++) {
                                for (int j = 0; j < width; j++) {
                                    int index = SHAPE.offset(row, band) + j;
                                    assertEquals(Double.doubleToRawLongBits(v[from + k][index]),
                                            Double.doubleToRawLongBits(got[2 + k * width + j]), "band " + band + " row " + row + " year " + (from + k));
                                    assertEquals(Double.doubleToRawLongBits(v[from + k][index]),
                                            Double.doubleToRawLongBits(slabs.value(from + k, index)));
                                }
                            }
                        }
                        double sum = 0;
                        for (int j = 1; j < width; j++) {
                            sum += v[4][SHAPE.offset(row, band) + j];
                        }
                        assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(slabs.sum(4, SHAPE.offset(row, band) + 1, width - 1)));
                    }
                }
            }
        }
    }

    @Test
    void closingDeletesTheScratchFileAndLaterReadsFail() throws IOException {
        YearSlabs slabs = slabs(true);
        for (int t = 0; t < YEARS; t++) {
            slabs.put(t, values()[t]);
        }
        slabs.year(3);
        slabs.close();
        slabs.close(); // twice is harmless
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
        assertEquals(List.of(), OpenScratchFiles.of("out.h5"), "no open descriptor");
        assertThrows(IllegalStateException.class, () -> slabs.year(3));
        assertThrows(IllegalStateException.class, () -> slabs.put(0, new double[SHAPE.size()]));
    }

    @Test
    @Timeout(60) // a write failure lost would leave the read waiting for ever
    void aFailedWriteIsAnErrorOnTheNextReadOrPut() throws IOException {
        ScratchFile file = ScratchFile.beside(dir.resolve("out.h5"));
        try (FileSlabs slabs = new FileSlabs(file, SHAPE, YEARS)) {
            file.close(); // the disk goes away under the writer
            slabs.put(0, values()[0]);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> slabs.year(0));
            assertTrue(e.getMessage().startsWith("cannot keep the projection in " + file.path()), e.getMessage());
            assertThrows(UncheckedIOException.class, () -> slabs.put(1, values()[1]));
        }
    }

    @Test
    void aYearNeverRecordedIsRefusedNotAwaited() throws IOException {
        try (YearSlabs slabs = slabs(true)) {
            slabs.put(0, values()[0]);
            assertThrows(IllegalStateException.class, () -> slabs.year(1));
            assertThrows(IllegalArgumentException.class, () -> slabs.put(1, new double[3]));
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
