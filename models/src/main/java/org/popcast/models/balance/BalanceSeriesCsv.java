package org.popcast.models.balance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputFiles;
import org.popcast.data.input.InputException;

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
    /** Value columns in the order of a parsed row. */
    private static final List<String> VALUES = List.of("population", "births", "deaths", "arrivals", "departures",
            "natural_increase", "net_migration");

    /** Arrivals - departures and the given net migration may differ by rounding only. */
    private static final double DIFFERENCE_TOLERANCE = 1.0;

    private BalanceSeriesCsv() {
    }

    public static BalanceSeries read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    public static BalanceSeries parse(String name, String text) {
        CsvTable table = CsvTable.parse(name, text);
        List<String> header = table.header();
        for (int c = 0; c < header.size(); c++) {
            if (!REQUIRED.contains(header.get(c)) && !OPTIONAL.contains(header.get(c))) {
                throw new InputException(name + ":1:" + (c + 1) + ": unknown column '" + header.get(c) + "', expected "
                        + String.join(", ", REQUIRED) + " and optionally " + String.join(", ", OPTIONAL));
            }
        }
        table.require(REQUIRED.toArray(String[]::new));
        TreeMap<Integer, double[]> rows = new TreeMap<>();
        Map<Integer, Integer> lineOfYear = new TreeMap<>();
        for (CsvTable.Row row : table.rows()) {
            int year = year(row);
            if (lineOfYear.containsKey(year)) {
                throw row.error("year", "year " + year + " appears again (first on line " + lineOfYear.get(year) + ")");
            }
            double[] values = new double[VALUES.size()];
            for (int k = 0; k < values.length; k++) {
                String column = VALUES.get(k);
                values[k] = table.has(column) ? cell(row, column, column.equals("natural_increase") || column.equals("net_migration"))
                        : Double.NaN;
            }
            if (values[0] == 0) {
                throw row.error("population", "a population of 0 cannot be modelled (growth rates are relative); leave the cell"
                        + " empty if the count is unknown");
            }
            checkDifference(row, values[3], values[4], values[6], "arrivals - departures", "net_migration");
            checkDifference(row, values[1], values[2], values[5], "births - deaths", "natural_increase");
            rows.put(year, values);
            lineOfYear.put(year, row.line());
        }
        if (rows.isEmpty()) {
            throw new InputException(name + ": no data rows after the header");
        }
        int first = rows.firstKey();
        double[][] cols = new double[VALUES.size()][rows.lastKey() - first + 1];
        for (double[] c : cols) {
            Arrays.fill(c, Double.NaN);
        }
        rows.forEach((year, values) -> {
            for (int k = 0; k < values.length; k++) {
                cols[k][year - first] = values[k];
            }
        });
        return new BalanceSeries(name, first, cols[0], cols[1], cols[2], cols[5], cols[3], cols[4], cols[6]);
    }

    private static void checkDifference(CsvTable.Row row, double plus, double minus, double given, String what, String column) {
        if (!Double.isNaN(plus) && !Double.isNaN(minus) && !Double.isNaN(given)
                && Math.abs(plus - minus - given) > DIFFERENCE_TOLERANCE) {
            throw row.error(column, column + " " + given + " differs from " + what + " = " + (plus - minus)
                    + "; give one or make them agree");
        }
    }

    private static int year(CsvTable.Row row) {
        String s = row.text("year");
        try {
            int y = Integer.parseInt(s);
            if (y >= 1000 && y <= 9999) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw row.error("year", "year must be a four-digit calendar year, got '" + s + "'");
    }

    /** NaN for an empty cell (or R's {@code NA}); otherwise a finite number, >= 0 unless {@code signed}. */
    static double cell(CsvTable.Row row, String column, boolean signed) {
        String s = row.text(column);
        if (s.isEmpty() || s.equals("NA")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw row.error(column, column + " must be a number or empty, got '" + s + "'");
        }
        if (!signed && v < 0) {
            throw row.error(column, column + " is a count and must be >= 0, got " + s);
        }
        return v;
    }
}
