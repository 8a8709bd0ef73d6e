package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFoldersTest {

    @TempDir
    Path dir;

    @Test
    void eachFolderGetsItsFormatAndNothingBeforeTheCommit() throws Exception {
        TidyTable bare = new TidyTable(TidyTableWritersTest.table().columns(), Map.of(), TidyTableWritersTest.table().source());
        TableFolders folders = new TableFolders(dir.resolve("c"), dir.resolve("a"), dir.resolve("p")).withMetadata(Map.of("history", "run 1"));
        try (OutputFiles outputs = new OutputFiles()) {
            folders.declare(outputs);
            folders.write(outputs, "t", bare);
            assertFalse(Files.exists(dir.resolve("p/t.parquet")), "staged until the commit");
            outputs.commit();
        }
        assertTrue(Files.readString(dir.resolve("c/t.csv")).startsWith("region,year,population\n"));
        assertArrayEquals("ARROW1".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(Files.readAllBytes(dir.resolve("a/t.arrow")), 6));
        assertArrayEquals("PAR1".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(Files.readAllBytes(dir.resolve("p/t.parquet")), 4));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT value FROM parquet_kv_metadata('" + dir.resolve("p/t.parquet") + "') WHERE key = 'history'")) {
            assertTrue(r.next());
            assertEquals("run 1", new String(r.getBytes(1), StandardCharsets.UTF_8), "the folders' metadata on a table without its own");
        }
    }

    @Test
    void aSingleFileIsWrittenInTheFormatOfItsExtension() throws Exception {
        for (String name : new String[] {"s.parquet", "s.arrow", "s.csv"}) {
            TableFolders.writerFor(dir.resolve(name), TidyTableWritersTest.table()).run(dir.resolve(name));
        }
        assertArrayEquals("PAR1".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(Files.readAllBytes(dir.resolve("s.parquet")), 4));
        assertArrayEquals("ARROW1".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(Files.readAllBytes(dir.resolve("s.arrow")), 6));
        assertTrue(Files.readString(dir.resolve("s.csv")).startsWith("region,"));
    }
}
