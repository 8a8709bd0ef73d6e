package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table popcast writes, read back by parsers that share no code with its writers: CSV by
 * Apache Commons CSV's strict RFC 4180 parser (popcast writes through its printer), Arrow by
 * Arrow Java's reader, Parquet by DuckDB (popcast writes with parquet-java). The CSV, Arrow and
 * Parquet forms of a table hold the same values bit for bit; CSV numbers are in their shortest
 * round-trip text (checked against a brute-force shortest, not popcast's formatter), whole numbers
 * without ".0", no Java exponent ("3.2495811170170024E7"). Cohort inputs written in pandas'
 * and R's conventions give the same projection as the shipped files.
 */
class TableFormatsTest {

    @TempDir
    Path dir;

    private static final List<String> COHORT_TABLES = List.of("population", "components", "indicators", "flows_by_age");

    @Test
    void cohortTablesAgreeInCsvArrowAndParquet() throws Exception {
        Path h5 = dir.resolve("cn.h5"), csv = dir.resolve("csv"), arrow = dir.resolve("arrow"), parquet = dir.resolve("parquet");
        CliRun run = CliRun.popcast("-q", "cohort", "project", "--builtin", "china-national", "--horizon", "10", "--out", h5.toString(),
                "--csv", csv.toString(), "--arrow", arrow.toString(), "--parquet", parquet.toString());
        assertEquals(0, run.exit(), run.err());
        for (String name : COHORT_TABLES) {
            Table fromArrow = readArrow(arrow.resolve(name + ".arrow"));
            Table fromCsv = readCsv(csv.resolve(name + ".csv"));
            Table fromParquet = readParquet(parquet.resolve(name + ".parquet"));
            assertEquals(fromArrow.header(), fromCsv.header(), name);
            assertEquals(fromArrow.header(), fromParquet.header(), name);
            assertTrue(fromArrow.rows().size() >= 100, name);
            assertSameValues(name + ".csv", fromArrow, fromCsv);
            assertSameValues(name + ".parquet", fromArrow, fromParquet);
            // provenance and data_through ride with the Parquet file as with the Arrow one
            assertEquals(fromArrow.metadata(), fromParquet.metadata(), name);
            assertTrue(fromParquet.metadata().get("data_through").matches("\\d{4}"), fromParquet.metadata().toString());
            assertTrue(fromParquet.metadata().get("history").contains("cohort project"), fromParquet.metadata().toString());
        }
        // ages and years are whole numbers in the CSV text
        String line = Files.readAllLines(csv.resolve("population.csv")).get(2);
        assertTrue(line.matches("low,CN,nation,2010,F,1,\\d+"), line);

        Path observed = Files.writeString(dir.resolve("observed.csv"), "region,population\nCN,1409778724\n");
        Path vcsv = dir.resolve("v.csv"), vparquet = dir.resolve("v.parquet");
        CliRun val = CliRun.popcast("-q", "cohort", "validate", "--projection", h5.toString(), "--observed", observed.toString(),
                "--year", "2020", "--out", dir.resolve("v.h5").toString(), "--csv", vcsv.toString(), "--parquet", vparquet.toString());
        assertEquals(0, val.exit(), val.err());
        assertSameValues("validation", readCsv(vcsv), readParquet(vparquet));
    }

    @Test
    void balanceTablesAgreeInCsvAndParquet() throws Exception {
        Path csv = dir.resolve("csv"), parquet = dir.resolve("parquet");
        CliRun run = CliRun.popcast("-q", "balance", "backtest", "--method", "drift", "--out", dir.resolve("bt.h5").toString(),
                "--csv", csv.toString(), "--parquet", parquet.toString());
        assertEquals(0, run.exit(), run.err());
        for (String name : List.of("balance", "parameters", "anomalies", "backtest", "population")) {
            Table fromParquet = readParquet(parquet.resolve(name + ".parquet"));
            assertSameValues(name, readCsv(csv.resolve(name + ".csv")), fromParquet);
            assertTrue(fromParquet.metadata().get("history").contains("balance backtest"), name + ": " + fromParquet.metadata());
            assertEquals(org.popcast.models.balance.BalanceOutputs.FORMAT_VERSION, fromParquet.metadata().get("format_version"), name);
        }
        Path groupsCsv = dir.resolve("gcsv"), groupsParquet = dir.resolve("gparquet");
        CliRun groups = CliRun.popcast("-q", "balance", "groups", "--series", BalanceCliTest.series(dir).toString(), "--groups",
                BalanceCliTest.groups(dir).toString(), "--out", dir.resolve("g.h5").toString(), "--csv", groupsCsv.toString(),
                "--parquet", groupsParquet.toString());
        assertEquals(0, groups.exit(), groups.err());
        assertSameValues("groups", readCsv(groupsCsv.resolve("groups.csv")), readParquet(groupsParquet.resolve("groups.parquet")));
    }

    @Test
    void mobilityCsvFilesAreRfc4180WithShortestNumbers() throws Exception {
        Path t = MobilityCliTest.table(dir, "t.csv", true), out = dir.resolve("eval");
        CliRun run = CliRun.popcast(MobilityCliTest.args(new String[] {"-q", "mobility", "evaluate", "--table", t.toString(), "--out",
                out.toString()}, "--folds", "3", "--time-origins", "2017,2018"));
        assertEquals(0, run.exit(), run.err());
        for (String name : List.of("metrics", "summary", "paired_tests", "folds", "predictions")) {
            Table table = readCsv(out.resolve(name + ".csv"));
            assertFalse(table.rows().isEmpty(), name);
        }
        Table folds = readCsv(out.resolve("folds.csv"));
        int fold = folds.header().indexOf("fold");
        assertTrue(folds.rows().stream().anyMatch(r -> r.get(fold).equals("train<=2018,test=2019")), "a time fold's label is one cell");
        assertTrue(Files.readString(out.resolve("folds.csv")).contains(",\"train<=2018,test=2019\","), "quoted where it holds a comma");
        Path model = dir.resolve("m.h5"), pred = dir.resolve("p.csv");
        assertEquals(0, CliRun.popcast(MobilityCliTest.args(new String[] {"-q", "mobility", "train", "--table", t.toString(), "--model",
                "ridge", "--out", model.toString()})).exit());
        CliRun predict = CliRun.popcast("-q", "mobility", "predict", "--model", model.toString(), "--table", t.toString(), "--out", pred.toString());
        assertEquals(0, predict.exit(), predict.err());
        assertEquals(60, readCsv(pred).rows().size());
    }

    /** The shipped national input rewritten as pandas (quoting=1) and R (write.csv) write it projects to the same tables. */
    @Test
    void cohortInputsInPandasAndRConventionsProjectTheSame() throws Exception {
        Path shipped = dir.resolve("shipped"), pandas = dir.resolve("pandas"), r = dir.resolve("r");
        for (Path d : List.of(shipped, pandas, r)) {
            Files.createDirectories(d);
        }
        for (String file : List.of("population.csv", "fertility.csv", "mortality.csv", "srb.csv", "regions.csv", "projection.yaml")) {
            String text = new String(getClass().getResourceAsStream("/org/popcast/data/cohort/china-national/" + file).readAllBytes(),
                    StandardCharsets.UTF_8);
            // a region name with a comma and a quote: one cell in every convention
            text = text.replace(",China,", ",\"China, \"\"PRC\"\"\",");
            Files.writeString(shipped.resolve(file), text);
            if (file.endsWith(".yaml")) {
                Files.writeString(pandas.resolve(file), text);
                Files.writeString(r.resolve(file), text);
                continue;
            }
            List<CSVRecord> records = parse(text);
            // pandas to_csv(quoting=csv.QUOTE_ALL, index=False): every field quoted, header too
            try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(pandas.resolve(file)),
                    CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator('\n').get())) {
                for (CSVRecord rec : records) {
                    p.printRecord(rec.values());
                }
            }
            // R write.csv: "" then the names quoted; row names "1", "2", ...; strings quoted, numbers bare, NA for a missing number
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < records.size(); i++) {
                String[] cells = records.get(i).values();
                b.append(i == 0 ? "\"\"" : "\"" + i + "\"");
                for (int j = 0; j < cells.length; j++) {
                    String c = cells[j];
                    boolean number = i > 0 && c.matches("-?[0-9.]+([eE][-+]?[0-9]+)?");
                    boolean missingNumber = i > 0 && c.isEmpty() && records.get(0).get(j).equals("cap");
                    b.append(',').append(number ? c : missingNumber ? "NA" : "\"" + c.replace("\"", "\"\"") + "\"");
                }
                b.append('\n');
            }
            Files.writeString(r.resolve(file), b);
        }
        assertTrue(Files.readString(r.resolve("regions.csv")).contains(",\"China, \"\"PRC\"\"\",\"\",\"nation\",NA"),
                Files.readString(r.resolve("regions.csv")));
        assertTrue(Files.readString(pandas.resolve("population.csv")).startsWith("\"region\",\"sex\",\"age\",\"population\"\n\"CN\",\"F\",\"0\","));
        Map<String, String> tables = new HashMap<>();
        for (Path in : List.of(shipped, pandas, r)) {
            Path csv = dir.resolve("out-" + in.getFileName());
            CliRun run = CliRun.popcast("-q", "cohort", "project", "--input", in.toString(), "--horizon", "5", "--out",
                    dir.resolve(in.getFileName() + ".h5").toString(), "--csv", csv.toString());
            assertEquals(0, run.exit(), in + ": " + run.err());
            String population = Files.readString(csv.resolve("population.csv"));
            tables.merge("population", population, (a, c) -> {
                assertEquals(a, c, in + " projects differently");
                return a;
            });
        }
    }

    /** Where pandas is installed: pandas.read_csv reads every number of a CSV table into the double popcast wrote. */
    @Test
    void pandasReadsTheCsvTablesBackEqual() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(python("import pandas") == 0, "/usr/bin/python3 with pandas is not available");
        Path csv = dir.resolve("csv"), arrow = dir.resolve("arrow");
        CliRun run = CliRun.popcast("-q", "cohort", "project", "--builtin", "china-national", "--horizon", "3", "--out",
                dir.resolve("p.h5").toString(), "--csv", csv.toString(), "--arrow", arrow.toString());
        assertEquals(0, run.exit(), run.err());
        for (String name : COHORT_TABLES) {
            Table expected = readArrow(arrow.resolve(name + ".arrow"));
            Path bits = dir.resolve(name + ".bits");
            // every numeric column's values as the 64 bits of a double, row by row; text columns as they are
            assertEquals(0, python("import pandas as pd, numpy as np, sys\n"
                    + "df = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=['NaN'], float_precision='round_trip')\n"
                    + "with open(sys.argv[2], 'w') as out:\n"
                    + "    for row in df.itertuples(index=False):\n"
                    + "        out.write('|'.join(str(np.float64(v).view(np.int64)) if not isinstance(v, str) else v for v in row) + '\\n')\n",
                    csv.resolve(name + ".csv").toString(), bits.toString()), name);
            List<String> lines = Files.readAllLines(bits);
            assertEquals(expected.rows().size(), lines.size(), name);
            for (int i = 0; i < lines.size(); i++) {
                StringBuilder b = new StringBuilder();
                for (Object o : expected.rows().get(i)) {
                    b.append(b.length() > 0 ? "|" : "").append(o instanceof Double d ? Long.toString(Double.doubleToLongBits(d)) : o);
                }
                assertEquals(b.toString(), lines.get(i), name + " row " + (i + 1));
            }
        }
    }

    private int python(String script, String... args) throws IOException, InterruptedException {
        // Debian's python (the one .ci/run gives pandas through python3-xarray), as the other interop tests
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException noPython) {
            return -1;
        }
    }

    // ----------------------------------------------------------------------------------------------

    /** A table as read: column names, rows of cells (String, Long or Double), key-value metadata. */
    record Table(List<String> header, List<List<Object>> rows, Map<String, String> metadata) {
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    private static final Pattern JAVA_EXPONENT = Pattern.compile("[0-9]E[-+]?[0-9]");

    /**
     * CSV by Commons CSV's strict RFC 4180 parser; every record as wide as the header; every number
     * in its shortest round-trip text, whole numbers without a fraction.
     */
    static Table readCsv(Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        List<String> header;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVFormat.RFC4180.parse(in)) {
            List<CSVRecord> records = p.getRecords();
            header = List.of(records.get(0).values());
            for (CSVRecord rec : records.subList(1, records.size())) {
                assertEquals(header.size(), rec.size(), file + " record " + rec.getRecordNumber());
                List<Object> row = new ArrayList<>();
                for (String cell : rec.values()) {
                    row.add(cellValue(file, cell));
                }
                rows.add(row);
            }
        }
        return new Table(header, rows, Map.of());
    }

    /** A number's value (checked for its text) or the text. */
    private static Object cellValue(Path file, String cell) {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
        if (cell.equals("NaN") || cell.endsWith("Infinity")) {
            return v;
        }
        if (!cell.matches("-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?")) {
            return cell; // text that Java happens to read as a number ("1f", " 2")
        }
        assertFalse(JAVA_EXPONENT.matcher(cell).find(), file + ": Java exponent in " + cell);
        assertFalse(cell.matches("-?[0-9]+\\.0"), file + ": a whole number written with .0: " + cell);
        if (cell.contains("e")) {
            assertTrue(Math.abs(v) < 1e-7 || Math.abs(v) >= 1e21, file + ": exponent inside the plain range: " + cell);
        }
        assertEquals(shortestDigits(v), significantDigits(cell), file + ": " + cell + " is not the shortest text of " + v);
        return v;
    }

    /** The fewest significant digits that read back to v, by brute force. */
    private static int shortestDigits(double v) {
        if (v == 0) {
            return 1;
        }
        for (int p = 1; p <= 17; p++) {
            if (new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN)).doubleValue() == v) {
                return p;
            }
        }
        return 17;
    }

    private static int significantDigits(String s) {
        String m = s.replace("-", "");
        int e = m.indexOf('e');
        if (e >= 0) {
            m = m.substring(0, e);
        }
        String digits = m.replace(".", "").replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            return 1;
        }
        return m.contains(".") ? digits.length() : digits.replaceFirst("0+$", "").length();
    }

    /** Arrow IPC by Arrow Java's reader. */
    static Table readArrow(Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (RootAllocator a = new RootAllocator(); FileChannel ch = FileChannel.open(file); ArrowFileReader r = new ArrowFileReader(ch, a)) {
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            List<String> header = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            Map<String, String> metadata = root.getSchema().getCustomMetadata();
            while (r.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        Object o = v.getObject(i);
                        row.add(v instanceof VarCharVector ? o.toString() : o instanceof Long l ? (Object) l.doubleValue() : o);
                    }
                    rows.add(row);
                }
            }
            return new Table(header, rows, Map.copyOf(metadata));
        }
    }

    /** Parquet by DuckDB, in file order, with the file's key-value metadata; columns must be required (not nullable). */
    static Table readParquet(Path file) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        Map<String, String> metadata = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT name, repetition_type FROM parquet_schema('" + file + "') WHERE num_children IS NULL"
                    + " OR num_children = 0")) {
                while (r.next()) {
                    header.add(r.getString(1));
                    assertEquals("REQUIRED", r.getString(2), file + " " + r.getString(1));
                }
            }
            try (ResultSet r = st.executeQuery("SELECT * EXCLUDE (file_row_number) FROM read_parquet('" + file
                    + "', file_row_number = true) ORDER BY file_row_number")) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= n; c++) {
                        Object o = r.getObject(c);
                        row.add(o instanceof String ? o : ((Number) o).doubleValue());
                    }
                    rows.add(row);
                }
            }
            try (ResultSet r = st.executeQuery("SELECT key, value FROM parquet_kv_metadata('" + file + "')")) {
                while (r.next()) {
                    metadata.put(new String(r.getBytes(1), StandardCharsets.UTF_8), new String(r.getBytes(2), StandardCharsets.UTF_8));
                }
            }
        }
        return new Table(header, rows, metadata);
    }

    /** Same header and cells: text equal, numbers bit for bit (NaN equal to NaN). */
    private static void assertSameValues(String what, Table expected, Table actual) {
        assertEquals(expected.header(), actual.header(), what);
        assertEquals(expected.rows().size(), actual.rows().size(), what + " rows");
        for (int i = 0; i < expected.rows().size(); i++) {
            List<Object> e = expected.rows().get(i), a = actual.rows().get(i);
            for (int c = 0; c < e.size(); c++) {
                Object x = e.get(c), y = a.get(c);
                if (x instanceof Double dx && y instanceof Double dy) {
                    assertEquals(Double.doubleToLongBits(dx), Double.doubleToLongBits(dy),
                            what + " row " + (i + 1) + " " + expected.header().get(c) + ": " + dx + " vs " + dy);
                } else {
                    assertEquals(String.valueOf(x), String.valueOf(y), what + " row " + (i + 1) + " " + expected.header().get(c));
                }
            }
        }
    }
}
