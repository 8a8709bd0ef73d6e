package org.popcast.cli.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * An XChart chart as a figure panel. Before drawing it makes the text fit the space the panel has:
 * an axis title longer than its axis gets a smaller font (down to {@link #SMALLEST}), since XChart
 * would centre it and let both ends run off the panel. After drawing it notes its text in the
 * figure's {@link TextLog}: titles against the axis they run along, tick labels against the panel
 * and each other, legend entries against the panel.
 */
final class ChartPanel implements Figure.Panel {

    static final float SMALLEST = 9f;

    private final MeasuredChart chart;
    /** The axis title font as the chart was built: each paint fits from it, so a wide panel after a narrow one gets it back. */
    private final Font axisTitleFont;

    ChartPanel(MeasuredChart chart) {
        this.chart = chart;
        this.axisTitleFont = chart.getStyler().getAxisTitleFont();
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Charts.roundTicks(chart);
        fitAxisTitles(width, height);
        chart.paint(g, width, height);
        TextLog log = TextLog.of(g);
        if (log != null) {
            log.panel(chart.getTitle());
            note(g, log, width, height);
        }
    }

    /** Shrinks the axis title font until the y title fits the plot's height and the x title its width. */
    private void fitAxisTitles(int width, int height) {
        XYStyler s = chart.getStyler();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        for (float size = axisTitleFont.getSize2D(); ; size -= 0.5f) {
            s.setAxisTitleFont(axisTitleFont.deriveFont(size));
            Graphics2D g = scratch.createGraphics();
            try {
                chart.paint(g, width, height);
                Rectangle2D plot = chart.plotBounds();
                Font f = s.getAxisTitleFont();
                boolean fits = Lettering.width(g, f, chart.getYAxisTitle()) <= plot.getHeight()
                        && Lettering.width(g, f, chart.getXAxisTitle()) <= plot.getWidth();
                if (fits || size <= SMALLEST) {
                    return;
                }
            } finally {
                g.dispose();
            }
        }
    }

    private void note(Graphics2D g, TextLog log, int width, int height) {
        XYStyler s = chart.getStyler();
        Rectangle2D panel = new Rectangle2D.Double(0, 0, width, height), plot = chart.plotBounds();
        Font titleFont = s.getChartTitleFont(), axisFont = s.getAxisTitleFont(), tickFont = s.getAxisTickLabelsFont();
        double titleWidth = Lettering.width(g, titleFont, chart.getTitle());
        Lettering.note(g, titleFont, chart.getTitle(), new Rectangle2D.Double(plot.getCenterX() - titleWidth / 2, s.getChartPadding(),
                titleWidth, Lettering.lineHeight(g, titleFont)), panel);
        // the y title runs upwards along the plot's left side, centred on it
        double yTitle = Lettering.width(g, axisFont, chart.getYAxisTitle()), axisLine = Lettering.lineHeight(g, axisFont);
        Lettering.note(g, axisFont, chart.getYAxisTitle(), new Rectangle2D.Double(s.getChartPadding(), plot.getCenterY() - yTitle / 2,
                axisLine, yTitle), new Rectangle2D.Double(0, plot.getMinY(), width, plot.getHeight()));
        double xTitle = Lettering.width(g, axisFont, chart.getXAxisTitle());
        Rectangle2D xAxis = chart.xAxisBounds();
        Lettering.note(g, axisFont, chart.getXAxisTitle(), new Rectangle2D.Double(plot.getCenterX() - xTitle / 2,
                xAxis.getMaxY() - axisLine, xTitle, axisLine), new Rectangle2D.Double(plot.getMinX(), 0, plot.getWidth(), height));
        noteXTicks(g, tickFont, xAxis, panel);
        if (s.isLegendVisible()) {
            Font legendFont = s.getLegendFont();
            for (XYSeries series : chart.getSeriesMap().values()) {
                if (series.isShowInLegend()) {
                    Lettering.note(g, legendFont, series.getName(), chart.legendBounds(), panel);
                }
            }
        }
    }

    /**
     * X tick labels are centred on their ticks: each must stay inside the panel and clear of its
     * neighbour by a few pixels (XChart leaves 10 % of the widest label; popcast wants a visible gap).
     */
    private void noteXTicks(Graphics2D g, Font font, Rectangle2D xAxis, Rectangle2D panel) {
        MeasuredChart.Ticks ticks = chart.xTicks();
        double previousEnd = Double.NEGATIVE_INFINITY, line = Lettering.lineHeight(g, font);
        List<String> labels = ticks.labels();
        for (int i = 0; i < labels.size(); i++) {
            double at = ticks.offsets().get(i);
            if (labels.get(i) == null || labels.get(i).isEmpty() || at < 0 || at > xAxis.getWidth()) {
                continue; // XChart draws only the ticks on the axis
            }
            double w = Lettering.width(g, font, labels.get(i)), x = xAxis.getMinX() + at - w / 2;
            Rectangle2D box = new Rectangle2D.Double(x, xAxis.getMinY(), w, line);
            // the area a label may use: the panel, and to the right of the previous label
            double from = Math.max(panel.getMinX(), previousEnd + MIN_GAP);
            Rectangle2D area = new Rectangle2D.Double(from, panel.getMinY(), panel.getMaxX() - from, panel.getHeight());
            Lettering.note(g, font, labels.get(i), box, area);
            previousEnd = box.getMaxX();
        }
    }

    private static final double MIN_GAP = 4;
}
