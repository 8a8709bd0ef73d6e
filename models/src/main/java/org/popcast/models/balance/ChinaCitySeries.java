package org.popcast.models.balance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.data.input.BuiltinData;

/**
 * Balance-model series of Chinese cities from the shipped {@code Wan_stage5.csv} (356 cities,
 * 2009-2022; provenance in data/README.md). Per city and data year Y:
 * <ul>
 *   <li>户籍人口万人 (registered population, 10^4 persons, at the end of Y) x 10^4 becomes the
 *       population on 1 January of Y + 1;</li>
 *   <li>出生人口人 and 死亡人口人 (births and deaths in Y, persons; only 2017-2019 are filled);</li>
 *   <li>自然增长率 (natural increase per mille) x 年平均人口万人 (mean population, 10^4) x 10 becomes the
 *       natural increase of Y, known for most years where births and deaths are not.</li>
 * </ul>
 * Arrivals and departures are not in the file: net migration is left to the model, as the
 * remainder of the balance. The year-end reading was checked against Beijing's published figures
 * (1,359.2 x 10^4 at the end of 2017; the file's 年平均人口 of 2017, 1,361, is the mean of the
 * year-end values of 2016 and 2017). The file's ResidentsPop and mobility columns are not used.
 */
public final class ChinaCitySeries {

    public static final String RESOURCE = "china_city_features/Wan_stage5.csv";
    public static final String SOURCE = "Wan_stage5.csv";
    /** Chongqing: the largest registered population in the file and 13 years of it. */
    public static final String DEFAULT_CITY = "500000";

    private static final String YEAR = "year", ID = "Cityid", NAME = "地区", POPULATION = "户籍人口万人",
            BIRTHS = "出生人口人", DEATHS = "死亡人口人", NATURAL_RATE = "自然增长率", MEAN_POPULATION = "年平均人口万人";
    private static final double TEN_THOUSAND = 1e4;

    /** A city: its statistical id and its name (empty for some rows of the file). */
    public record City(String id, String name) {
        public String label() {
            return name.isEmpty() ? id : id + " " + name;
        }
    }

    private final String source;
    /** SHA-256 of the table's text: what a cached computation over the table is keyed by. */
    private final String fingerprint;
    private final Map<String, City> cities = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, double[]>> rows = new LinkedHashMap<>();

    private ChinaCitySeries(String source, String text) {
        this.source = source;
        this.fingerprint = org.popcast.data.io.ComputationCache.key(text);
        parse(text);
    }

    private static ChinaCitySeries builtin;

    /** The shipped table, read once. */
    public static synchronized ChinaCitySeries builtin() {
        if (builtin == null) {
            String text = BuiltinData.text(RESOURCE);
            if (text == null) {
                throw new IllegalStateException("the shipped " + RESOURCE + " is missing from the build");
            }
            builtin = new ChinaCitySeries(SOURCE, text);
        }
        return builtin;
    }

    /** A table in the same layout, e.g. a newer copy of the file. */
    public static ChinaCitySeries parse(String source, String text) {
        return new ChinaCitySeries(source, text);
    }

    /** SHA-256 of the table's text. */
    public String fingerprint() {
        return fingerprint;
    }

    public List<City> cities() {
        return List.copyOf(cities.values());
    }

    /** The city with this id, or the only city with this name. */
    public City city(String idOrName) {
        City byId = cities.get(idOrName);
        if (byId != null) {
            return byId;
        }
        List<City> named = cities.values().stream().filter(c -> c.name().equals(idOrName)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new InputException(source + ": " + (named.isEmpty() ? "no city with id or name '" + idOrName + "'"
                : "the name '" + idOrName + "' is ambiguous, use one of the ids " + named.stream().map(City::id).toList())
                + " (" + cities.size() + " cities, e.g. " + DEFAULT_CITY + ")");
    }

    /** The registered population (persons) of a city at the end of {@code year}; NaN if the file has none. */
    public double registered(String id, int year) {
        TreeMap<Integer, double[]> byYear = rows.get(id);
        double[] r = byYear == null ? null : byYear.get(year);
        return r == null ? Double.NaN : r[0] * TEN_THOUSAND;
    }

    /** The balance series of one city, years from its first data year to its last plus one. */
    public BalanceSeries series(City city) {
        TreeMap<Integer, double[]> byYear = rows.get(city.id());
        int first = byYear.firstKey(), last = byYear.lastKey() + 1;
        int n = last - first + 1;
        double[] pop = nans(n), births = nans(n), deaths = nans(n), natural = nans(n);
        byYear.forEach((year, r) -> {
            int i = year - first;
            pop[i + 1] = r[0] * TEN_THOUSAND;
            births[i] = r[1];
            deaths[i] = r[2];
            natural[i] = r[3] * r[4] * TEN_THOUSAND / 1000;
        });
        return new BalanceSeries(source + " city " + city.label(), first, pop, births, deaths, natural, nans(n), nans(n), nans(n));
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private void parse(String text) {
        CsvTable table = CsvTable.parse(source, text).require(YEAR, ID, NAME, POPULATION, BIRTHS, DEATHS, NATURAL_RATE,
                MEAN_POPULATION);
        for (CsvTable.Row row : table.rows()) {
            String id = row.text(ID);
            if (id.isEmpty() && row.text(YEAR).isEmpty()) {
                continue; // the file has one empty row
            }
            int year = row.integer(YEAR, 1900, 2100);
            cities.putIfAbsent(id, new City(id, row.text(NAME)));
            double[] r = {BalanceSeriesCsv.cell(row, POPULATION, false), BalanceSeriesCsv.cell(row, BIRTHS, false),
                    BalanceSeriesCsv.cell(row, DEATHS, false), BalanceSeriesCsv.cell(row, NATURAL_RATE, true),
                    BalanceSeriesCsv.cell(row, MEAN_POPULATION, false)};
            if (rows.computeIfAbsent(id, k -> new TreeMap<>()).put(year, r) != null) {
                throw row.error(YEAR, "city " + id + " has year " + year + " twice");
            }
        }
    }
}
