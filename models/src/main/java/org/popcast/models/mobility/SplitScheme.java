package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.popcast.data.input.InputException;

/**
 * How rows are split into training and test sets.
 *
 * <ul>
 *   <li>{@code CITY}: grouped k-fold by city: the cities are shuffled with the seed and dealt
 *       round-robin into k groups, so no city is ever in both training and test;</li>
 *   <li>{@code TIME}: for each origin year Y, train on the years up to Y, test on year Y + 1
 *       (one year ahead);</li>
 *   <li>{@code RANDOM_ROWS}: the seed's split: rows shuffled into k folds regardless of city or
 *       year. A city's other years sit in training, so its score measures leakage. For comparison
 *       only.</li>
 * </ul>
 */
public enum SplitScheme {
    CITY("city", "grouped k-fold by city"),
    TIME("time", "train up to a year, test the next year"),
    RANDOM_ROWS("random_rows", "random row k-fold as in the source paper (LEAKY: a city's other years are in training)");

    private final String key;
    private final String description;

    SplitScheme(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static SplitScheme ofKey(String key) {
        for (SplitScheme s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + key + "', expected one of city, time, random_rows");
    }

    /** Grouped k-fold by city over the given rows. */
    public static List<Fold> byCity(MobilityTable t, int[] rows, int k, long seed) {
        List<String> cities = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(rows).mapToObj(t::city).toList()));
        if (cities.size() < k) {
            throw new InputException(t.source() + ": " + cities.size() + " cities have a target, fewer than the " + k
                    + " folds of the city split (lower --folds)");
        }
        java.util.Collections.shuffle(cities, new Random(seed));
        java.util.Map<String, Integer> group = new java.util.HashMap<>();
        for (int i = 0; i < cities.size(); i++) {
            group.put(cities.get(i), i % k);
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            final int g = f;
            int[] test = Arrays.stream(rows).filter(r -> group.get(t.city(r)) == g).toArray();
            int[] train = Arrays.stream(rows).filter(r -> group.get(t.city(r)) != g).toArray();
            folds.add(new Fold(CITY, "city-fold-" + (f + 1), train, test));
        }
        return folds;
    }

    /** One-year-ahead folds: train on years <= origin, test on origin + 1. */
    public static List<Fold> byTime(MobilityTable t, int[] rows, int[] origins) {
        List<Fold> folds = new ArrayList<>();
        for (int origin : origins) {
            int[] train = Arrays.stream(rows).filter(r -> t.year(r) <= origin).toArray();
            int[] test = Arrays.stream(rows).filter(r -> t.year(r) == origin + 1).toArray();
            if (train.length == 0 || test.length == 0) {
                throw new InputException(t.source() + ": the time split with origin " + origin + " has " + train.length
                        + " training and " + test.length + " test rows; choose origins inside the years with a target ("
                        + new TreeSet<>(Arrays.stream(rows).mapToObj(t::year).toList()) + ")");
            }
            folds.add(new Fold(TIME, "train<=" + origin + ",test=" + (origin + 1), train, test));
        }
        return folds;
    }

    /** The seed's random row split as k folds. */
    public static List<Fold> byRandomRows(MobilityTable t, int[] rows, int k, long seed) {
        if (rows.length < k) {
            throw new InputException(t.source() + ": " + rows.length + " rows have a target, fewer than the " + k + " folds (lower --folds)");
        }
        List<Integer> order = new ArrayList<>(Arrays.stream(rows).boxed().toList());
        java.util.Collections.shuffle(order, new Random(seed));
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            final int g = f;
            List<Integer> test = new ArrayList<>(), train = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                (i % k == g ? test : train).add(order.get(i));
            }
            folds.add(new Fold(RANDOM_ROWS, "row-fold-" + (f + 1), train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                    test.stream().mapToInt(Integer::intValue).sorted().toArray()));
        }
        return folds;
    }

    /** The last {@code count} years that have a target and a following year with a target: default origins of the time split. */
    public static int[] defaultOrigins(MobilityTable t, int[] rows, int count) {
        TreeSet<Integer> years = new TreeSet<>(Arrays.stream(rows).mapToObj(t::year).toList());
        List<Integer> origins = new ArrayList<>();
        for (int y : years.descendingSet()) {
            if (years.contains(y + 1) && years.headSet(y, true).size() >= 1 && origins.size() < count) {
                origins.add(0, y);
            }
        }
        return origins.stream().mapToInt(Integer::intValue).toArray();
    }
}
