package org.popcast.models.inverse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFiles;
import org.popcast.kernels.agepde.AgePdeProblem;

/**
 * Reads {@code --observed FILE.csv}: columns {@code year,age,density} (RFC 4180, others ignored),
 * every point inside the scenario's domain, densities finite and > 0 (the fit compares logarithms),
 * no point twice, and at least as many points as unknowns. Errors name the file, line and column.
 */
public final class ObservationsReader {

    public static final String YEAR = "year", AGE = "age", DENSITY = "density";

    private ObservationsReader() {
    }

    public static Observations read(Path file, AgePdeProblem domain, int unknowns) {
        return read(CsvTable.parse(file.toString(), InputFiles.readString(file)), domain, unknowns);
    }

    public static Observations read(CsvTable table, AgePdeProblem domain, int unknowns) {
        table.require(YEAR, AGE, DENSITY);
        int n = table.rows().size();
        double[] years = new double[n], ages = new double[n], densities = new double[n];
        int[] lines = new int[n];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = table.rows().get(i);
            years[i] = inside(row, YEAR, domain.startYear(), domain.endYear(), "the scenario's time window");
            ages[i] = inside(row, AGE, 0, domain.maxAge(), "the scenario's ages");
            densities[i] = positive(row, DENSITY);
            Integer first = seen.putIfAbsent(years[i] + "/" + ages[i], row.line());
            if (first != null) {
                throw row.error(AGE, "year " + row.text(YEAR) + ", age " + row.text(AGE) + " is observed twice (first on line "
                        + first + ")");
            }
            lines[i] = row.line();
        }
        if (n < unknowns) {
            throw new InputException(table.file() + ": " + n + " observation" + (n == 1 ? "" : "s") + " for " + unknowns
                    + " unknowns; give at least as many observations as unknowns");
        }
        return new Observations(table.file(), years, ages, densities, lines);
    }

    /** A finite number > 0: the fit compares logarithms. */
    private static double positive(CsvTable.Row row, String column) {
        String text = row.text(column);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw row.error(column, "expected a number, got '" + text + "'");
        }
        if (!(v > 0) || !Double.isFinite(v)) {
            throw row.error(column, column + " must be a finite number > 0 (the fit compares logarithms), got " + text);
        }
        return v;
    }

    private static double inside(CsvTable.Row row, String column, double from, double to, String what) {
        double v = row.number(column, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (v < from || v > to) {
            throw row.error(column, column + " " + row.text(column) + " is outside " + what + " " + from + " .. " + to);
        }
        return v;
    }
}
