package org.popcast.data.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code series.csv} of the balance model (formats.md):
 * {@code year,population,births,deaths,arrivals,departures}, population on 1 January, the others
 * during the year; any cell may be empty (missing). Two optional columns carry differences that
 * are known when their parts are not: {@code natural_increase} (births - deaths) and
 * {@code net_migration} (arrivals - departures). Years need not be consecutive (gaps become missing
 * rows) but must not repeat. Counts must be >= 0; every error names the file, line and column.
 */
public final class BalanceSeriesCsv {

    public static final List<String> REQUIRED = List.of("year", "population", "births", "deaths");
    public static final List<String> OPTIONAL = List.of("arrivals", "departures", "natural_increase", "net_migration");

    /** Arrivals - departures and the given net migration may differ by rounding only. */
    private static final double DIFFERENCE_TOLERANCE = 1.0;

    private BalanceSeriesCsv() {
    }

    public static BalanceSeries read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    public static BalanceSeries parse(String name, String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InputException(name + ":1: the file is empty, expected a header 'year,population,births,deaths,arrivals,departures'");
        }
        List<String> header = InputFiles.header(lines);
        for (int c = 0; c < header.size(); c++) {
            String col = header.get(c);
            if (!REQUIRED.contains(col) && !OPTIONAL.contains(col)) {
                throw new InputException(name + ":1:" + (c + 1) + ": unknown column '" + col + "', expected "
                        + String.join(", ", REQUIRED) + " and optionally " + String.join(", ", OPTIONAL));
            }
            if (header.indexOf(col) != c) {
                throw new InputException(name + ":1:" + (c + 1) + ": column '" + col + "' appears twice");
            }
        }
        for (String col : REQUIRED) {
            if (!header.contains(col)) {
                throw new InputException(name + ":1: missing column '" + col + "', found " + header);
            }
        }
        Map<Integer, double[]> rows = new TreeMap<>();
        Map<Integer, Integer> lineOfYear = new TreeMap<>();
        List<String> columns = new ArrayList<>(REQUIRED);
        columns.addAll(OPTIONAL);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new InputException(name + ":" + (i + 1) + ": expected " + header.size() + " cells, found " + cells.length);
            }
            int yearCol = header.indexOf("year");
            int year = year(name, i + 1, yearCol + 1, cells[yearCol].trim());
            if (lineOfYear.containsKey(year)) {
                throw new InputException(name + ":" + (i + 1) + ":" + (yearCol + 1) + ": year " + year
                        + " appears again (first on line " + lineOfYear.get(year) + ")");
            }
            double[] row = new double[columns.size() - 1];
            Arrays.fill(row, Double.NaN);
            for (int k = 1; k < columns.size(); k++) {
                int c = header.indexOf(columns.get(k));
                if (c >= 0) {
                    boolean signed = columns.get(k).equals("natural_increase") || columns.get(k).equals("net_migration");
                    row[k - 1] = cell(name, i + 1, c + 1, cells[c].trim(), columns.get(k), signed);
                }
            }
            checkDifference(name, i + 1, row[3], row[4], row[6], "arrivals - departures", "net_migration");
            checkDifference(name, i + 1, row[1], row[2], row[5], "births - deaths", "natural_increase");
            rows.put(year, row);
            lineOfYear.put(year, i + 1);
        }
        if (rows.isEmpty()) {
            throw new InputException(name + ": no data rows after the header");
        }
        int first = rows.keySet().iterator().next();
        int last = ((TreeMap<Integer, double[]>) rows).lastKey();
        double[][] cols = new double[7][last - first + 1];
        for (double[] c : cols) {
            Arrays.fill(c, Double.NaN);
        }
        rows.forEach((year, row) -> {
            for (int k = 0; k < 7; k++) {
                cols[k][year - first] = row[k];
            }
        });
        // row order: population, births, deaths, arrivals, departures, natural_increase, net_migration
        return new BalanceSeries(name, first, cols[0], cols[1], cols[2], cols[5], cols[3], cols[4], cols[6]);
    }

    private static void checkDifference(String name, int line, double plus, double minus, double given, String what,
                                        String column) {
        if (!Double.isNaN(plus) && !Double.isNaN(minus) && !Double.isNaN(given)
                && Math.abs(plus - minus - given) > DIFFERENCE_TOLERANCE) {
            throw new InputException(name + ":" + line + ": " + column + " " + given + " differs from " + what + " = "
                    + (plus - minus) + "; give one or make them agree");
        }
    }

    private static int year(String name, int line, int col, String s) {
        try {
            int y = Integer.parseInt(s);
            if (y >= 1000 && y <= 9999) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(name + ":" + line + ":" + col + ": year must be a four-digit calendar year, got '" + s + "'");
    }

    /** NaN for an empty cell; otherwise a finite number, >= 0 unless {@code signed}. */
    static double cell(String name, int line, int col, String s, String column, boolean signed) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw new InputException(name + ":" + line + ":" + col + ": " + column + " must be a number or empty, got '" + s + "'");
        }
        if (!signed && v < 0) {
            throw new InputException(name + ":" + line + ":" + col + ": " + column + " is a count and must be >= 0, got " + s);
        }
        return v;
    }
}
