package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void writesTidyRowsThatReadBackExactly() throws Exception {
        double[] values = {3.416995171382799E7, 1e-7, 0.1 + 0.2, -12345.5, 1e20};
        CsvTable t = new CsvTable("year", "name", "value", "inside");
        for (double v : values) {
            t.row(2020, "a,b", v, true);
        }
        t.row(2021, "c", Double.NaN, false);
        Path file = dir.resolve("t.csv");
        t.write(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("year,name,value,inside", lines.get(0));
        assertEquals("2020,\"a,b\",34169951.71382799,true", lines.get(1));
        assertEquals("2021,c,,false", lines.get(6), "NaN is an empty cell");
        for (int i = 0; i < values.length; i++) {
            String cell = lines.get(i + 1).substring(lines.get(i + 1).lastIndexOf("\",") + 2).split(",")[0];
            assertEquals(values[i], Double.parseDouble(cell), 0, cell);
            assertEquals(-1, cell.indexOf('E'), "no exponent: " + cell);
        }
        assertThrows(IllegalArgumentException.class, () -> t.row(1, 2));
    }
}
