package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * Chooses the feature columns and says why each other column was left out. The default target of
 * seed 000 is defined by two of the table's own columns,
 * {@code Population_mobility_rate = (ResidentsPop - RegisteredPop) / RegisteredPop}, so a model
 * that sees them (or proxies of them) learns an identity, not mobility. Three screens:
 *
 * <ol>
 *   <li>named: the columns that define the target or count the same population (a fixed list);</li>
 *   <li>single proxy: |corr(x, ref)| >= threshold or |corr(log x, log ref)| >= threshold for a
 *       definition column ref (or |corr(x, target)| >= threshold);</li>
 *   <li>pair identity: |corr(log a +- log b, log ref)| >= threshold, e.g. GDP / GDP per head =
 *       resident population, area x density = registered population. The fewest columns that
 *       break every such pair are dropped (greedy: the column in most pairs first, ties to the
 *       column with fewer observed values).</li>
 * </ol>
 *
 * The screen reads only the definition columns and the target (never a model's predictions), and
 * it can only remove information: it decides what the target is defined from, not how well a
 * model does. Identities through three or more columns are not searched.
 */
public final class ColumnScreen {

    /** Columns of Wan_stage5.csv that define the target or count the same population. */
    public static final List<String> NAMED_DEFAULT = List.of("ResidentsPop", "RegisteredPop", "常住人口", "户籍人口万人",
            "年平均人口万人", "城镇常住人口万人", "城镇户籍人口万人", "非农业人口数万人");
    /** The columns the default target is computed from. */
    public static final List<String> DEFINITION_DEFAULT = List.of("ResidentsPop", "RegisteredPop");
    public static final double THRESHOLD_DEFAULT = 0.99;
    /** Correlations on fewer overlapping rows than this are not trusted. */
    static final int MIN_OVERLAP = 30;

    /** A left-out column and the reason, in words. */
    public record Dropped(String column, String reason) {
    }

    /**
     * The feature columns, the columns left out, and the candidates: the numeric columns that
     * survive the named and text screens (the data-driven screens choose among them).
     */
    public record Result(List<String> features, List<Dropped> dropped, List<String> candidates) {
    }

    /** What to screen: the target, the id and year columns, the named exclusions and the definition columns. */
    public record Settings(String target, String id, String year, List<String> named, List<String> definition, double threshold) {
    }

    private ColumnScreen() {
    }

    /**
     * Screens the columns using only the rows where {@code use} is true (null: all rows), so an
     * evaluation can screen on each fold's training rows and never look at its test rows.
     */
    public static Result screen(FeatureTable table, Settings s, boolean[] use) {
        use = thinned(use, table.rowCount());
        List<Dropped> dropped = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String c : table.columns()) {
            if (c.equals(s.target()) || c.equals(s.id()) || c.equals(s.year())) {
                continue;
            }
            if (!table.isNumeric(c)) {
                dropped.add(new Dropped(c, "text column"));
            } else if (s.named().contains(c)) {
                dropped.add(new Dropped(c, "defines the target or counts the same population (named exclusion)"));
            } else if (allMissing(masked(table, c, use))) {
                dropped.add(new Dropped(c, "no values"));
            } else {
                candidates.add(c);
            }
        }
        Map<String, double[]> refs = new LinkedHashMap<>();
        for (String d : s.definition()) {
            if (table.isNumeric(d)) {
                refs.put(d, masked(table, d, use));
            }
        }
        double[] target = table.isNumeric(s.target()) ? masked(table, s.target(), use) : null;
        List<String> afterSingle = new ArrayList<>();
        for (String c : candidates) {
            String why = singleProxy(masked(table, c, use), refs, target, s);
            if (why != null) {
                dropped.add(new Dropped(c, why));
            } else {
                afterSingle.add(c);
            }
        }
        dropped.addAll(pairIdentities(table, afterSingle, refs, s.threshold(), use));
        List<String> droppedNames = dropped.stream().map(Dropped::column).toList();
        List<String> features = afterSingle.stream().filter(c -> !droppedNames.contains(c)).toList();
        List<String> named = candidatesOf(table, s);
        return new Result(features, dropped, named);
    }

    /**
     * A named limit (docs/reliability.md): the rows the screen reads. The pair screen computes
     * about 2 x columns^2 correlations over the rows, tens of seconds for a 135,000-row table
     * (twice in `mobility train`); a correlation of 0.99 is as clear on 20,000 rows. Beyond the
     * limit an evenly spaced sample of the rows in use is read; tables of at most this many rows
     * (the shipped one has 3,372) are screened on every row, as before.
     */
    public static final int MAX_SCREEN_ROWS = 20_000;

    /** {@code use} (null: every row), thinned to an evenly spaced {@link #MAX_SCREEN_ROWS} of its rows when it has more. */
    static boolean[] thinned(boolean[] use, int rows) {
        int[] in = java.util.stream.IntStream.range(0, rows).filter(i -> use == null || use[i]).toArray();
        if (in.length <= MAX_SCREEN_ROWS) {
            return use;
        }
        boolean[] out = new boolean[rows];
        for (int i = 0; i < MAX_SCREEN_ROWS; i++) {
            out[in[(int) ((long) i * in.length / MAX_SCREEN_ROWS)]] = true;
        }
        return out;
    }

    /** Numeric columns other than target, id, year and the named exclusions. */
    private static List<String> candidatesOf(FeatureTable table, Settings s) {
        return table.columns().stream().filter(c -> table.isNumeric(c) && !s.named().contains(c)
                && !c.equals(s.target()) && !c.equals(s.id()) && !c.equals(s.year())).toList();
    }

    /** The column with the rows not in {@code use} set to NaN, so they count nowhere. */
    private static double[] masked(FeatureTable table, String column, boolean[] use) {
        double[] x = table.numbers(column);
        if (use != null) {
            for (int i = 0; i < x.length; i++) {
                if (!use[i]) {
                    x[i] = Double.NaN;
                }
            }
        }
        return x;
    }

    private static String singleProxy(double[] x, Map<String, double[]> refs, double[] target, Settings s) {
        for (Map.Entry<String, double[]> ref : refs.entrySet()) {
            double r = correlation(x, ref.getValue());
            double rl = correlation(logs(x), logs(ref.getValue()));
            if (Math.abs(r) >= s.threshold() || Math.abs(rl) >= s.threshold()) {
                return String.format(Locale.ROOT, "proxy of %s (correlation %.4f, of logs %.4f)", ref.getKey(), r, rl);
            }
        }
        if (target != null) {
            double r = correlation(x, target);
            if (Math.abs(r) >= s.threshold()) {
                return String.format(Locale.ROOT, "proxy of the target (correlation %.4f)", r);
            }
        }
        return null;
    }

    /** Pairs whose log-sum or log-difference reproduces a definition column; the fewest columns covering them. */
    private static List<Dropped> pairIdentities(FeatureTable table, List<String> columns, Map<String, double[]> refs, double threshold,
                                                boolean[] use) {
        if (refs.isEmpty()) {
            return List.of();
        }
        int n = columns.size();
        double[][] logs = new double[n][];
        int[] observed = new int[n];
        for (int i = 0; i < n; i++) {
            double[] x = masked(table, columns.get(i), use);
            logs[i] = logs(x);
            for (double v : x) {
                observed[i] += Double.isNaN(v) ? 0 : 1;
            }
        }
        return cover(identityPairs(columns, logs, refs, threshold), columns, observed);
    }

    private static List<IdentityPairs.Pair> identityPairs(List<String> columns, double[][] logs, Map<String, double[]> refs,
                                                         double threshold) {
        List<double[]> refLogs = refs.values().stream().map(ColumnScreen::logs).toList();
        return new IdentityPairs(logs, refLogs).find(columns, List.copyOf(refs.keySet()), threshold);
    }

    /**
     * Greedy cover: drop the column in most uncovered pairs (ties: the one observed least) until
     * every pair has lost a column.
     */
    private static List<Dropped> cover(List<IdentityPairs.Pair> pairs, List<String> columns, int[] observed) {
        int n = columns.size();
        List<Dropped> out = new ArrayList<>();
        boolean[] covered = new boolean[pairs.size()];
        while (true) {
            int[] count = new int[n];
            for (int p = 0; p < pairs.size(); p++) {
                if (!covered[p]) {
                    count[pairs.get(p).a()]++;
                    count[pairs.get(p).b()]++;
                }
            }
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (count[i] > 0 && (best < 0 || count[i] > count[best] || count[i] == count[best] && observed[i] < observed[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return out;
            }
            List<String> why = new ArrayList<>();
            for (int p = 0; p < pairs.size(); p++) {
                if (!covered[p] && (pairs.get(p).a() == best || pairs.get(p).b() == best)) {
                    covered[p] = true;
                    why.add(pairs.get(p).why());
                }
            }
            out.add(new Dropped(columns.get(best), "identity with another column: " + String.join("; ", why)));
        }
    }

    private static boolean allMissing(double[] x) {
        for (double v : x) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /** log x where x > 0, NaN elsewhere. */
    static double[] logs(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] > 0 ? Math.log(x[i]) : Double.NaN;
        }
        return out;
    }

    /** Pearson correlation over rows where both are present; 0 when fewer than MIN_OVERLAP rows or no spread. */
    static double correlation(double[] x, double[] y) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < MIN_OVERLAP) {
            return 0;
        }
        double mx = sx / n, my = sy / n;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx, dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }
}
