package org.popcast.data.input;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads {@code groups.csv} of the balance model's Level II: {@code year,young,working,old}, the
 * population on 1 January below, at and above working age; any cell may be empty. Returns rows
 * by year as {young, working, old} (NaN where missing).
 */
public final class AgeGroupCsv {

    public static final List<String> COLUMNS = List.of("year", "young", "working", "old");

    private AgeGroupCsv() {
    }

    public static TreeMap<Integer, double[]> read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    public static TreeMap<Integer, double[]> parse(String name, String text) {
        List<String> lines = text.lines().toList();
        InputFiles.requireHeader(name, lines, COLUMNS);
        TreeMap<Integer, double[]> rows = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split(",", -1);
            if (c.length != 4) {
                throw new InputException(name + ":" + (i + 1) + ": expected 4 cells, found " + c.length);
            }
            double year = BalanceSeriesCsv.cell(name, i + 1, 1, c[0].trim(), "year", false);
            if (Double.isNaN(year) || year != Math.rint(year)) {
                throw new InputException(name + ":" + (i + 1) + ":1: year must be a calendar year, got '" + c[0].trim() + "'");
            }
            double[] row = new double[3];
            for (int k = 0; k < 3; k++) {
                row[k] = BalanceSeriesCsv.cell(name, i + 1, k + 2, c[k + 1].trim(), COLUMNS.get(k + 1), false);
            }
            if (rows.put((int) year, row) != null) {
                throw new InputException(name + ":" + (i + 1) + ":1: year " + (int) year + " appears twice");
            }
        }
        if (rows.isEmpty()) {
            throw new InputException(name + ": no data rows after the header");
        }
        return rows;
    }
}
