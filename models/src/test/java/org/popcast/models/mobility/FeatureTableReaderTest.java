package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;

class FeatureTableReaderTest {

    @TempDir
    Path dir;

    @Test
    void csvNumbersTextAndMissingCells() {
        FeatureTable t = FeatureTableReader.parseCsv("t.csv", "\uFEFFyear,city,name,gdp\n2020,1,\"Bei, jing\",1.5\n2021,1,,NA\n\n2020,2,Wuhan,\n");
        assertEquals(List.of("year", "city", "name", "gdp"), t.columns());
        assertEquals(3, t.rowCount());
        assertTrue(t.isNumeric("gdp"));
        assertFalse(t.isNumeric("name"));
        double[] gdp = t.numbers("gdp");
        assertEquals(1.5, gdp[0]);
        assertTrue(Double.isNaN(gdp[1]) && Double.isNaN(gdp[2]));
        assertArrayEquals(new String[] {"Bei, jing", null, "Wuhan"}, t.labels("name"));
        assertArrayEquals(new String[] {"1", "1", "2"}, t.labels("city"));
        assertEquals("t.csv:5", t.where(2), "blank lines keep the numbering of the file");
    }

    @Test
    void csvErrorsNameTheCell() {
        InputException mixed = assertThrows(InputException.class,
                () -> FeatureTableReader.parseCsv("t.csv", "a,b\n1,2\n3,x7\n"));
        assertEquals("t.csv:3:2: column 'b' holds numbers, expected a number or an empty cell here, got 'x7'", mixed.getMessage());
        assertTrue(assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("t.csv", "a,b\n1\n"))
                .getMessage().startsWith("t.csv:2: expected 2 cells"));
        assertTrue(assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("t.csv", "a,a\n1,2\n"))
                .getMessage().contains("appears twice"));
        assertTrue(assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("t.csv", "a\n1\n").numbers("b"))
                .getMessage().startsWith("t.csv: no column 'b'"));
    }

    @Test
    void arrowFileGivesTheSameTable() throws IOException {
        Path file = dir.resolve("t.arrow");
        try (BufferAllocator allocator = new RootAllocator();
             Float8Vector gdp = new Float8Vector("gdp", allocator);
             BigIntVector year = new BigIntVector("year", allocator);
             VarCharVector name = new VarCharVector("name", allocator)) {
            gdp.allocateNew(2);
            year.allocateNew(2);
            name.allocateNew(2);
            gdp.set(0, 1.5);
            gdp.setNull(1);
            year.set(0, 2020);
            year.set(1, 2021);
            name.set(0, "北京".getBytes(StandardCharsets.UTF_8));
            name.setNull(1);
            for (var v : List.of(gdp, year, name)) {
                v.setValueCount(2);
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(year.getField(), gdp.getField(), name.getField()),
                    List.of(year, gdp, name));
                 FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
                root.setRowCount(2);
                w.start();
                w.writeBatch();
                w.end();
            }
        }
        FeatureTable t = FeatureTableReader.read(file);
        assertEquals(List.of("year", "gdp", "name"), t.columns());
        assertArrayEquals(new double[] {2020, 2021}, t.numbers("year"));
        assertEquals(1.5, t.numbers("gdp")[0]);
        assertTrue(Double.isNaN(t.numbers("gdp")[1]));
        assertArrayEquals(new String[] {"北京", null}, t.labels("name"));
        assertEquals(file + ": row 2", t.where(1));
    }

    @Test
    void missingFileIsNamed() {
        assertThrows(InputException.class, () -> FeatureTableReader.read(dir.resolve("none.csv")));
        assertThrows(InputException.class, () -> FeatureTableReader.read(dir.resolve("none.arrow")));
    }

    @Test
    void garbageArrowFileIsAnInputError() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.arrow"), "not arrow");
        assertTrue(assertThrows(InputException.class, () -> FeatureTableReader.read(file)).getMessage().contains("not a readable Arrow IPC file"));
    }
}
