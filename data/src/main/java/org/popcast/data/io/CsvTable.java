package org.popcast.data.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tidy CSV table (formats.md): a header row, one row per record, dot decimals, UTF-8, no index
 * column; missing numbers (NaN) as empty cells; doubles in the shortest form that reads back to the
 * same value, in plain notation (no exponent), which spreadsheets read as numbers. Written atomically through {@link AtomicFile}.
 */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row of String, Number or Boolean cells, one per column. */
    public CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the header " + header.size());
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(format(c));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void write(Path target) throws IOException {
        AtomicFile.write(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(String.join(",", header));
                w.write('\n');
                for (List<String> row : rows) {
                    w.write(String.join(",", row));
                    w.write('\n');
                }
            }
        });
    }

    static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double d) {
            if (Double.isNaN(d)) {
                return "";
            }
            // plain notation for whole numbers up to 2^53: people read counts in spreadsheets
            if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992e15) {
                return Long.toString(d.longValue());
            }
            // the shortest decimal that reads back to the same double, without an exponent
            return new java.math.BigDecimal(Double.toString(d)).toPlainString();
        }
        if (c instanceof Number || c instanceof Boolean) {
            return c.toString();
        }
        String s = c.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
