package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.data.io.NetcdfWriter;

class RegionSumsTest {

    private static final int SCENARIOS = 3, LEAVES = 7, INNER = 5, YEARS = 31; // 5115 values: chunked, so ChunkEncoder reads them
    /** Regions: each leaf alone, two provinces, the nation, and one region without leaves. */
    private static final List<int[]> MEMBERS = List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4},
            new int[] {5}, new int[] {6}, new int[] {0, 1, 2}, new int[] {3, 4, 5, 6}, new int[] {0, 1, 2, 3, 4, 5, 6}, new int[0]);

    @TempDir
    Path dir;

    private final double[][][][] leaf = leafValues(new Random(17));

    private static double[][][][] leafValues(Random random) {
        double[][][][] v = new double[LEAVES][SCENARIOS][INNER][YEARS];
        for (double[][][] l : v) {
            for (double[][] s : l) {
                for (double[] i : s) {
                    for (int t = 0; t < YEARS; t++) {
                        i[t] = random.nextDouble() * Math.pow(10, random.nextInt(9)); // mixed magnitudes: order matters
                    }
                }
            }
        }
        return v;
    }

    private RegionSums sums() {
        return new RegionSums(MEMBERS, SCENARIOS, INNER, YEARS, RegionSums.byValue(INNER, (l, s, i, t) -> leaf[l][s][i][t]));
    }

    /** The array sum the writer used before: leaves added in member order into a zeroed [S][R][inner][Y] array. */
    private double[] naive() {
        int regions = MEMBERS.size();
        double[] out = new double[SCENARIOS * regions * INNER * YEARS];
        for (int s = 0; s < SCENARIOS; s++) {
            for (int r = 0; r < regions; r++) {
                int to = (s * regions + r) * INNER * YEARS;
                if (MEMBERS.get(r).length == 0) {
                    java.util.Arrays.fill(out, to, to + INNER * YEARS, Double.NaN);
                }
                for (int l : MEMBERS.get(r)) {
                    for (int i = 0; i < INNER; i++) {
                        for (int t = 0; t < YEARS; t++) {
                            out[to + i * YEARS + t] += leaf[l][s][i][t];
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void anyRunOfValuesEqualsTheArraySumToTheBit() {
        double[] expected = naive();
        RegionSums sums = sums();
        assertEquals(expected.length, sums.size());
        Random random = new Random(3);
        for (int k = 0; k < 500; k++) {
            int start = random.nextInt(expected.length), length = random.nextInt(Math.min(200, expected.length - start) + 1);
            double[] got = new double[length + 4];
            sums.read(start, got, 4, length);
            for (int j = 0; j < length; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[start + j]), Double.doubleToRawLongBits(got[4 + j]),
                        "value " + (start + j) + " read from " + start + " length " + length);
            }
        }
    }

    @Test
    void aRegionWithoutLeavesIsNaNAndReadsOutsideAreRefused() {
        double[] all = new double[(int) sums().size()];
        sums().read(0, all, 0, all.length);
        int empty = MEMBERS.size() - 1;
        assertTrue(Double.isNaN(all[(empty * INNER + 2) * YEARS + 4]));
        assertThrows(IndexOutOfBoundsException.class, () -> sums().read(all.length - 3, new double[5], 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> sums().read(-1, new double[5], 0, 1));
    }

    @Test
    void aComputedVariableIsWrittenAndScannedAsTheArrayWouldBe() throws Exception {
        NetcdfDataset computed = dataset(b -> b.variableComputed("v", dims(), sums(), "persons", "sums"));
        NetcdfDataset held = dataset(b -> b.variable("v", dims(), naive(), "persons", "sums"));
        NetcdfDataset.Variable c = computed.variable("v"), h = held.variable("v");
        assertTrue(!c.stored() && h.stored());
        assertEquals(h.indexOf(Double::isNaN), c.indexOf(Double::isNaN));
        assertEquals(h.indexOf(x -> x > 5e8), c.indexOf(x -> x > 5e8));
        assertEquals(h.value(123), c.value(123));
        Path a = dir.resolve("computed.h5"), b = dir.resolve("held.h5");
        NetcdfWriter.write(a, computed);
        NetcdfWriter.write(b, held);
        double[] fromComputed = NetcdfReader.read(a).variable("v").data(), fromHeld = NetcdfReader.read(b).variable("v").data();
        assertEquals(fromHeld.length, fromComputed.length);
        for (int i = 0; i < fromHeld.length; i++) {
            assertEquals(Double.doubleToRawLongBits(fromHeld[i]), Double.doubleToRawLongBits(fromComputed[i]), "value " + i);
        }
        assertTrue(Files.size(a) > 0);
    }

    private static List<String> dims() {
        return List.of("scenario", "region", "inner", "year");
    }

    private static NetcdfDataset dataset(java.util.function.Consumer<NetcdfDataset.Builder> variable) {
        NetcdfDataset.Builder b = NetcdfDataset.builder();
        b.dimension("scenario", range(SCENARIOS), "1", "scenario index");
        b.dimension("region", range(MEMBERS.size()), "1", "region index");
        b.dimension("inner", range(INNER), "1", "inner index");
        b.calendarYears("year", range(YEARS), "");
        variable.accept(b);
        return b.build();
    }

    private static long[] range(int n) {
        return java.util.stream.LongStream.range(0, n).toArray();
    }
}
