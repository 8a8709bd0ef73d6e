package org.popcast.data.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV table of one value by age: a header row naming an {@code age} column and a value column,
 * then one row per age, ages strictly increasing. Errors name the file, line and column.
 */
public final class AgeTableCsv {

    private AgeTableCsv() {
    }

    /** Returns {ages, values}. */
    public static double[][] read(Path file, String valueColumn) {
        List<String> lines = InputFiles.readString(file).lines().toList();
        if (lines.isEmpty()) {
            throw new InputException(file + ": the file is empty, expected a header 'age," + valueColumn + "'");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
        int ageCol = header.indexOf("age"), valueCol = header.indexOf(valueColumn);
        if (ageCol < 0 || valueCol < 0) {
            throw new InputException(file + ":1: expected columns 'age' and '" + valueColumn + "', found " + header);
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new InputException(file + ":" + (i + 1) + ": expected " + header.size() + " cells, found " + cells.length);
            }
            double age = cell(file, i, ageCol, cells, "age");
            double value = cell(file, i, valueCol, cells, valueColumn);
            if (!rows.isEmpty() && !(age > rows.get(rows.size() - 1)[0])) {
                throw new InputException(file + ":" + (i + 1) + ":" + (ageCol + 1) + ": ages must increase, " + age
                        + " follows " + rows.get(rows.size() - 1)[0]);
            }
            if (value < 0) {
                throw new InputException(file + ":" + (i + 1) + ":" + (valueCol + 1) + ": " + valueColumn + " must be >= 0, got " + value);
            }
            rows.add(new double[] {age, value});
        }
        if (rows.size() < 2) {
            throw new InputException(file + ": expected at least two rows of ages");
        }
        return new double[][] {rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()};
    }

    private static double cell(Path file, int line, int col, String[] cells, String name) {
        String s = cells[col].trim();
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file + ":" + (line + 1) + ":" + (col + 1) + ": " + name + " must be a finite number, got '" + s + "'");
    }
}
