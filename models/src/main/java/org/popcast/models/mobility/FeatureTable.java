package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.popcast.data.input.InputException;

/**
 * A table of named columns read from CSV or Arrow: numeric columns as doubles (NaN where a cell is
 * empty), text columns as strings (null where empty). Remembers where each row came from
 * (a line number for CSV, a row number for Arrow) so later checks can name it.
 */
public final class FeatureTable {

    private final String source;
    private final List<String> columns;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;
    private final int[] rowLines;
    private final String rowPrefix;

    /** {@code rowPrefix} goes between the source and a row's number: ":" for CSV lines, ": row " for Arrow rows. */
    FeatureTable(String source, List<String> columns, Map<String, double[]> numeric, Map<String, String[]> text, int[] rowLines,
                 String rowPrefix) {
        this.source = source;
        this.rowPrefix = rowPrefix;
        this.columns = List.copyOf(columns);
        this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        this.text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        this.rowLines = rowLines.clone();
    }

    /** The file (or built-in resource) the table was read from, for messages. */
    public String source() {
        return source;
    }

    /** All column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The numeric columns in file order. */
    public List<String> numericColumns() {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (numeric.containsKey(c)) {
                out.add(c);
            }
        }
        return out;
    }

    public int rowCount() {
        return rowLines.length;
    }

    public boolean has(String column) {
        return numeric.containsKey(column) || text.containsKey(column);
    }

    public boolean isNumeric(String column) {
        return numeric.containsKey(column);
    }

    /** Where row {@code i} stood: "file:line" for CSV, "file: row n" for Arrow. */
    public String where(int row) {
        return source + rowPrefix + rowLines[row];
    }

    /** A numeric column (NaN where missing); InputException if it is absent or holds text. */
    public double[] numbers(String column) {
        double[] v = numeric.get(column);
        if (v == null) {
            throw new InputException(source + ": " + (text.containsKey(column)
                    ? "column '" + column + "' holds text, expected numbers"
                    : "no column '" + column + "'; the columns are " + abbreviated(columns)));
        }
        return v.clone();
    }

    /** Any column as labels: text as it stands, numbers without a trailing ".0"; null where missing. */
    public String[] labels(String column) {
        if (text.containsKey(column)) {
            return text.get(column).clone();
        }
        double[] v = numbers(column);
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(v[i]) ? null : v[i] == Math.rint(v[i]) && Math.abs(v[i]) < 1e15
                    ? Long.toString((long) v[i]) : Double.toString(v[i]);
        }
        return out;
    }

    static String abbreviated(List<String> names) {
        return names.size() <= 12 ? names.toString()
                : names.subList(0, 12) + " and " + (names.size() - 12) + " more";
    }
}
