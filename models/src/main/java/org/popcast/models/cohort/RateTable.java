package org.popcast.models.cohort;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.kernels.cohort.Sex;

/**
 * Values by age group for keys ({@link RegionSex}: a region, or a region and a sex; {@code *} for
 * every region) and years, as read from a rate file. A year is the first year of the step the
 * values apply to; a missing year carries the last earlier one forward. Keys keep the order of
 * their first row in the file.
 */
final class RateTable {

    private final String file;
    private final Map<RegionSex, TreeMap<Integer, double[]>> values = new LinkedHashMap<>();

    private RateTable(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /**
     * Reads rows {@code region, [sex,] year, age, value}.
     *
     * @param bySex         whether the rows have a sex column (part of the key)
     * @param ages          the age groups; an age not among them is rejected
     * @param allAges       whether every age must be given (else missing ages are 0)
     * @param knownRegion   region codes allowed besides {@code *}
     */
    static RateTable read(CsvTable t, boolean bySex, String valueColumn, double min, double max, double[] ages,
                          boolean allAges, java.util.Set<String> knownRegion) {
        RateTable table = new RateTable(t.file());
        Map<RegionSex, TreeMap<Integer, boolean[]>> seen = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RegionSex key = key(row, bySex, knownRegion);
            int year = row.integer("year", 1000, 3000);
            int a = t.has("age") ? ageIndex(row, ages) : 0; // a table without ages holds one value per key and year
            double value = row.number(valueColumn, min, max);
            double[] byAge = table.values.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(year, y -> new double[ages.length]);
            boolean[] given = seen.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(year, y -> new boolean[ages.length]);
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

    private static RegionSex key(CsvTable.Row row, boolean bySex, java.util.Set<String> knownRegion) {
        String region = row.text("region");
        if (!region.equals(RegionSex.EVERY_REGION) && !knownRegion.contains(region)) {
            throw row.error("region", "unknown region '" + region + "' (not in population.csv or regions.csv; '*' means every region)");
        }
        if (!bySex) {
            return new RegionSex(region, null);
        }
        String sex = row.text("sex");
        if (!sex.equals("F") && !sex.equals("M")) {
            throw row.error("sex", "sex must be F or M, got '" + sex + "'");
        }
        return new RegionSex(region, Sex.valueOf(sex));
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

    /**
     * The values of a region and sex (null in a table without sexes) in {@code year}, else those
     * of every region ({@code *}) and the sex; null if neither has a year <= it.
     */
    double[] at(String region, Sex sex, int year) {
        RegionSex key = new RegionSex(region, sex);
        double[] v = floor(values.get(key), year);
        return v != null ? v : floor(values.get(key.everyRegion()), year);
    }

    /** {@link #at(String, Sex, int)} in a table without sexes. */
    double[] at(String region, int year) {
        return at(region, null, year);
    }

    /** The latest year of any row (0 for an empty table). */
    int lastYear() {
        return values.values().stream().mapToInt(TreeMap::lastKey).max().orElse(0);
    }

    /** A copy without the rows of years after {@code year} (what was known at a launch in that year). */
    RateTable through(int year) {
        RateTable t = new RateTable(file);
        values.forEach((key, years) -> {
            TreeMap<Integer, double[]> kept = new TreeMap<>(years.headMap(year, true));
            if (!kept.isEmpty()) {
                t.values.put(key, kept);
            }
        });
        return t;
    }

    /** Makes the values of a key and year from the values the table gives it ({@link #at}). */
    interface RowMaker {
        double[] make(RegionSex key, int year, double[] current);
    }

    /**
     * A copy with rows of its own for every key of {@code keys}: for every year that the key or
     * {@code *} has a row, {@code f} of the values the table gives the key in that year.
     */
    RateTable withRows(java.util.List<RegionSex> keys, RowMaker f) {
        RateTable t = through(Integer.MAX_VALUE);
        for (RegionSex key : keys) {
            java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
            for (RegionSex k : new RegionSex[] {key, key.everyRegion()}) {
                if (values.containsKey(k)) {
                    years.addAll(values.get(k).keySet());
                }
            }
            TreeMap<Integer, double[]> rows = t.values.computeIfAbsent(key, k -> new TreeMap<>());
            for (int year : years) {
                rows.put(year, f.make(key, year, at(key.region(), key.sex(), year)));
            }
        }
        return t;
    }

    /** Applies {@code f} to every stored array (age aggregation). */
    void transform(java.util.function.UnaryOperator<double[]> f) {
        values.values().forEach(years -> years.replaceAll((y, v) -> f.apply(v)));
    }

    /** Applies {@code f} to every stored array with its key (age aggregation that depends on the sex). */
    void transformByKey(BiFunction<RegionSex, double[], double[]> f) {
        values.forEach((key, years) -> years.replaceAll((y, v) -> f.apply(key, v)));
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
