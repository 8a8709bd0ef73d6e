package org.popcast.models.balance;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputFiles;
import org.popcast.data.input.InputException;

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
        CsvTable table = BalanceJumpsCsv.exactly(CsvTable.parse(name, text), COLUMNS);
        TreeMap<Integer, double[]> rows = new TreeMap<>();
        for (CsvTable.Row row : table.rows()) {
            int year = row.integer("year", 1000, 9999);
            double[] values = new double[3];
            for (int k = 0; k < 3; k++) {
                values[k] = BalanceSeriesCsv.cell(row, COLUMNS.get(k + 1), false);
            }
            if (rows.put(year, values) != null) {
                throw row.error("year", "year " + year + " appears twice");
            }
        }
        if (rows.isEmpty()) {
            throw new InputException(name + ": no data rows after the header");
        }
        return rows;
    }
}
