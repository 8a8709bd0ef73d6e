package org.popcast.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The house style of popcast's charts and the few series shapes they share. */
final class Charts {

    static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
    static final BasicStroke THIN = new BasicStroke(0.8f);

    private Charts() {
    }

    static MeasuredChart xy(String title, String xTitle, String yTitle) {
        MeasuredChart c = new MeasuredChart(600, 400);
        c.setTitle(title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle(yTitle);
        c.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE)
                .setLegendBorderColor(Color.LIGHT_GRAY).setChartTitleFont(Typeface.bold(14)).setLegendFont(Typeface.plain(11))
                .setBaseFont(Typeface.plain(11));
        c.getStyler().setAxisTitleFont(Typeface.bold(12)).setAxisTickLabelsFont(Typeface.plain(11)).setAnnotationTextFont(Typeface.plain(11));
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        c.getStyler().setMarkerSize(5);
        return c;
    }

    /** Calendar years on the x axis: 2030, not 2,030, whole years only, in steps of 5 or 10 years. */
    static XYChart yearAxis(XYChart c) {
        c.getStyler().setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : "");
        if (c instanceof MeasuredChart m) {
            m.years();
        }
        return c;
    }

    /**
     * Round-number ticks (1, 2 or 5 x 10^k apart) on every linear axis. Without a formatting
     * function XChart labels every k-th data point when the x values are equally spaced, which
     * gives ticks at 2024 2026 2028 2031 or steps 1 9 17 25; with one it steps in round numbers.
     * Logarithmic axes keep XChart's decades.
     */
    static void roundTicks(XYChart c) {
        XYStyler s = c.getStyler();
        if (s.getxAxisTickLabelsFormattingFunction() == null && !s.isXAxisLogarithmic()) {
            s.setxAxisTickLabelsFormattingFunction(Charts::number);
        }
        if (s.getyAxisTickLabelsFormattingFunction() == null && !s.isYAxisLogarithmic()) {
            s.setyAxisTickLabelsFormattingFunction(Charts::number);
        }
    }

    /** 1,250 or 0.025: grouping for thousands, no trailing zeros, and no "-0". */
    static String number(double x) {
        return NUMBER.get().format(x == 0 ? 0 : x);
    }

    // DecimalFormat is not thread-safe; the tests render in parallel
    private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** A line without markers. */
    static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        return s;
    }

    static XYSeries dashed(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = line(c, name, x, y);
        s.setLineStyle(DASHED);
        return s;
    }

    static XYSeries points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    static XYSeries colour(XYSeries s, Color line, Color fill) {
        s.setLineColor(line);
        s.setFillColor(fill);
        return s;
    }

    /**
     * Tick labels without sign: XChart stops only once labels are distinct, so negative ones get a
     * trailing space (a plain one: the bundled font has no thin space).
     */
    static void unsignedTicks(XYChart c) {
        c.getStyler().setxAxisTickLabelsFormattingFunction(x -> number(Math.abs(x)) + (x < 0 ? " " : ""));
    }

    /** Thousands, millions or billions for counts of persons, so that tick labels stay short. */
    record Magnitude(double factor, String word) {
        static Magnitude of(double largest) {
            double a = Math.abs(largest);
            return a >= 2e9 ? new Magnitude(1e9, "billion ") : a >= 2e6 ? new Magnitude(1e6, "million ")
                    : a >= 2e4 ? new Magnitude(1e3, "thousand ") : new Magnitude(1, "");
        }

        static Magnitude of(double[]... values) {
            double max = 0;
            for (double[] v : values) {
                for (double x : v) {
                    max = Double.isFinite(x) ? Math.max(max, Math.abs(x)) : max;
                }
            }
            return of(max);
        }

        double[] apply(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] / factor;
            }
            return out;
        }

        /** "million persons per year" from "persons per year". */
        String units(String units) {
            return word + units;
        }
    }
}
