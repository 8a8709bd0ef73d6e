package org.popcast.data.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table of one value by age: a header row naming an {@code age} column and a value column,
 * then one row per age, ages strictly increasing. Errors name the file, line and column.
 */
public final class AgeTableCsv {

    private AgeTableCsv() {
    }

    /** Returns {ages, values}. The file is RFC 4180 CSV ({@link CsvTable}: quoted cells as R and pandas write them). */
    public static double[][] read(Path file, String valueColumn) {
        String text = InputFiles.readString(file);
        if (text.isBlank()) {
            throw new InputException(file + ": the file is empty, expected a header 'age," + valueColumn + "'");
        }
        CsvTable table = CsvTable.parse(file.toString(), text);
        if (!table.has("age") || !table.has(valueColumn)) {
            throw new InputException(file + ":1: expected columns 'age' and '" + valueColumn + "', found " + table.header());
        }
        int ageCol = table.header().indexOf("age") + 1, valueCol = table.header().indexOf(valueColumn) + 1;
        List<double[]> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            double age = cell(file, row, ageCol, "age");
            double value = cell(file, row, valueCol, valueColumn);
            if (!rows.isEmpty() && !(age > rows.get(rows.size() - 1)[0])) {
                throw new InputException(file + ":" + row.line() + ":" + ageCol + ": ages must increase, " + age
                        + " follows " + rows.get(rows.size() - 1)[0]);
            }
            if (value < 0) {
                throw new InputException(file + ":" + row.line() + ":" + valueCol + ": " + valueColumn + " must be >= 0, got " + value);
            }
            rows.add(new double[] {age, value});
        }
        if (rows.size() < 2) {
            throw new InputException(file + ": expected at least two rows of ages");
        }
        return new double[][] {rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()};
    }

    private static double cell(Path file, CsvTable.Row row, int col, String name) {
        String s = row.text(name);
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file + ":" + row.line() + ":" + col + ": " + name + " must be a finite number, got '" + s + "'");
    }
}
