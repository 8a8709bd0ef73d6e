package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeTest {

    @TempDir
    Path dir;

    /** Population-like counts: smooth in the last dimension, noisy in the low bits. */
    private static double[] counts(int n) {
        Random random = new Random(4);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1e5 * (1.5 + Math.sin(i / 300.0)) * (1 + 1e-3 * random.nextGaussian());
        }
        return v;
    }

    private static NetcdfDataset dataset(double[] v, Integer bits) {
        NetcdfDataset.Builder b = NetcdfDataset.builder();
        b.dimension("cell", java.util.stream.LongStream.range(0, v.length).toArray(), "1", "cell index");
        b.variable("population", List.of("cell"), v, "persons", "population");
        b.intVariable("index", List.of("cell"), new int[v.length], "an integer variable: never rounded");
        if (bits != null) {
            b.quantize(bits, "test");
        }
        return b.build();
    }

    @Test
    void roundedValuesAreWrittenWithCfQuantizationAndTheFileShrinks() throws Exception {
        double[] v = counts(200_000);
        Path full = dir.resolve("full.h5"), six = dir.resolve("six.h5");
        NetcdfWriter.write(full, dataset(v, null));
        int bits = BitRound.bitsForDigits(6);
        NetcdfWriter.write(six, dataset(v, bits));
        NetcdfDataset read = NetcdfReader.read(six);
        double[] got = read.variable("population").data();
        BitRound round = new BitRound(bits);
        for (int i = 0; i < v.length; i++) {
            assertEquals(round.round(v[i]), got[i], "value " + i);
            assertTrue(Math.abs(got[i] - v[i]) <= 0.5e-6 * v[i], "6 digits kept at " + i);
        }
        var attributes = read.variable("population").attributes();
        assertEquals(NetcdfDataset.QUANTIZATION, attributes.get("quantization"));
        assertEquals(bits, attributes.get("quantization_nsb"));
        assertEquals(bits, attributes.get("_QuantizeBitRoundNumberOfSignificantBits"));
        assertEquals("bitround", read.variable(NetcdfDataset.QUANTIZATION).attributes().get("algorithm"));
        assertNull(read.variable("index").attributes().get("quantization"));
        long fullSize = Files.size(full), sixSize = Files.size(six);
        assertTrue(sixSize < 0.7 * fullSize, "6 digits: " + sixSize + " bytes, all digits " + fullSize);
    }
}
