package org.popcast.models.cohort;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;

/**
 * Values by age group for keys (a region, or a region and a sex; {@code *} for every region) and
 * years, as read from a rate file. A year is the first year of the step the values apply to; a
 * missing year carries the last earlier one forward.
 */
final class RateTable {

    private final String file;
    private final Map<String, TreeMap<Integer, double[]>> values = new HashMap<>();

    private RateTable(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /**
     * Reads rows {@code key columns, year, age, value}.
     *
     * @param ages          the age groups; an age not among them is rejected
     * @param allAges       whether every age must be given (else missing ages are 0)
     * @param knownRegion   region codes allowed besides {@code *}
     */
    static RateTable read(CsvTable t, String[] keyColumns, String valueColumn, double min, double max, double[] ages,
                          boolean allAges, java.util.Set<String> knownRegion) {
        RateTable table = new RateTable(t.file());
        Map<String, TreeMap<Integer, boolean[]>> seen = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            StringBuilder key = new StringBuilder();
            for (String c : keyColumns) {
                String v = row.text(c);
                if (c.equals("region") && !v.equals("*") && !knownRegion.contains(v)) {
                    throw row.error(c, "unknown region '" + v + "' (not in population.csv or regions.csv; '*' means every region)");
                }
                if (c.equals("sex") && !v.equals("F") && !v.equals("M")) {
                    throw row.error(c, "sex must be F or M, got '" + v + "'");
                }
                key.append(key.length() == 0 ? "" : "|").append(v);
            }
            int year = row.integer("year", 1000, 3000);
            int a = t.has("age") ? ageIndex(row, ages) : 0; // a table without ages holds one value per key and year
            double value = row.number(valueColumn, min, max);
            double[] byAge = table.values.computeIfAbsent(key.toString(), k -> new TreeMap<>())
                    .computeIfAbsent(year, y -> new double[ages.length]);
            boolean[] given = seen.computeIfAbsent(key.toString(), k -> new TreeMap<>()).computeIfAbsent(year, y -> new boolean[ages.length]);
            if (given[a]) {
                throw row.error("year", "duplicate row for " + key + ", year " + year + (t.has("age") ? ", age " + row.text("age") : ""));
            }
            given[a] = true;
            byAge[a] = value;
        }
        if (allAges) {
            seen.forEach((key, years) -> years.forEach((year, given) -> {
                for (int a = 0; a < given.length; a++) {
                    if (!given[a]) {
                        throw new InputException(t.file() + ": no row for " + key + ", year " + year + ", age " + fmt(ages[a])
                                + " (every age group is needed)");
                    }
                }
            }));
        }
        return table;
    }

    static int ageIndex(CsvTable.Row row, double[] ages) {
        double age = row.number("age", 0, 1000);
        int a = java.util.Arrays.binarySearch(ages, age);
        if (a < 0) {
            throw row.error("age", "age " + row.text("age") + " is not the start of an age group of population.csv ("
                    + fmt(ages[0]) + ", " + fmt(ages[1]) + ", ... " + fmt(ages[ages.length - 1]) + "+)");
        }
        return a;
    }

    /** The values for {@code key} (or {@code wildcard}) in {@code year}, or null if neither has a year <= it. */
    double[] at(String key, String wildcard, int year) {
        double[] v = floor(values.get(key), year);
        return v != null ? v : floor(values.get(wildcard), year);
    }

    /** Applies {@code f} to every stored array (age aggregation). */
    void transform(java.util.function.UnaryOperator<double[]> f) {
        values.values().forEach(years -> years.replaceAll((y, v) -> f.apply(v)));
    }

    /** Keys and years, for checks. */
    Map<String, TreeMap<Integer, double[]>> entries() {
        return values;
    }

    private static double[] floor(TreeMap<Integer, double[]> years, int year) {
        if (years == null) {
            return null;
        }
        Map.Entry<Integer, double[]> e = years.floorEntry(year);
        return e == null ? null : e.getValue();
    }

    static String fmt(double age) {
        return age == Math.rint(age) ? Long.toString((long) age) : Double.toString(age);
    }
}
