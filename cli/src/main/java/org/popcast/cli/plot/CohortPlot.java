package org.popcast.cli.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.popcast.data.input.InputException;
import org.popcast.models.cohort.RegionVariables;

/**
 * Cohort-component results: population pyramids of one region and scenario for chosen years with
 * the region's total by scenario (projection), and projected against observed totals (validation).
 */
final class CohortPlot {

    static final Color MALES = new Color(0x3b6fb6);
    static final Color FEMALES = new Color(0xe0823d);
    private static final String[] LEVELS = {"city", "province", "nation", "region"};

    private CohortPlot() {
    }

    /** population(scenario, region, sex, age, year) of one file, indexed as formats.md lays it out. */
    record Projection(ResultFile file, List<String> scenarios, List<String> regions, List<String> sexes, double[] ages,
                              double[] years, double[] population) {
        static Projection of(ResultFile f) {
            return new Projection(f, f.labels("scenario"), f.labels("region"), f.labels("sex"), f.coordinate("age"),
                    f.coordinate("year"), f.values("population"));
        }

        double at(int s, int r, int sex, int a, int y) {
            return population[(((s * regions.size() + r) * sexes.size() + sex) * ages.length + a) * years.length + y];
        }

        double[] byAge(int s, int r, int sex, int y) {
            double[] v = new double[ages.length];
            for (int a = 0; a < v.length; a++) {
                v[a] = at(s, r, sex, a, y);
            }
            return v;
        }
    }

    static Figure projection(ResultFile f, Plots.Choices c) {
        Projection p = Projection.of(f);
        int r = region(f, p.regions(), c.region());
        int s = scenario(f, p.scenarios(), c.scenario());
        List<Integer> years = years(f, p.years(), c.years());
        int male = p.sexes().indexOf("M"), female = p.sexes().indexOf("F");
        if (male < 0 || female < 0) {
            throw new InputException(f.file() + ": dimension 'sex' is " + p.sexes() + ", expected F and M");
        }
        List<double[]> all = new ArrayList<>();
        for (int y : years) {
            all.add(p.byAge(s, r, male, y));
            all.add(p.byAge(s, r, female, y));
        }
        Charts.Magnitude m = Charts.Magnitude.of(all.toArray(double[][]::new));
        double widest = all.stream().flatMapToDouble(java.util.Arrays::stream).filter(Double::isFinite).max().orElse(1) / m.factor();
        String name = regionName(f, p.regions().get(r));
        Figure fig = new Figure(f.title() + ": " + name, f.file().getFileName() + ": scenario " + p.scenarios().get(s)
                + ", base year " + f.text("base_year", "?") + ", step " + f.text("step", "?") + " years", c.width());
        Figure.Panel[] pyramids = new Figure.Panel[years.size()];
        for (int i = 0; i < years.size(); i++) {
            int y = years.get(i);
            XYChart chart = pyramid(String.format(Locale.ROOT, "population pyramid %.0f", p.years()[y]), p.ages(),
                    m.apply(p.byAge(s, r, male, y)), m.apply(p.byAge(s, r, female, y)), widest,
                    m.units(f.units("population")) + " per age group", f.coordinateTitle("age", "age group"));
            pyramids[i] = fig.chart(chart);
        }
        fig.row(c.width() / 2, pyramids);
        fig.row(c.width() / 3, fig.chart(totals(f, p, r, name)));
        if (f.has("population_total_quantile")) {
            fig.row(c.width() / 3, fig.chart(fan(f, p, r, name)));
        }
        return fig;
    }

    /**
     * A probabilistic projection's fan for region r: each central interval (outer quantile pairs)
     * as a band, the median as a line, and the deterministic scenario the trajectories move around, dashed.
     */
    static XYChart fan(ResultFile f, Projection p, int r, String name) {
        double[] q = f.coordinate("quantile"), v = f.values("population_total_quantile");
        int years = p.years().length, regions = p.regions().size();
        String around = f.text("stochastic_scenario", "?");
        Charts.Magnitude m = Charts.Magnitude.of(v);
        XYChart c = Charts.xy(String.format(Locale.ROOT, "%s: %s trajectories around %s", name, f.text("trajectories", "?"), around),
                f.coordinateTitle("year", "year"), ResultFile.axisTitle("population", m.units(f.units("population_total_quantile"))));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        Charts.yearAxis(c);
        java.util.function.IntFunction<double[]> row = k -> m.apply(java.util.Arrays.copyOfRange(v, (k * regions + r) * years,
                (k * regions + r + 1) * years));
        for (int lo = 0, hi = q.length - 1; lo < hi; lo++, hi--) {
            double[] low = row.apply(lo), high = row.apply(hi), x = new double[2 * years], y = new double[2 * years];
            for (int t = 0; t < years; t++) {
                x[t] = p.years()[t];
                y[t] = high[t];
                x[2 * years - 1 - t] = p.years()[t];
                y[2 * years - 1 - t] = low[t];
            }
            int shade = 200 - 50 * lo; // inner bands darker
            Color band = new Color(shade, shade, 235);
            XYSeries s = c.addSeries(new java.math.BigDecimal(100 * (q[hi] - q[lo])).round(new java.math.MathContext(3))
                    .stripTrailingZeros().toPlainString() + " % interval", x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea).setMarker(SeriesMarkers.NONE);
            Charts.colour(s, band, band);
        }
        int median = java.util.Arrays.binarySearch(q, 0.5);
        if (median >= 0) {
            Charts.colour(Charts.line(c, "median", p.years(), row.apply(median)), MALES, MALES);
        }
        int s = p.scenarios().indexOf(around);
        if (s >= 0) {
            double[] total = f.values("population_total"), det = new double[years];
            System.arraycopy(total, (s * regions + r) * years, det, 0, years);
            Charts.dashed(c, "scenario " + around, p.years(), m.apply(det));
        }
        return c;
    }

    /**
     * Males to the left, females to the right; each as the outline of its bars, filled. Each age
     * group's bar is centred on the group's first age, where its tick label ("0-4", "100+") is.
     */
    static XYChart pyramid(String title, double[] ages, double[] males, double[] females, double widest, String units, String ageTitle) {
        XYChart c = Charts.xy(title, units, ageTitle);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea).setXAxisMin(-widest * 1.05)
                .setXAxisMax(widest * 1.05).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        Charts.unsignedTicks(c);
        AgeGroups groups = new AgeGroups(ages);
        c.getStyler().setyAxisTickLabelsFormattingFunction(groups::label);
        double[][] left = outline(ages, males, -1), right = outline(ages, females, 1);
        Charts.colour(c.addSeries("males", left[0], left[1]), MALES, MALES).setMarker(SeriesMarkers.NONE);
        Charts.colour(c.addSeries("females", right[0], right[1]), FEMALES, FEMALES).setMarker(SeriesMarkers.NONE);
        return c;
    }

    /**
     * The closed outline of a side of the pyramid: (0, bottom), then for group i the points
     * (sign x count_i, age_i - w/2) and (sign x count_i, age_i + w/2), then (0, top), where w is the
     * group's width: each bar is centred on its group's first age; the open last group is drawn as
     * wide as the one before it.
     */
    static double[][] outline(double[] ages, double[] counts, double sign) {
        int n = ages.length;
        double width = n > 1 ? ages[n - 1] - ages[n - 2] : 1;
        double[] x = new double[2 * n + 2], y = new double[2 * n + 2];
        double half = (n > 1 ? ages[1] - ages[0] : width) / 2;
        y[0] = ages[0] - half;
        for (int i = 0; i < n; i++) {
            double w = i + 1 < n ? ages[i + 1] - ages[i] : width;
            x[1 + 2 * i] = sign * counts[i];
            y[1 + 2 * i] = ages[i] - w / 2;
            x[2 + 2 * i] = sign * counts[i];
            y[2 + 2 * i] = ages[i] + w / 2;
        }
        y[2 * n + 1] = y[2 * n];
        return new double[][] {x, y};
    }

    /**
     * The region's total: the central scenario as a line and the others as one shaded range (the
     * lowest and highest of them in each year), since 15 lines in a small panel hide each other.
     */
    static XYChart totals(ResultFile f, Projection p, int r, String name) {
        double[] total = f.values("population_total");
        int years = p.years().length, scenarios = p.scenarios().size();
        Charts.Magnitude m = Charts.Magnitude.of(total);
        XYChart c = Charts.xy("total population of " + name + " by scenario", f.coordinateTitle("year", "year"),
                ResultFile.axisTitle("population", m.units(f.units("population_total"))));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        Charts.yearAxis(c);
        java.util.function.IntFunction<double[]> scenario = s -> m.apply(java.util.Arrays.copyOfRange(total,
                (s * p.regions().size() + r) * years, (s * p.regions().size() + r + 1) * years));
        int central = org.popcast.models.cohort.ScenarioSet.central(p.scenarios());
        if (scenarios > 1) {
            double[] low = new double[years], high = new double[years];
            java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
            for (int s = 0; s < scenarios; s++) {
                double[] v = scenario.apply(s);
                for (int t = 0; t < years; t++) {
                    low[t] = Math.min(low[t], v[t]);
                    high[t] = Math.max(high[t], v[t]);
                }
            }
            double[][] band = BalancePlot.closed(p.years(), low, high);
            XYSeries range = c.addSeries("range of all " + scenarios + " scenarios", band[0], band[1]);
            range.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea).setMarker(SeriesMarkers.NONE);
            Charts.colour(range, SCENARIO_RANGE, SCENARIO_RANGE);
        }
        Charts.colour(Charts.line(c, p.scenarios().get(central) + " (central)", p.years(), scenario.apply(central)), MALES, MALES);
        return c;
    }

    private static final Color SCENARIO_RANGE = new Color(0xc6d4ea);

    /** The chosen region, or the nation, or the first region. */
    private static int region(ResultFile f, List<String> regions, String chosen) {
        if (chosen != null) {
            return pick(f, "region", regions, chosen);
        }
        if (f.has("region_level")) {
            double[] level = f.values("region_level");
            for (int r = 0; r < level.length; r++) {
                if (level[r] == 2) {
                    return r;
                }
            }
        }
        return 0;
    }

    /** The chosen scenario, in short form (medium for medium-medium) when unambiguous; the central one by default. */
    private static int scenario(ResultFile f, List<String> names, String chosen) {
        try {
            return org.popcast.models.cohort.ScenarioNames.resolve(names, chosen);
        } catch (IllegalArgumentException e) {
            throw new InputException(f.file() + ": " + e.getMessage());
        }
    }

    private static int pick(ResultFile f, String what, List<String> names, String chosen) {
        if (chosen == null) {
            return 0;
        }
        int i = names.indexOf(chosen);
        if (i < 0) {
            throw new InputException(f.file() + ": no " + what + " '" + chosen + "'; it has " + shortList(names));
        }
        return i;
    }

    private static List<Integer> years(ResultFile f, double[] years, List<Long> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return years.length == 1 ? List.of(0) : List.of(0, years.length - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (long y : chosen) {
            int i = java.util.stream.IntStream.range(0, years.length).filter(k -> years[k] == y).findFirst().orElse(-1);
            if (i < 0) {
                throw new InputException(String.format(Locale.ROOT, "%s: no year %d; it has %.0f .. %.0f in steps of %s", f.file(), y,
                        years[0], years[years.length - 1], f.text("step", "?")));
            }
            out.add(i);
        }
        return out;
    }

    private static String shortList(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " ... (" + names.size() + " in all)";
    }

    /** "CN (China)" from the region_name variable (format 1.1) or region_names attribute (1.0), or the code. */
    private static String regionName(ResultFile f, String code) {
        String name;
        if (f.has("region_name") && f.has("region_code")) {
            List<String> codes = List.of(f.variable("region_code").strings());
            int r = codes.indexOf(code);
            name = r < 0 ? null : f.variable("region_name").strings()[r];
        } else {
            name = RegionVariables.legacyNames(f.text("region_names", "")).get(code);
        }
        return name == null || name.isEmpty() || name.equals(code) ? code : code + " (" + name + ")";
    }

    static Figure validation(ResultFile f, int width) {
        double[] projected = f.values("projected"), observed = f.values("observed"), level = f.values("region_level");
        Charts.Magnitude m = Charts.Magnitude.of(projected, observed);
        Map<String, double[][]> byLevel = new LinkedHashMap<>();
        for (int l = 0; l < LEVELS.length; l++) {
            int code = l;
            int[] rows = java.util.stream.IntStream.range(0, level.length).filter(i -> level[i] == code).toArray();
            if (rows.length > 0) {
                byLevel.put(LEVELS[l], new double[][] {m.apply(pickRows(observed, rows)), m.apply(pickRows(projected, rows))});
            }
        }
        String units = m.units(f.units("observed"));
        XYChart chart = ObservedVsPredicted.chart(String.format(Locale.ROOT, "total population in %s, scenario %s",
                f.text("year", "?"), f.text("scenario", "?")), ResultFile.axisTitle("observed", units),
                ResultFile.axisTitle("projected", units), byLevel, true);
        TextTable table = new TextTable("errors by level (APE = |projected - observed| / observed)",
                List.of("level", "regions", "mean APE %", "mean PE %", "APE < 5 %", "APE < 10 %"));
        for (String l : LEVELS) {
            if (f.data().attributes().containsKey(l + "_regions")) {
                table.add(List.of(l, f.text(l + "_regions", ""), fixed(f.number(l + "_mean_ape"), 2), fixed(f.number(l + "_mean_pe"), 2),
                        percent(f.number(l + "_share_ape_under_5")), percent(f.number(l + "_share_ape_under_10"))));
            }
        }
        Figure fig = new Figure(f.title(), f.file().getFileName() + ": projection " + f.text("projection", "?"), width);
        fig.row(width / 2, new double[] {3, 2}, fig.chart(chart), table);
        return fig;
    }

    private static double[] pickRows(double[] v, int[] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }

    static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
