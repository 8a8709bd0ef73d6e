package org.popcast.cli.plot;

import java.awt.Color;
import java.util.Map;

import org.knowm.xchart.XYChart;

/** Predicted against observed values, one point series per group, with the line y = x that a perfect model lies on. */
final class ObservedVsPredicted {

    private ObservedVsPredicted() {
    }

    /** @param series name to {observed, predicted} */
    static XYChart chart(String title, String observedTitle, String predictedTitle, Map<String, double[][]> series, boolean logarithmic) {
        XYChart c = Charts.xy(title, observedTitle, predictedTitle);
        c.getStyler().setXAxisLogarithmic(logarithmic).setYAxisLogarithmic(logarithmic)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[][] xy : series.values()) {
            for (double[] v : xy) {
                for (double x : v) {
                    if (Double.isFinite(x) && (!logarithmic || x > 0)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
            }
        }
        if (lo > hi) {
            lo = logarithmic ? 1 : 0;
            hi = logarithmic ? 10 : 1;
        }
        Charts.line(c, "y = x", new double[] {lo, hi}, new double[] {lo, hi}).setLineColor(Color.GRAY).setLineStyle(Charts.DASHED);
        series.forEach((name, xy) -> Charts.points(c, name, xy[0], xy[1]));
        return c;
    }
}
