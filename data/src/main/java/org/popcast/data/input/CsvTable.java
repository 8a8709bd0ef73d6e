package org.popcast.data.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV input table (header row, comma separated, UTF-8, no quoting) whose cells are read with
 * checks: every error names the file, the line and the column, and says what was expected.
 */
public final class CsvTable {

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Parses {@code text}; {@code file} is the name used in messages. Blank lines are skipped. */
    public static CsvTable parse(String file, String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InputException(file + ":1: the file is empty, expected a header row");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
        for (int c = 0; c < header.size(); c++) {
            if (header.indexOf(header.get(c)) != c) {
                throw new InputException(file + ":1:" + (c + 1) + ": duplicate column '" + header.get(c) + "'");
            }
        }
        CsvTable table = new CsvTable(file, header, new ArrayList<>());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw new InputException(file + ":" + (i + 1) + ": expected " + header.size() + " cells (" + String.join(",", header)
                        + "), found " + cells.length);
            }
            table.rows.add(table.new Row(i + 1, cells));
        }
        return table;
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return java.util.Collections.unmodifiableList(rows);
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** Fails unless every named column is present. */
    public CsvTable require(String... columns) {
        for (String c : columns) {
            if (!header.contains(c)) {
                throw new InputException(file + ":1: missing column '" + c + "', expected columns " + String.join(",", columns)
                        + " (found " + String.join(",", header) + ")");
            }
        }
        return this;
    }

    /** Exactly one of these columns must be present: returns it. */
    public String oneOf(String... columns) {
        List<String> present = Arrays.stream(columns).filter(header::contains).toList();
        if (present.size() != 1) {
            throw new InputException(file + ":1: expected exactly one of the columns " + String.join(", ", columns) + ", found "
                    + (present.isEmpty() ? "none" : String.join(", ", present)));
        }
        return present.get(0);
    }

    /** An error at the header row. */
    public InputException error(String message) {
        return new InputException(file + ":1: " + message);
    }

    /** One data row; {@code line} is 1-based in the file. */
    public final class Row {
        private final int line;
        private final String[] cells;

        private Row(int line, String[] cells) {
            this.line = line;
            this.cells = cells;
        }

        public int line() {
            return line;
        }

        public String text(String column) {
            return cells[index(column)].trim();
        }

        /** A finite number in [min, max]. */
        public double number(String column, double min, double max) {
            String s = text(column);
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw error(column, "expected a number, got '" + s + "'");
            }
            if (!Double.isFinite(v) || v < min || v > max) {
                throw error(column, column + " must be a finite number in [" + min + ", " + max + "], got " + s);
            }
            return v;
        }

        /** A whole number in [min, max]. */
        public int integer(String column, int min, int max) {
            double v = number(column, min, max);
            if (v != Math.rint(v)) {
                throw error(column, column + " must be a whole number, got " + text(column));
            }
            return (int) v;
        }

        /** "file:line:column: message". */
        public InputException error(String column, String message) {
            return new InputException(file + ":" + line + ":" + (index(column) + 1) + ": " + message);
        }

        private int index(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + file);
            }
            return i;
        }
    }
}
