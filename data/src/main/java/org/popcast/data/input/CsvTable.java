package org.popcast.data.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV input table (header row, comma separated, UTF-8, RFC 4180 quoting) whose cells are read with
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

    /**
     * Parses {@code text} as RFC 4180 CSV (Apache Commons CSV: fields may be quoted, with commas,
     * doubled quotes or line breaks inside; a first column with an empty name, R's row names, is dropped); {@code file} is the name used in messages, which give
     * the line a record starts on. Blank lines are skipped; a UTF-8 byte-order mark is dropped.
     */
    public static CsvTable parse(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CSVRecord> records = records(file, body);
        if (records.isEmpty()) {
            throw new InputException(file + ":1: the file is empty, expected a header row");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        // R's write.csv writes the row names as a first column with an empty name: not data
        int skip = header.size() > 1 && header.get(0).isEmpty() ? 1 : 0;
        header = header.subList(skip, header.size());
        for (int c = 0; c < header.size(); c++) {
            if (header.indexOf(header.get(c)) != c) {
                throw new InputException(file + ":1:" + (c + 1) + ": duplicate column '" + header.get(c) + "'");
            }
        }
        CsvTable table = new CsvTable(file, header, new ArrayList<>());
        int[] lineStarts = lineStarts(body);
        for (CSVRecord r : records.subList(1, records.size())) {
            int line = lineOf(lineStarts, firstCharacter(body, r.getCharacterPosition()));
            if (r.size() != header.size() + skip) {
                throw new InputException(file + ":" + line + ": expected " + (header.size() + skip) + " cells (" + String.join(",", header)
                        + "), found " + r.size());
            }
            String[] cells = r.values();
            table.rows.add(table.new Row(line, skip == 0 ? cells : Arrays.copyOfRange(cells, skip, cells.length)));
        }
        return table;
    }

    private static List<CSVRecord> records(String file, String body) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(body, format)) {
            List<CSVRecord> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (!(r.size() == 1 && r.get(0).isBlank())) {
                    out.add(r);
                }
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            // Commons CSV says "(startline N) what": put the line where popcast's messages have it
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\(startline (\\d+)\\) (.*)$").matcher(why);
            throw new InputException(m.matches() ? file + ":" + m.group(1) + ": not valid CSV (RFC 4180): " + m.group(2)
                    : file + ": not valid CSV (RFC 4180): " + why);
        }
    }

    /** Offsets where each line starts, for the line of a record's first character. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A record's position can be that of the empty lines skipped before it. */
    private static long firstCharacter(String body, long position) {
        long p = position;
        while (p < body.length() && (body.charAt((int) p) == '\n' || body.charAt((int) p) == '\r')) {
            p++;
        }
        return p;
    }

    private static int lineOf(int[] starts, long position) {
        int k = Arrays.binarySearch(starts, (int) position);
        return (k >= 0 ? k : -k - 2) + 1;
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
