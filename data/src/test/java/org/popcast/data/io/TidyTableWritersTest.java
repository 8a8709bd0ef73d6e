package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TidyTableWritersTest {

    @TempDir
    Path dir;

    /** Two batches: 3 rows then 2 rows, one string with a comma. */
    static TidyTable table() {
        return new TidyTable(List.of(new TidyTable.Column("region", TidyTable.Type.STRING),
                new TidyTable.Column("year", TidyTable.Type.INT64), new TidyTable.Column("population", TidyTable.Type.FLOAT64)),
                Map.of("source", "popcast test"), sink -> {
                    sink.accept(3, new Object[] {new String[] {"北京市", "a,b", "c"}, new long[] {2010, 2011, 2012}, new double[] {1.5, 2e7, 0.1}});
                    sink.accept(2, new Object[] {new String[] {"d", "e", "unused"}, new long[] {2013, 2014, 0}, new double[] {-3, 4.25, 0}});
                });
    }

    @Test
    void arrowFileReadsBackWithItsMetadata() throws IOException {
        Path file = dir.resolve("t.arrow");
        ArrowWriter.write(file, table());
        try (RootAllocator allocator = new RootAllocator(); FileChannel ch = FileChannel.open(file);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals("popcast test", root.getSchema().getCustomMetadata().get("source"));
            assertEquals(2, reader.getRecordBlocks().size());
            StringBuilder seen = new StringBuilder();
            while (reader.loadNextBatch()) {
                VarCharVector r = (VarCharVector) root.getVector("region");
                BigIntVector y = (BigIntVector) root.getVector("year");
                Float8Vector p = (Float8Vector) root.getVector("population");
                for (int i = 0; i < root.getRowCount(); i++) {
                    seen.append(new String(r.get(i), java.nio.charset.StandardCharsets.UTF_8)).append('|').append(y.get(i))
                            .append('|').append(p.get(i)).append(';');
                }
            }
            assertEquals("北京市|2010|1.5;a,b|2011|2.0E7;c|2012|0.1;d|2013|-3.0;e|2014|4.25;", seen.toString());
        }
    }

    @Test
    void csvHasHeaderQuotesAndRoundTrippingNumbers() throws IOException {
        Path file = dir.resolve("t.csv");
        CsvTableWriter.write(file, table());
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("region,year,population", "北京市,2010,1.5", "\"a,b\",2011,20000000", "c,2012,0.1", "d,2013,-3", "e,2014,4.25"), lines);
    }

    @Test
    void aFailingSourceLeavesNoFile() {
        Path file = dir.resolve("bad.arrow");
        TidyTable bad = new TidyTable(table().columns(), Map.of(), sink -> sink.accept(1, new Object[] {new String[] {"x"}}));
        assertThrows(IllegalArgumentException.class, () -> ArrowWriter.write(file, bad));
        assertFalse(Files.exists(file));
    }
}
