package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.InputException;

/**
 * A feature table arranged for the mobility regressors: each row is one city-year with its
 * features (NaN where missing) and its target (NaN where missing). Rows without a target are kept
 * as history for the LSTM's yearly windows but are never imputed as targets nor scored. Rows
 * without a city or year cannot be placed in time and are skipped.
 */
public final class MobilityTable {

    private final String source;
    private final List<String> features;
    private final String[] city;
    private final int[] year;
    private final double[] target;
    private final double[][] values;
    private final int[] targetRows;
    private final int[] sourceRows;
    private final Map<String, Integer> index = new HashMap<>();
    private final int skipped;

    private MobilityTable(String source, List<String> features, String[] city, int[] year, double[] target, double[][] values, int skipped,
                          int[] sourceRows) {
        this.source = source;
        this.sourceRows = sourceRows;
        this.features = List.copyOf(features);
        this.city = city;
        this.year = year;
        this.target = target;
        this.values = values;
        this.skipped = skipped;
        List<Integer> withTarget = new ArrayList<>();
        for (int i = 0; i < city.length; i++) {
            index.put(key(city[i], year[i]), i);
            if (!Double.isNaN(target[i])) {
                withTarget.add(i);
            }
        }
        targetRows = withTarget.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Arranges {@code table}; {@code targetColumn} may be null when only predicting. InputException
     * if a column is missing, a year is not a whole number, or a city-year appears twice.
     */
    public static MobilityTable of(FeatureTable table, String targetColumn, String idColumn, String yearColumn, List<String> features) {
        for (String c : List.of(idColumn, yearColumn)) {
            if (!table.has(c)) {
                throw new InputException(table.source() + ": no column '" + c + "' (the " + (c.equals(idColumn) ? "city id" : "year")
                        + " column; choose it with --" + (c.equals(idColumn) ? "id" : "year") + ")");
            }
        }
        if (targetColumn != null && !table.has(targetColumn)) {
            throw new InputException(table.source() + ": no column '" + targetColumn + "' (the target; choose it with --target)");
        }
        List<String> missing = features.stream().filter(f -> !table.isNumeric(f)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(table.source() + ": the model needs feature columns that the table lacks: " + String.join(", ", missing));
        }
        String[] ids = table.labels(idColumn);
        double[] years = table.numbers(yearColumn);
        double[] y = targetColumn == null ? null : table.numbers(targetColumn);
        double[][] columns = new double[features.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = table.numbers(features.get(j));
        }
        List<Integer> kept = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int skipped = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (ids[i] == null || Double.isNaN(years[i])) {
                if (y != null && !Double.isNaN(y[i])) {
                    throw new InputException(table.where(i) + ": this row has a target but no " + (ids[i] == null ? "city id ('" + idColumn + "')"
                            : "year ('" + yearColumn + "')"));
                }
                skipped++;
                continue;
            }
            if (years[i] != Math.rint(years[i])) {
                throw new InputException(table.where(i) + ": year ('" + yearColumn + "') must be a whole number, got " + years[i]);
            }
            Integer previous = seen.put(key(ids[i], (int) years[i]), i);
            if (previous != null) {
                throw new InputException(table.where(i) + ": city " + ids[i] + " year " + (int) years[i] + " appears twice (also at "
                        + table.where(previous) + ")");
            }
            kept.add(i);
        }
        int n = kept.size();
        String[] city = new String[n];
        int[] year = new int[n];
        double[] target = new double[n];
        double[][] values = new double[n][features.size()];
        for (int r = 0; r < n; r++) {
            int i = kept.get(r);
            city[r] = ids[i];
            year[r] = (int) years[i];
            target[r] = y == null ? Double.NaN : y[i];
            for (int j = 0; j < columns.length; j++) {
                values[r][j] = columns[j][i];
            }
        }
        return new MobilityTable(table.source(), features, city, year, target, values, skipped,
                kept.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String key(String city, int year) {
        return city + "\u0000" + year;
    }

    public String source() {
        return source;
    }

    public List<String> features() {
        return features;
    }

    public int rowCount() {
        return city.length;
    }

    /** Rows without a city or year, left out. */
    public int skippedRows() {
        return skipped;
    }

    /** Indices of the rows that have a target, in table order. */
    public int[] targetRows() {
        return targetRows.clone();
    }

    /** Which of the feature table's rows the given rows came from, as a mask over the feature table. */
    public boolean[] sourceMask(int[] rows, int sourceRowCount) {
        boolean[] mask = new boolean[sourceRowCount];
        for (int r : rows) {
            mask[sourceRows[r]] = true;
        }
        return mask;
    }

    public String city(int row) {
        return city[row];
    }

    public int year(int row) {
        return year[row];
    }

    public double target(int row) {
        return target[row];
    }

    /** The raw feature values of a row (NaN where missing); not a copy. */
    public double[] values(int row) {
        return values[row];
    }

    /** The row of a city in a year, or -1. */
    public int row(String cityId, int yearValue) {
        Integer i = index.get(key(cityId, yearValue));
        return i == null ? -1 : i;
    }

    /** The raw feature rows at the given indices. */
    public double[][] values(int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /**
     * The rows making up the yearly window that ends at {@code row}: years y - window + 1 .. y of
     * the same city, oldest first. A year the table lacks repeats the next later year present, so
     * a city's first years are padded with its earliest row in the window.
     */
    public int[] window(int row, int window) {
        int[] rows = new int[window];
        int next = row;
        for (int t = window - 1; t >= 0; t--) {
            int r = row(city[row], year[row] - (window - 1 - t));
            if (r >= 0) {
                next = r;
            }
            rows[t] = next;
        }
        return rows;
    }
}
