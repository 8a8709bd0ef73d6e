package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

/** Results carry dozens of provenance attributes; jHDF must still read them (it failed on HDF5's dense storage). */
class ManyAttributesTest {

    @TempDir
    Path dir;

    @Test
    void fortyGlobalAttributesReadBack() throws Exception {
        NetcdfDataset.Builder b = NetcdfDataset.builder();
        for (int i = 0; i < 40; i++) {
            b.attribute("setting_" + i, "value " + i + " " + "x".repeat(i * 20));
        }
        b.dimension("time", new double[] {1, 2}, "year", "time")
                .variable("v", List.of("time"), new double[] {3, 4}, "1", "v");
        Path file = dir.resolve("a.h5");
        NetcdfWriter.write(file, b.build());
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(40, hdf.getAttributes().size());
            assertEquals("value 39 " + "x".repeat(780), hdf.getAttribute("setting_39").getData());
        }
    }
}
