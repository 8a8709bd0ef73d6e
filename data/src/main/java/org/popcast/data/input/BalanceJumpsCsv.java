package org.popcast.data.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code jumps.csv} (formats.md): {@code year,indicator,amount,changes_trend}; indicator one of
 * {@link BalanceJump#INDICATORS}, amount a finite number of persons (negative for a loss),
 * changes_trend true or false (empty means false).
 */
public final class BalanceJumpsCsv {

    private static final List<String> COLUMNS = List.of("year", "indicator", "amount", "changes_trend");

    private BalanceJumpsCsv() {
    }

    public static List<BalanceJump> read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    public static List<BalanceJump> parse(String name, String text) {
        List<String> lines = text.lines().toList();
        InputFiles.requireHeader(name, lines, COLUMNS);
        List<BalanceJump> jumps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split(",", -1);
            int line = i + 1;
            if (c.length != COLUMNS.size()) {
                throw new InputException(name + ":" + line + ": expected 4 cells, found " + c.length);
            }
            int year;
            try {
                year = Integer.parseInt(c[0].trim());
            } catch (NumberFormatException e) {
                throw new InputException(name + ":" + line + ":1: year must be a calendar year, got '" + c[0].trim() + "'");
            }
            String indicator = c[1].trim();
            if (!BalanceJump.INDICATORS.contains(indicator)) {
                throw new InputException(name + ":" + line + ":2: unknown indicator '" + indicator + "', expected one of "
                        + String.join(", ", BalanceJump.INDICATORS));
            }
            double amount = BalanceSeriesCsv.cell(name, line, 3, c[2].trim(), "amount", true);
            if (Double.isNaN(amount)) {
                throw new InputException(name + ":" + line + ":3: amount is missing");
            }
            String trend = c[3].trim().toLowerCase(java.util.Locale.ROOT);
            if (!trend.isEmpty() && !trend.equals("true") && !trend.equals("false")) {
                throw new InputException(name + ":" + line + ":4: changes_trend must be true or false, got '" + c[3].trim() + "'");
            }
            jumps.add(new BalanceJump(year, indicator, amount, trend.equals("true")));
        }
        return List.copyOf(jumps);
    }
}
