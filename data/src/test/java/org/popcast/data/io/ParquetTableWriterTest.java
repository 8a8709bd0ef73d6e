package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet written by popcast (parquet-java) read back by DuckDB, whose Parquet reader shares no code with it. */
class ParquetTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void duckDbReadsEveryValueTheSchemaAndTheMetadata() throws Exception {
        Path file = dir.resolve("t.parquet");
        ParquetTableWriter.write(file, TidyTableWritersTest.table());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertEquals(List.of("region VARCHAR NO", "year BIGINT NO", "population DOUBLE NO").toString(),
                    rows(st, "SELECT column_name, column_type, \"null\" FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "'))").toString()
                            .replace("YES", "NO"));
            assertEquals(List.of("北京市 2010 1.5", "a,b 2011 2.0E7", "c 2012 0.1", "d 2013 -3.0", "e 2014 4.25"),
                    rows(st, "SELECT * FROM read_parquet('" + file + "')"));
            // required columns (not nullable), in the table's order
            assertEquals(List.of("region REQUIRED", "year REQUIRED", "population REQUIRED"),
                    rows(st, "SELECT name, repetition_type FROM parquet_schema('" + file + "') WHERE name <> 'popcast'"));
            assertEquals(List.of("ZSTD"), rows(st, "SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"));
            Map<String, String> kv = new LinkedHashMap<>();
            try (ResultSet r = st.executeQuery("SELECT key, value FROM parquet_kv_metadata('" + file + "')")) {
                while (r.next()) {
                    kv.put(new String(r.getBytes(1), StandardCharsets.UTF_8), new String(r.getBytes(2), StandardCharsets.UTF_8));
                }
            }
            assertEquals("popcast test", kv.get("source"), kv.toString());
        }
    }

    @Test
    void manyRowsAndAwkwardValuesReadBackExactly() throws Exception {
        int n = 300_000;
        SplittableRandom random = new SplittableRandom(3);
        String[] names = new String[n];
        long[] years = new long[n];
        double[] values = new double[n];
        double[] special = {Double.NaN, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY, 3.2495811170170024E7};
        for (int i = 0; i < n; i++) {
            names[i] = i % 1000 == 0 ? "say \"hi\",\nthere" : "r" + random.nextInt(300);
            years[i] = i % 7 == 0 ? Long.MIN_VALUE + i : 1950 + random.nextInt(150);
            values[i] = i < special.length ? special[i] : Double.longBitsToDouble(random.nextLong());
        }
        TidyTable table = new TidyTable(TidyTableWritersTest.table().columns(), Map.of("data_through", "2019"), sink -> {
            for (int from = 0; from < n; from += 65_536) {
                int rows = Math.min(65_536, n - from);
                sink.accept(rows, new Object[] {java.util.Arrays.copyOfRange(names, from, from + rows),
                        java.util.Arrays.copyOfRange(years, from, from + rows), java.util.Arrays.copyOfRange(values, from, from + rows)});
            }
        });
        Path file = dir.resolve("big.parquet");
        ParquetTableWriter.write(file, table);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT region, year, population FROM read_parquet('" + file + "', file_row_number = true) ORDER BY file_row_number")) {
            int i = 0;
            while (r.next()) {
                assertEquals(names[i], r.getString(1), "row " + i);
                assertEquals(years[i], r.getLong(2), "row " + i);
                // bit for bit (-0.0 is not 0.0); NaN payloads compared as one NaN
                assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits(r.getDouble(3)), "row " + i);
                i++;
            }
            assertEquals(n, i);
        }
    }

    @Test
    void aFailingSourceLeavesNoFile() {
        Path file = dir.resolve("bad.parquet");
        TidyTable bad = new TidyTable(TidyTableWritersTest.table().columns(), Map.of(), sink -> sink.accept(1, new Object[] {new String[] {"x"}}));
        assertThrows(IllegalArgumentException.class, () -> ParquetTableWriter.write(file, bad));
        assertFalse(Files.exists(file));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.findAny().isEmpty(), "no temporary file left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = st.executeQuery(sql)) {
            int cols = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int c = 1; c <= cols; c++) {
                    b.append(c > 1 ? " " : "").append(r.getString(c));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
