package org.popcast.models.balance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputFiles;

/**
 * Reads {@code jumps.csv} (formats.md): {@code year,indicator,amount,changes_trend}; indicator one of
 * {@link BalanceJump#INDICATORS}, amount a finite number of persons (negative for a loss),
 * changes_trend true or false (empty means false).
 */
public final class BalanceJumpsCsv {

    public static final List<String> COLUMNS = List.of("year", "indicator", "amount", "changes_trend");

    private BalanceJumpsCsv() {
    }

    public static List<BalanceJump> read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    public static List<BalanceJump> parse(String name, String text) {
        CsvTable table = exactly(CsvTable.parse(name, text), COLUMNS);
        List<BalanceJump> jumps = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int year = row.integer("year", 1000, 9999);
            Measure indicator = BalanceJump.indicator(row.text("indicator"));
            if (indicator == null) {
                throw row.error("indicator", "unknown indicator '" + row.text("indicator") + "', expected one of "
                        + String.join(", ", BalanceJump.INDICATORS.stream().map(Measure::label).toList()));
            }
            double amount = BalanceSeriesCsv.cell(row, "amount", true);
            if (Double.isNaN(amount)) {
                throw row.error("amount", "amount is missing");
            }
            String trend = row.text("changes_trend").toLowerCase(Locale.ROOT);
            if (!trend.isEmpty() && !trend.equals("true") && !trend.equals("false")) {
                throw row.error("changes_trend", "changes_trend must be true or false, got '" + row.text("changes_trend") + "'");
            }
            jumps.add(new BalanceJump(year, indicator, amount, trend.equals("true")));
        }
        return List.copyOf(jumps);
    }

    /** The table, which must have exactly these columns in this order. */
    static CsvTable exactly(CsvTable table, List<String> columns) {
        if (!table.header().equals(columns)) {
            throw table.error("expected the header " + String.join(",", columns) + ", found " + String.join(",", table.header()));
        }
        return table;
    }
}
