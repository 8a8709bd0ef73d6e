package org.popcast.models.cohort;

import java.util.HashMap;
import java.util.Map;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.kernels.cohort.Sex;

/**
 * Life expectancy at birth by region and sex ({@code region,year,sex,e0}), for {@code rates: city}:
 * the rows of the latest year that has the nation's row and is not after the base year (later rows
 * would be data a launch at the base year did not have).
 */
final class LifeExpectancyTable {

    private final Map<String, Region> regions = new HashMap<>();
    private final Map<String, double[]> e0 = new HashMap<>();
    private final String nation;
    private final int year;

    private LifeExpectancyTable(CohortInput in, String nation, int year) {
        in.regions().forEach(r -> regions.put(r.code(), r));
        this.nation = nation;
        this.year = year;
    }

    static LifeExpectancyTable read(CsvTable t, CohortInput in) {
        String nation = in.regions().stream().filter(r -> r.level().equals("nation")).map(Region::code).findFirst()
                .orElseThrow(() -> new InputException(t.file() + ": life expectancy ratios need a region of level nation in regions.csv"));
        int base = in.settings().baseYear();
        int year = Integer.MIN_VALUE;
        for (CsvTable.Row row : t.rows()) {
            int y = row.integer("year", 1000, 3000);
            if (row.text("region").equals(nation) && y <= base) {
                year = Math.max(year, y);
            }
        }
        if (year == Integer.MIN_VALUE) {
            throw t.error("no row for the nation " + nation + " in the base year " + base + " or earlier (the reference of the ratios)");
        }
        LifeExpectancyTable table = new LifeExpectancyTable(in, nation, year);
        for (CsvTable.Row row : t.rows()) {
            table.add(row, year);
        }
        if (table.e0.get(nation)[0] == 0 || table.e0.get(nation)[1] == 0) {
            throw t.error("the nation " + nation + " needs rows for both sexes in " + year);
        }
        return table;
    }

    private void add(CsvTable.Row row, int year) {
        String code = row.text("region");
        if (!regions.containsKey(code)) {
            throw row.error("region", "unknown region '" + code + "' (not in regions.csv)");
        }
        Sex sex;
        try {
            sex = Sex.parse(row.text("sex"));
        } catch (IllegalArgumentException e) {
            throw row.error("sex", e.getMessage());
        }
        double v = row.number("e0", 15, 100);
        if (row.integer("year", 1000, 3000) != year) {
            return;
        }
        double[] both = e0.computeIfAbsent(code, c -> new double[2]);
        if (both[sex.ordinal()] != 0) {
            throw row.error("region", "duplicate row for region " + code + ", sex " + sex + ", year " + year);
        }
        both[sex.ordinal()] = v;
    }

    /**
     * {F, M} ratios of the life expectancy of the region (or its nearest ancestor with rows for both
     * sexes) to the nation's; null if only the nation has rows on its chain (the caller's fallback).
     */
    double[] ratio(String code) {
        for (String at = code; !at.isEmpty() && !at.equals(nation); at = regions.get(at).parent()) {
            double[] v = e0.get(at);
            if (v != null && v[0] > 0 && v[1] > 0) {
                double[] n = e0.get(nation);
                return new double[] {v[0] / n[0], v[1] / n[1]};
            }
        }
        return null;
    }

    String nation() {
        return nation;
    }

    int year() {
        return year;
    }
}
