package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;

/**
 * The observed values a hindcast is scored against, aligned with the input's leaves (cities):
 * city totals (NaN where not observed), province totals, the nation, city age shares (null where
 * not observed). A province's or the nation's forecast is the sum of the forecasts of all leaves
 * below it, so it is comparable with a census count of the same area.
 *
 * @param provinceOfLeaf index into {@code provinces} of each leaf's parent (-1 if the parent is not observed)
 */
public record HindcastTruth(int year, String source, double[] city, double[][] cityShares, List<String> provinces,
                            double[] province, int[] provinceOfLeaf, double nation) {

    /**
     * @param totals rows region,population (every region code must be in the input)
     * @param ages   rows region,age_0_14,age_15_59,age_60_plus,age_65_plus (percent), or null
     */
    public static HindcastTruth read(CohortInput input, int year, CsvTable totals, CsvTable ages) {
        totals.require("region", "population");
        Map<String, Integer> leafOf = new HashMap<>();
        for (int l = 0; l < input.leafCount(); l++) {
            leafOf.put(input.leaf(l).code(), l);
        }
        Map<String, Region> regions = new HashMap<>();
        input.regions().forEach(r -> regions.put(r.code(), r));
        double[] city = new double[input.leafCount()];
        Arrays.fill(city, Double.NaN);
        List<String> provinces = new ArrayList<>();
        List<Double> province = new ArrayList<>();
        double nation = Double.NaN;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : totals.rows()) {
            String code = row.text("region");
            Region region = regions.get(code);
            if (region == null) {
                throw row.error("region", "region '" + code + "' is not in the input " + input.source());
            }
            if (!seen.add(code)) {
                throw row.error("region", "duplicate row for region " + code);
            }
            double value = row.number("population", 1, 1e11);
            if (leafOf.containsKey(code)) {
                city[leafOf.get(code)] = value;
            } else if (region.parent().isEmpty()) {
                nation = value;
            } else {
                provinces.add(code);
                province.add(value);
            }
        }
        if (Double.isNaN(nation) || Arrays.stream(city).allMatch(Double::isNaN)) {
            throw new InputException(totals.file() + ": needs the nation (a region without parent) and at least one projected city");
        }
        int[] provinceOf = new int[input.leafCount()];
        for (int l = 0; l < provinceOf.length; l++) {
            provinceOf[l] = provinces.indexOf(input.leaf(l).parent());
        }
        double[][] shares = ages == null ? new double[input.leafCount()][] : shares(ages, leafOf);
        String source = totals.file() + (ages == null ? "" : ", " + ages.file());
        return new HindcastTruth(year, source, city, shares, List.copyOf(provinces),
                province.stream().mapToDouble(Double::doubleValue).toArray(), provinceOf, nation);
    }

    private static double[][] shares(CsvTable ages, Map<String, Integer> leafOf) {
        List<String> columns = new ArrayList<>(List.of("region"));
        for (AgeBand b : AgeBand.values()) {
            columns.add(b.column());
        }
        ages.require(columns.toArray(String[]::new));
        double[][] out = new double[leafOf.size()][];
        for (CsvTable.Row row : ages.rows()) {
            String code = row.text("region");
            Integer l = leafOf.get(code);
            if (l == null) {
                throw row.error("region", "region '" + code + "' is not a projected city of the input");
            }
            if (out[l] != null) {
                throw row.error("region", "duplicate row for region " + code);
            }
            out[l] = new double[AgeBand.values().length];
            for (AgeBand b : AgeBand.values()) {
                out[l][b.ordinal()] = row.number(b.column(), 0, 100);
            }
        }
        return out;
    }

    public int leaves() {
        return city.length;
    }
}
