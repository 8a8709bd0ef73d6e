package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What NetcdfWriter writes, NetcdfReader reads back unchanged. */
class NetcdfReaderTest {

    @Test
    void roundTrip(@TempDir Path dir) throws IOException {
        NetcdfDataset written = NetcdfWriterTest.sample();
        Path file = dir.resolve("x.h5");
        NetcdfWriter.write(file, written);
        NetcdfDataset read = NetcdfReader.read(file);
        assertEquals(written.attributes(), read.attributes());
        for (NetcdfDataset.Dimension d : written.dimensions()) {
            NetcdfDataset.Dimension r = read.dimension(d.name());
            assertEquals(d.type(), r.type(), d.name());
            assertEquals(d.size(), r.size());
            assertEquals(d.longName(), r.longName());
            assertEquals(d.units(), r.units(), d.name());
        }
        assertArrayEquals(written.dimension("time").doubleValues(), read.dimension("time").doubleValues());
        assertArrayEquals(written.dimension("year").longValues(), read.dimension("year").longValues());
        assertArrayEquals(written.dimension("region").stringValues(), read.dimension("region").stringValues());
        for (NetcdfDataset.Variable v : written.variables()) {
            NetcdfDataset.Variable r = read.variable(v.name());
            assertEquals(v.dims(), r.dims(), v.name());
            assertEquals(v.type(), r.type(), v.name());
            if (v.type() == NetcdfDataset.Variable.Type.STRING) {
                assertArrayEquals(v.strings(), r.strings(), v.name());
            } else {
                assertArrayEquals(v.data(), r.data(), 0, v.name());
            }
            assertEquals(comparable(v.attributes()), comparable(r.attributes()), v.name());
        }
    }

    /** Attributes with arrays (flag_values) as lists, so that equal contents compare equal. */
    private static java.util.Map<String, Object> comparable(java.util.Map<String, Object> attributes) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, v instanceof byte[] b ? java.util.Arrays.toString(b) : v));
        return out;
    }

    @Test
    void aFileThatIsNotHdf5IsAnInputError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.h5"), "year,population\n");
        var e = assertThrows(org.popcast.data.input.InputException.class, () -> NetcdfReader.read(file));
        assertEquals(file + ": not a popcast result: not an HDF5 file (no HDF5 signature at its start, or shorter than 48 bytes)",
                e.getMessage());
    }
}
