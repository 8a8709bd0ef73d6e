package org.popcast.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Not a test: times the table writers on the tables of a real run (formats.md, "Parquet: the
 * writer"). Reads each {@code NAME.arrow} of a folder written by {@code cohort project --arrow DIR}
 * and writes it as CSV, Arrow, Parquet (parquet-java, {@link ParquetTableWriter}) and Parquet
 * through DuckDB (appender into a table, then {@code COPY ... (FORMAT parquet, COMPRESSION zstd)}),
 * printing seconds and bytes. Run with the data module's test class path:
 * {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... org.popcast.data.io.TableWritersBench ARROW_DIR OUT_DIR
 * [read,csv,arrow,parquet,duckdb]} (leave hadoop-common, a compile-only dependency, off the class path).
 */
public final class TableWritersBench {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]), out = Path.of(args[1]);
        List<String> formats = List.of((args.length > 2 ? args[2] : "read,csv,arrow,parquet,duckdb").split(","));
        Files.createDirectories(out);
        try (var files = Files.list(in)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".arrow")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".arrow", "");
                for (String format : formats) {
                    Path target = out.resolve(name + "." + format.replace("duckdb", "duckdb.parquet").replace("read", "none"));
                    Files.deleteIfExists(target);
                    long t0 = System.nanoTime();
                    long rows = switch (format) {
                        case "read" -> count(f);
                        case "csv" -> write(f, target, CsvTableWriter::write);
                        case "arrow" -> write(f, target, ArrowWriter::write);
                        case "parquet" -> write(f, target, ParquetTableWriter::write);
                        case "duckdb" -> duckdb(f, target);
                        default -> throw new IllegalArgumentException(format);
                    };
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("%s %s: %d rows, %.1f s, %d bytes%n", name, format, rows, s, Files.exists(target) ? Files.size(target) : 0);
                    System.out.flush();
                }
            }
        }
    }

    interface Writer {
        void write(Path target, TidyTable table) throws IOException;
    }

    private static long write(Path arrow, Path target, Writer w) throws IOException {
        long[] rows = {0};
        TidyTable t = table(arrow);
        w.write(target, new TidyTable(t.columns(), t.metadata(), sink -> t.source().forEachBatch((n, batch) -> {
            rows[0] += n;
            sink.accept(n, batch);
        })));
        return rows[0];
    }

    private static long count(Path arrow) throws IOException {
        long[] rows = {0};
        table(arrow).source().forEachBatch((n, batch) -> rows[0] += n);
        return rows[0];
    }

    /** An Arrow file as a TidyTable, batch by batch. */
    static TidyTable table(Path arrow) throws IOException {
        List<TidyTable.Column> columns = new ArrayList<>();
        Map<String, String> metadata;
        try (RootAllocator a = new RootAllocator(); FileChannel ch = FileChannel.open(arrow); ArrowFileReader r = new ArrowFileReader(ch, a)) {
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            metadata = root.getSchema().getCustomMetadata();
            for (FieldVector v : root.getFieldVectors()) {
                columns.add(new TidyTable.Column(v.getName(), v instanceof VarCharVector ? TidyTable.Type.STRING
                        : v instanceof BigIntVector ? TidyTable.Type.INT64 : TidyTable.Type.FLOAT64));
            }
        }
        return new TidyTable(columns, metadata, sink -> {
            try (RootAllocator a = new RootAllocator(); FileChannel ch = FileChannel.open(arrow); ArrowFileReader r = new ArrowFileReader(ch, a)) {
                VectorSchemaRoot root = r.getVectorSchemaRoot();
                for (ArrowBlock block : r.getRecordBlocks()) {
                    r.loadRecordBatch(block);
                    int n = root.getRowCount();
                    Object[] batch = new Object[columns.size()];
                    for (int c = 0; c < batch.length; c++) {
                        FieldVector v = root.getVector(c);
                        if (v instanceof VarCharVector s) {
                            String[] x = new String[n];
                            for (int i = 0; i < n; i++) {
                                x[i] = new String(s.get(i), StandardCharsets.UTF_8);
                            }
                            batch[c] = x;
                        } else if (v instanceof BigIntVector l) {
                            long[] x = new long[n];
                            for (int i = 0; i < n; i++) {
                                x[i] = l.get(i);
                            }
                            batch[c] = x;
                        } else {
                            Float8Vector d = (Float8Vector) v;
                            double[] x = new double[n];
                            for (int i = 0; i < n; i++) {
                                x[i] = d.get(i);
                            }
                            batch[c] = x;
                        }
                    }
                    sink.accept(n, batch);
                }
            }
        });
    }

    /** DuckDB: append every row to a table of an on-disk database, then COPY it to Parquet (ZSTD) with the metadata. */
    private static long duckdb(Path arrow, Path target) throws Exception {
        TidyTable t = table(arrow);
        Path db = target.resolveSibling(target.getFileName() + ".duckdb");
        Files.deleteIfExists(db);
        long[] rows = {0};
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
            for (int i = 0; i < t.columns().size(); i++) {
                TidyTable.Column col = t.columns().get(i);
                ddl.append(i > 0 ? ", " : "").append('"').append(col.name()).append("\" ").append(switch (col.type()) {
                    case STRING -> "VARCHAR NOT NULL";
                    case INT64 -> "BIGINT NOT NULL";
                    case FLOAT64 -> "DOUBLE NOT NULL";
                });
            }
            st.execute(ddl.append(')').toString());
            try (DuckDBAppender app = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                t.source().forEachBatch((n, batch) -> {
                    try {
                        for (int i = 0; i < n; i++) {
                            app.beginRow();
                            for (Object col : batch) {
                                if (col instanceof String[] s) {
                                    app.append(s[i]);
                                } else if (col instanceof long[] l) {
                                    app.append(l[i]);
                                } else {
                                    app.append(((double[]) col)[i]);
                                }
                            }
                            app.endRow();
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IOException(e);
                    }
                    rows[0] += n;
                });
            }
            StringBuilder kv = new StringBuilder();
            for (Map.Entry<String, String> e : t.metadata().entrySet()) {
                kv.append(kv.length() > 0 ? ", " : "").append('\'').append(e.getKey().replace("'", "''")).append("': '")
                        .append(e.getValue().replace("'", "''")).append('\'');
            }
            st.execute("COPY t TO '" + target + "' (FORMAT parquet, COMPRESSION zstd" + (kv.length() > 0 ? ", KV_METADATA {" + kv + "}" : "") + ")");
        }
        Files.deleteIfExists(db);
        return rows[0];
    }
}
