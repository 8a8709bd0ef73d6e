package org.popcast.models.mobility;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.popcast.data.input.InputFiles;
import org.popcast.data.input.InputException;

/**
 * Reads a {@link FeatureTable} from CSV (UTF-8, header row, comma separated, double quotes for
 * cells holding commas) or from an Arrow IPC file (Feather v2: {@code .arrow}, {@code .feather},
 * {@code .ipc}). A CSV column whose filled cells are all non-numbers is text; a column that mixes
 * numbers with other text is an error naming the first offending cell. Empty cells and NA, NaN,
 * null are missing values.
 */
public final class FeatureTableReader {

    private static final Set<String> MISSING = Set.of("", "NA", "NaN", "nan", "null", "NULL");
    /** A named limit (docs/reliability.md): columns of a feature table; the reference tables have about 200. */
    public static final int MAX_COLUMNS = 10_000;
    /** A named limit: rows of a feature table (city-years); the reference tables have a few thousand. */
    public static final int MAX_ROWS = 2_000_000;
    /** A named limit: rows x columns, so the numeric copy stays under 400 MB. */
    public static final long MAX_CELLS = 50_000_000;

    private FeatureTableReader() {
    }

    public static FeatureTable read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".arrow") || name.endsWith(".feather") || name.endsWith(".ipc")) {
            return readArrow(file);
        }
        return parseCsv(file.toString(), InputFiles.readString(file));
    }

    /**
     * A CSV table from text (RFC 4180: a quoted cell may hold commas, doubled quotes and line
     * breaks, as R's {@code write.csv} and pandas' {@code to_csv(quoting=1)} write them; R's unnamed
     * row-name column is dropped); {@code source} names it in messages, which give the line a
     * record starts on.
     */
    public static FeatureTable parseCsv(String source, String content) {
        Records records = new Records(source, content.startsWith("\uFEFF") ? content.substring(1) : content);
        if (records.atBlankLine()) {
            throw new InputException(source + ":1: expected a header row naming the columns");
        }
        List<String> header = records.next(MAX_COLUMNS).stream().map(String::trim).toList();
        checkSize(source, header.size(), records.linesLeft());
        boolean rowNames = header.size() > 1 && header.get(0).isEmpty();
        if (rowNames) {
            header = header.subList(1, header.size());
        }
        checkHeader(source, header);
        int width = header.size() + (rowNames ? 1 : 0);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        while (!records.done()) {
            if (records.atBlankLine()) {
                records.skipLine();
                continue;
            }
            int line = records.line();
            List<String> cells = records.next(width);
            if (cells.size() != width) {
                throw new InputException(source + ":" + line + ": expected " + width + " cells (one per column), found " + cells.size());
            }
            rows.add((rowNames ? cells.subList(1, width) : cells).toArray(String[]::new));
            lineNumbers.add(line);
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            classify(source, header.get(c), c, rows, lineNumbers, numeric, text);
        }
        return new FeatureTable(source, header, numeric, text, lineNumbers.stream().mapToInt(Integer::intValue).toArray(), ":");
    }

    /** Refuses a table beyond the named limits before its cells are allocated. */
    static void checkSize(String source, int columns, long rows) {
        if (columns > MAX_COLUMNS) {
            throw new InputException(source + ":1: " + columns + " columns, more than the limit of " + MAX_COLUMNS);
        }
        if (rows > MAX_ROWS) {
            throw new InputException(source + ": " + rows + " rows, more than the limit of " + MAX_ROWS);
        }
        if (rows * columns > MAX_CELLS) {
            throw new InputException(source + ": " + rows + " rows x " + columns + " columns, more than the limit of " + MAX_CELLS + " cells");
        }
    }

    private static void checkHeader(String source, List<String> header) {
        Set<String> seen = new java.util.HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new InputException(source + ":1:" + (c + 1) + ": empty column name");
            }
            if (!seen.add(header.get(c))) {
                throw new InputException(source + ":1:" + (c + 1) + ": column '" + header.get(c) + "' appears twice");
            }
        }
    }

    private static void classify(String source, String column, int c, List<String[]> rows, List<Integer> lines,
                                 Map<String, double[]> numeric, Map<String, String[]> text) {
        double[] values = new double[rows.size()];
        int numbers = 0, firstText = -1;
        for (int r = 0; r < rows.size(); r++) {
            String s = rows.get(r)[c].trim();
            if (MISSING.contains(s)) {
                values[r] = Double.NaN;
                continue;
            }
            try {
                values[r] = Double.parseDouble(s);
                if (!Double.isFinite(values[r])) {
                    throw new InputException(source + ":" + lines.get(r) + ":" + (c + 1) + ": column '" + column
                            + "' must hold finite numbers, got '" + s + "'");
                }
                numbers++;
            } catch (NumberFormatException e) {
                if (firstText < 0) {
                    firstText = r;
                }
            }
        }
        if (firstText < 0) {
            numeric.put(column, values);
        } else if (numbers == 0) {
            String[] labels = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String s = rows.get(r)[c].trim();
                labels[r] = MISSING.contains(s) ? null : s;
            }
            text.put(column, labels);
        } else {
            throw new InputException(source + ":" + lines.get(firstText) + ":" + (c + 1) + ": column '" + column
                    + "' holds numbers, expected a number or an empty cell here, got '" + rows.get(firstText)[c].trim() + "'");
        }
    }

    /**
     * The records of a CSV text, RFC 4180: a quoted cell may hold commas, doubled quotes and line
     * breaks; CRLF or LF ends a record. Past {@code max} cells a record is refused (the header
     * against {@link #MAX_COLUMNS}, a row against the header) before more are made.
     */
    static final class Records {
        private final String source;
        private final String text;
        private int pos;
        private int line = 1;

        Records(String source, String text) {
            this.source = source;
            this.text = text;
        }

        boolean done() {
            return pos >= text.length();
        }

        /** The line the next record starts on. */
        int line() {
            return line;
        }

        /** Physical lines not yet read: an upper bound of the records left. */
        long linesLeft() {
            long n = 0;
            for (int i = pos; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            return pos < text.length() && text.charAt(text.length() - 1) != '\n' ? n + 1 : n;
        }

        /** Whether the next line holds only blanks (or the text is at its end). */
        boolean atBlankLine() {
            for (int i = pos; i < text.length() && text.charAt(i) != '\n'; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        void skipLine() {
            int nl = text.indexOf('\n', pos);
            pos = nl < 0 ? text.length() : nl + 1;
            line++;
        }

        List<String> next(int max) {
            int startLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (quoted) {
                    if (ch == '"' && pos < text.length() && text.charAt(pos) == '"') {
                        cell.append('"');
                        pos++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    if (cells.size() >= max) {
                        throw new InputException(source + ":" + startLine + ": more than " + max + (startLine == 1
                                ? " columns (the limit)" : " cells, expected one per column (" + max + ")"));
                    }
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n') {
                    line++;
                    break;
                } else if (ch != '\r' || (pos < text.length() && text.charAt(pos) != '\n')) {
                    cell.append(ch);
                }
            }
            if (quoted) {
                throw new InputException(source + ":" + startLine + ": a quoted cell is not closed");
            }
            cells.add(cell.toString());
            return cells;
        }
    }

    private static FeatureTable readArrow(Path file) {
        try (BufferAllocator allocator = new RootAllocator();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<String> names = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            checkSize(file.toString(), names.size(), 0);
            checkHeader(file.toString(), names);
            List<List<Double>> nums = new ArrayList<>();
            List<List<String>> texts = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                nums.add(new ArrayList<>());
                texts.add(new ArrayList<>());
            }
            int rows = 0;
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                checkSize(file.toString(), names.size(), (long) rows + root.getRowCount());
                for (int c = 0; c < names.size(); c++) {
                    FieldVector v = root.getVector(c);
                    for (int r = 0; r < root.getRowCount(); r++) {
                        if (v instanceof FloatingPointVector fp) {
                            nums.get(c).add(v.isNull(r) ? Double.NaN : fp.getValueAsDouble(r));
                        } else if (v instanceof BaseIntVector iv) {
                            nums.get(c).add(v.isNull(r) ? Double.NaN : (double) iv.getValueAsLong(r));
                        } else if (v instanceof VarCharVector sv) {
                            texts.get(c).add(sv.isNull(r) ? null : new String(sv.get(r), java.nio.charset.StandardCharsets.UTF_8));
                        } else {
                            throw new InputException(file + ": column '" + names.get(c) + "' has Arrow type "
                                    + v.getField().getType() + ", expected a floating-point, integer or UTF-8 column");
                        }
                    }
                }
                rows += root.getRowCount();
            }
            Map<String, double[]> numeric = new LinkedHashMap<>();
            Map<String, String[]> text = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                if (texts.get(c).isEmpty() && (rows == 0 || !nums.get(c).isEmpty())) {
                    numeric.put(names.get(c), nums.get(c).stream().mapToDouble(Double::doubleValue).toArray());
                } else {
                    text.put(names.get(c), texts.get(c).toArray(String[]::new));
                }
            }
            int[] rowNumbers = new int[rows];
            for (int r = 0; r < rows; r++) {
                rowNumbers[r] = r + 1;
            }
            return new FeatureTable(file.toString(), names, numeric, text, rowNumbers, ": row ");
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(file + ": not a readable Arrow IPC file: " + e.getMessage(), e);
        }
    }
}
