package org.popcast.cli.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.popcast.data.input.InputException;
import org.popcast.models.balance.BalanceOutputs;

/**
 * The demographic balance model: per chosen indicator the observed values (points), the fitted
 * curve, and the forecast with its band (filled between {@code _lower} and {@code _upper});
 * for Level II the age groups, model and observed.
 */
final class BalancePlot {

    static final Color MODEL = new Color(0x2c62a8);
    static final Color BAND = new Color(0x2c62a8 | 0x33000000, true);
    /** One colour per age group, shared by its model line and its observed points. */
    private static final Color[] GROUPS = {new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3)};

    private BalancePlot() {
    }

    static Figure series(ResultFile f, Plots.Choices c) {
        List<String> names = c.series() == null || c.series().isEmpty() ? List.of("population") : c.series();
        List<String> available = indicators(f);
        Figure fig = new Figure(f.title(), f.file().getFileName() + ": data " + f.text("data_years", "?") + ", curves "
                + f.text("curve_forms", "?"), c.width());
        List<Figure.Panel> panels = new ArrayList<>();
        for (String name : names) {
            if (!available.contains(name)) {
                throw new InputException(f.file() + ": no series '" + name + "'; it has " + String.join(", ", available));
            }
            panels.add(fig.chart(indicator(f, name)));
        }
        // two panels a row only where each still has room for its plot beside its legend
        int perRow = panels.size() > 1 && c.width() >= 1600 ? 2 : 1;
        int height = panels.size() == 1 ? c.width() / 2 : perRow == 1 ? c.width() / 3 : c.width() * 3 / 10;
        for (int i = 0; i < panels.size(); i += perRow) {
            fig.row(height, panels.subList(i, Math.min(i + perRow, panels.size())).toArray(Figure.Panel[]::new));
        }
        return fig;
    }

    /** Variables over year that are indicators: not bounds, observations, status flags or a backtest's benchmarks. */
    static List<String> indicators(ResultFile f) {
        return f.data().variables().stream().filter(v -> v.dims().equals(List.of("year"))).map(v -> v.name())
                .filter(n -> !n.endsWith("_lower") && !n.endsWith("_upper") && !n.startsWith("observed_") && !n.startsWith("status_")
                        && BalanceOutputs.BENCHMARK_SUFFIXES.stream().noneMatch(n::endsWith))
                .toList();
    }

    /** A backtest's benchmarks, one thin line each with markers, where the file has them. */
    private static void benchmarks(XYChart chart, ResultFile f, String name, double[] years, Charts.Magnitude m) {
        for (int k = 0; k < BalanceOutputs.BENCHMARK_SUFFIXES.size(); k++) {
            String v = name + BalanceOutputs.BENCHMARK_SUFFIXES.get(k);
            if (!f.has(v)) {
                continue;
            }
            double[] values = f.values(v);
            int[] at = IntStream.range(0, years.length).filter(i -> Double.isFinite(values[i])).toArray();
            if (at.length > 0) {
                String label = BalanceOutputs.BENCHMARK_SUFFIXES.get(k).substring(1).replace('_', ' ') + " (benchmark)";
                Charts.dashed(chart, label, pick(years, at), m.apply(pick(values, at))).setLineColor(BENCHMARK_COLOURS[k]);
            }
        }
    }

    private static final Color[] BENCHMARK_COLOURS = {new Color(0x999999), new Color(0xb15928), new Color(0x6a3d9a)};

    static XYChart indicator(ResultFile f, String name) {
        double[] years = f.coordinate("year"), model = f.values(name);
        double[] observed = f.has("observed_" + name) ? f.values("observed_" + name) : null;
        double[] lower = f.has(name + "_lower") ? f.values(name + "_lower") : null, upper = lower == null ? null : f.values(name + "_upper");
        Charts.Magnitude m = Charts.Magnitude.of(model, observed == null ? new double[0] : observed, upper == null ? new double[0] : upper);
        String longName = String.valueOf(f.variable(name).attributes().getOrDefault("long_name", name)).replaceFirst(", model$", "");
        XYChart chart = Charts.xy(longName, f.coordinateTitle("year", "year"), ResultFile.axisTitle(name, m.units(f.units(name))));
        // beside the plot, not below it: nine entries below would leave the plot too short for its y title
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        Charts.yearAxis(chart);
        int[] band = lower == null ? new int[0] : IntStream.range(0, years.length).filter(i -> Double.isFinite(lower[i])).toArray();
        if (band.length > 0) {
            String label = String.format(Locale.ROOT, "%.0f %% band", 100 * f.number("confidence"));
            double[] bx = pick(years, band), lo = m.apply(pick(lower, band)), hi = m.apply(pick(upper, band));
            double[][] polygon = closed(bx, lo, hi);
            XYSeries fill = chart.addSeries(label, polygon[0], polygon[1]);
            fill.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea).setMarker(SeriesMarkers.NONE);
            Charts.colour(fill, BAND, BAND);
            Charts.line(chart, "lower bound", bx, lo).setLineColor(MODEL).setLineStyle(Charts.THIN).setShowInLegend(false);
            Charts.line(chart, "upper bound", bx, hi).setLineColor(MODEL).setLineStyle(Charts.THIN).setShowInLegend(false);
        }
        int firstForecast = band.length > 0 ? band[0] : years.length;
        int[] fit = IntStream.range(0, firstForecast).filter(i -> Double.isFinite(model[i])).toArray();
        if (fit.length > 0) {
            Charts.line(chart, "model (fit)", pick(years, fit), m.apply(pick(model, fit))).setLineColor(MODEL);
        }
        // from the last fitted year, so that the two lines join
        int[] ahead = band.length == 0 ? new int[0]
                : IntStream.rangeClosed(Math.max(0, firstForecast - 1), years.length - 1).filter(i -> Double.isFinite(model[i])).toArray();
        if (ahead.length > 0) {
            Charts.dashed(chart, "forecast", pick(years, ahead), m.apply(pick(model, ahead))).setLineColor(MODEL);
        }
        benchmarks(chart, f, name, years, m);
        if (observed != null) {
            // a backtest's observations after its cutoff were not fitted: hollow markers tell them apart
            double cutoff = Double.isNaN(f.number("backtest_cutoff")) ? Double.POSITIVE_INFINITY : f.number("backtest_cutoff");
            int[] seen = IntStream.range(0, years.length).filter(i -> Double.isFinite(observed[i]) && years[i] <= cutoff).toArray();
            int[] heldOut = IntStream.range(0, years.length).filter(i -> Double.isFinite(observed[i]) && years[i] > cutoff).toArray();
            if (seen.length > 0) {
                Charts.points(chart, heldOut.length > 0 ? "observed (fitted)" : "observed", pick(years, seen), m.apply(pick(observed, seen)))
                        .setMarkerColor(Color.BLACK);
            }
            if (heldOut.length > 0) {
                Charts.points(chart, "observed (held out)", pick(years, heldOut), m.apply(pick(observed, heldOut)))
                        .setMarker(new HollowCircle()).setMarkerColor(Color.BLACK);
            }
        }
        if (fit.length + ahead.length == 0 && chart.getSeriesMap().keySet().stream().noneMatch(k -> k.startsWith("observed"))) {
            throw new InputException(f.file() + ": series '" + name + "' holds no numbers (" + f.text("migration", "not modelled") + ")");
        }
        return chart;
    }

    /** The band as one closed polygon: the upper bound forwards, then the lower bound backwards. */
    static double[][] closed(double[] x, double[] lower, double[] upper) {
        int n = x.length;
        double[] px = new double[2 * n], py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        return new double[][] {px, py};
    }

    static double[] pick(double[] v, int[] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }

    static Figure groups(ResultFile f, int width) {
        double[] years = f.coordinate("year"), model = f.values("group_population"), total = f.values("population");
        double[] observed = f.has("observed_group_population") ? f.values("observed_group_population") : null;
        List<String> groups = f.labels("group");
        Charts.Magnitude m = Charts.Magnitude.of(total);
        XYChart chart = Charts.xy("population by age group", f.coordinateTitle("year", "year"),
                ResultFile.axisTitle("population", m.units(f.units("population"))));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        Charts.yearAxis(chart);
        Charts.line(chart, "total (Level I)", years, m.apply(total)).setLineColor(Color.BLACK);
        int n = years.length;
        for (int g = 0; g < groups.size(); g++) {
            double[] v = java.util.Arrays.copyOfRange(model, g * n, (g + 1) * n);
            Color colour = GROUPS[g % GROUPS.length];
            Charts.line(chart, groups.get(g) + " (model)", years, m.apply(v)).setLineColor(colour);
            if (observed != null) {
                double[] o = java.util.Arrays.copyOfRange(observed, g * n, (g + 1) * n);
                int[] seen = IntStream.range(0, n).filter(i -> Double.isFinite(o[i])).toArray();
                if (seen.length > 0) {
                    Charts.points(chart, groups.get(g) + " (observed)", pick(years, seen), m.apply(pick(o, seen))).setMarkerColor(colour);
                }
            }
        }
        Figure fig = new Figure(f.title(), f.file().getFileName() + ": group widths " + f.text("group_widths_years", "?")
                + ", rms " + f.text("group_rms_per_mille", "?") + " per mille", width);
        fig.row(width / 2, fig.chart(chart));
        return fig;
    }
}
