package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.models.balance.ChinaCitySeries;

/**
 * The naive forecasts a hindcast shows beside the model, each from data dated at or before the
 * launch year L = the input's base year. Every baseline keeps each city's base age structure.
 */
public final class HindcastBaselines {

    /** The first year of the city statistics panel. */
    public static final int PANEL_FROM = 2009;

    private HindcastBaselines() {
    }

    /** Each city's base population unchanged. */
    public static CityForecast persistence(CohortInput input) {
        return grown(input, HindcastMethod.PERSISTENCE, new double[input.leafCount()], 0, input.settings().baseYear(),
                "base population of " + input.settings().baseYear());
    }

    /**
     * Each city grown at the national annual rate between the last two census totals dated <= L.
     *
     * @param census rows year,population (national census totals of the same area as the input's leaves)
     */
    public static CityForecast nationalRate(CohortInput input, int year, CsvTable census) {
        int launch = input.settings().baseYear();
        census.require("year", "population");
        TreeMap<Integer, Double> totals = new TreeMap<>();
        for (CsvTable.Row row : census.rows()) {
            int y = row.integer("year", 1000, 3000);
            if (totals.put(y, row.number("population", 1, 1e11)) != null) {
                throw row.error("year", "duplicate row for year " + y);
            }
        }
        Map.Entry<Integer, Double> last = totals.floorEntry(launch);
        Map.Entry<Integer, Double> before = last == null ? null : totals.lowerEntry(last.getKey());
        if (before == null) {
            throw new InputException(census.file() + ": needs two census years <= the launch year " + launch);
        }
        double rate = Math.log(last.getValue() / before.getValue()) / (last.getKey() - before.getKey());
        double[] rates = new double[input.leafCount()];
        java.util.Arrays.fill(rates, rate);
        return grown(input, HindcastMethod.NATIONAL_RATE, rates, year - launch, last.getKey(), String.format(Locale.ROOT,
                "national growth %.4f %% a year, censuses %d-%d (%s)", 100 * Math.expm1(rate), before.getKey(), last.getKey(),
                census.file()));
    }

    /**
     * Each city grown at its own annual registered-population growth in the panel between its first
     * year >= {@link #PANEL_FROM} and L (at least two years). A panel id is a city's code, or a
     * province's code when that province has exactly one projected city (the four municipalities).
     * Cities without two such years keep their base population (persistence; counted in the note).
     */
    public static CityForecast cityTrend(CohortInput input, int year, ChinaCitySeries panel, String panelSource) {
        int launch = input.settings().baseYear();
        Map<String, String> idOf = panelIds(input, panel);
        double[] rates = new double[input.leafCount()];
        int trended = 0;
        for (int l = 0; l < rates.length; l++) {
            String id = idOf.get(input.leaf(l).code());
            int first = PANEL_FROM;
            while (id != null && first < launch && Double.isNaN(panel.registered(id, first))) {
                first++;
            }
            double end = id == null ? Double.NaN : panel.registered(id, launch);
            double start = id == null || first >= launch ? Double.NaN : panel.registered(id, first);
            if (!Double.isNaN(start) && !Double.isNaN(end) && start > 0 && end > 0) {
                rates[l] = Math.log(end / start) / (launch - first);
                trended++;
            }
        }
        return grown(input, HindcastMethod.CITY_TREND, rates, year - launch, launch, String.format(Locale.ROOT,
                "%d of %d cities have registered population in %s for two years in %d..%d; the others keep their base"
                        + " population (persistence)", trended, rates.length, panelSource, PANEL_FROM, launch));
    }

    private static Map<String, String> panelIds(CohortInput input, ChinaCitySeries panel) {
        Map<String, List<String>> citiesOf = new HashMap<>();
        for (int l = 0; l < input.leafCount(); l++) {
            citiesOf.computeIfAbsent(input.leaf(l).parent(), k -> new ArrayList<>()).add(input.leaf(l).code());
            citiesOf.computeIfAbsent(input.leaf(l).code(), k -> new ArrayList<>()).add(input.leaf(l).code());
        }
        Map<String, String> idOf = new HashMap<>();
        for (ChinaCitySeries.City c : panel.cities()) {
            List<String> leaves = citiesOf.get(c.id());
            if (leaves != null && leaves.size() == 1) {
                idOf.putIfAbsent(leaves.get(0), c.id());
            }
        }
        return idOf;
    }

    /** Base population x exp(rate x years) per leaf, base age shares. */
    private static CityForecast grown(CohortInput input, HindcastMethod method, double[] rates, int years, int dataThrough,
                                      String note) {
        int cells = 2 * input.ageCount();
        double[] totals = new double[input.leafCount()];
        double[][] shares = new double[input.leafCount()][];
        for (int l = 0; l < totals.length; l++) {
            double[] base = java.util.Arrays.copyOfRange(input.population(), l * cells, (l + 1) * cells);
            totals[l] = java.util.Arrays.stream(base).sum() * Math.exp(rates[l] * years);
            shares[l] = AgeBand.shares(base, input.ages());
        }
        return new CityForecast(method, totals, shares, dataThrough, note);
    }
}
