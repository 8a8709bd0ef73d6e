package org.popcast.cli.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XYChart that tells where its last paint put the plot, the axes, their tick labels and the
 * legend. XChart keeps these in protected parts; popcast needs them to fit its text and to check
 * that nothing was clipped. (The y axis is reachable only inside XChart's package; its title is
 * measured against the plot's height, which it runs along.)
 */
final class MeasuredChart extends XYChart {

    /** Tick labels of one axis: the pixel offset of each along the axis, from its start. */
    record Ticks(List<String> labels, List<Double> offsets) {
    }

    private static final String ANCHOR = "\u0000round ticks";

    private boolean years;

    /** Calendar years on x: steps of 5 or 10 years when the span allows, see {@link #yearSpacing}. */
    void years() {
        years = true;
    }

    /**
     * XChart steps 1, 2 or 5 x 10^k by a pixel hint; over 10 years or more a hint of five years'
     * width makes it step 5 (or 10 when labels would crowd), never 2 (2024 2026 2028).
     */
    private void yearSpacing(int width) {
        double[] x = getSeriesMap().values().stream().flatMapToDouble(s -> Arrays.stream(s.getXData())).filter(Double::isFinite).toArray();
        double span = Arrays.stream(x).max().orElse(0) - Arrays.stream(x).min().orElse(0);
        if (span >= 10) {
            getStyler().setXAxisTickMarkSpacingHint((int) Math.max(74, Math.ceil(5 * width / span)));
        }
    }

    MeasuredChart(int width, int height) {
        super(width, height);
    }

    /**
     * XChart labels every k-th data point instead of round numbers when the x values of all series
     * together are equally spaced (2024 2026 2028 2031 for a 0.5-year grid). A point that draws
     * nothing, half a spacing after the first x and y, breaks that spacing (on both axes) for the
     * length of one paint, so XChart steps in round numbers (1, 2 or 5 x 10^k); the series map is
     * left as it was.
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        if (years) {
            yearSpacing(width);
        }
        double[] xs = firstTwo(true), ys = firstTwo(false);
        if (xs.length < 2 || ys.length < 2) {
            super.paint(g, width, height);
            return;
        }
        XYSeries anchor = addSeries(ANCHOR, new double[] {(xs[0] + xs[1]) / 2}, new double[] {(ys[0] + ys[1]) / 2});
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.NONE).setShowInLegend(false);
        try {
            super.paint(g, width, height);
        } finally {
            removeSeries(ANCHOR);
        }
    }

    /** The two smallest distinct finite x (or y) values of all series. */
    private double[] firstTwo(boolean x) {
        return getSeriesMap().values().stream().flatMapToDouble(s -> Arrays.stream(x ? s.getXData() : s.getYData())).filter(Double::isFinite)
                .sorted().distinct().limit(2).toArray();
    }

    Rectangle2D plotBounds() {
        return plot.getBounds();
    }

    Rectangle2D legendBounds() {
        return legend.getBounds();
    }

    Rectangle2D xAxisBounds() {
        return axisPair.getXAxis().getBounds();
    }

    Ticks xTicks() {
        return ticks(axisPair.getXAxis());
    }

    private static Ticks ticks(Axis<?, ?> axis) {
        AxisTickCalculator c = axis.getAxisTickCalculator();
        return c == null ? new Ticks(List.of(), List.of()) : new Ticks(List.copyOf(c.getTickLabels()), List.copyOf(c.getTickLocations()));
    }
}
