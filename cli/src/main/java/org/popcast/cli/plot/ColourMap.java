package org.popcast.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A grid (x outer, y inner, row-major as in the result files) drawn as one image, one pixel per
 * grid cell scaled by Java2D, with its own axes and colour bar. XChart's HeatMapChart draws one
 * rectangle per cell (measured: 0.6 s for 12,000 cells, so about 15 s and tens of MB of SVG for
 * the 301 x 1001 default PDE grid) and labels every row, so every value goes into one image instead.
 */
final class ColourMap implements Figure.Panel {

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final double[] x;
    private final double[] y;
    private final double[] values;
    private final ColourScale scale;
    private final BufferedImage image;

    ColourMap(String title, String xTitle, String yTitle, double[] x, double[] y, double[] values, ColourScale scale) {
        if (values.length != x.length * y.length) {
            throw new IllegalArgumentException("grid of " + values.length + " values is not " + x.length + " x " + y.length);
        }
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.x = x.clone();
        this.y = y.clone();
        this.values = values.clone();
        this.scale = scale;
        image = new BufferedImage(x.length, y.length, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                // image rows run downwards, y upwards
                image.setRGB(i, y.length - 1 - j, scale.colour(values[i * y.length + j]).getRGB());
            }
        }
    }

    /** The value drawn at grid point (i, j) (tests). */
    double value(int i, int j) {
        return values[i * y.length + j];
    }

    /** The colour (RGB) drawn at grid point (i, j) (tests). */
    int rgb(int i, int j) {
        return image.getRGB(i, y.length - 1 - j) & 0xffffff;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font titleFont = Typeface.bold(14), axisFont = Typeface.bold(12), tickFont = Typeface.plain(11);
        int bar = 110, left = 70, right = width - bar - 20, top = 30, bottom = height - 50;
        Rectangle2D panel = new Rectangle2D.Double(0, 0, right + 20, height);
        g.setColor(Color.BLACK);
        Lettering.draw(g, titleFont, title, left + (right - left - Lettering.width(g, titleFont, title)) / 2, 20, panel);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, left, top, right - left, bottom - top, null);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        double x0 = x[0], x1 = x[x.length - 1], y0 = y[0], y1 = y[y.length - 1], ascent = g.getFontMetrics(tickFont).getAscent();
        for (double t : ticks(x0, x1, Math.max(2, (right - left) / 90), true)) {
            int px = left + (int) Math.round((t - x0) / (x1 - x0) * (right - left));
            String s = label(t);
            g.drawLine(px, bottom, px, bottom + 4);
            Lettering.draw(g, tickFont, s, px - Lettering.width(g, tickFont, s) / 2, bottom + 6 + ascent, panel);
        }
        for (double a : ticks(y0, y1, Math.max(2, (bottom - top) / 50), true)) {
            int py = bottom - (int) Math.round((a - y0) / (y1 - y0) * (bottom - top));
            String s = label(a);
            g.drawLine(left - 4, py, left, py);
            Lettering.draw(g, tickFont, s, left - 6 - Lettering.width(g, tickFont, s), py + ascent / 2 - 1, panel);
        }
        g.setColor(Color.BLACK);
        Lettering.draw(g, axisFont, xTitle, left + (right - left - Lettering.width(g, axisFont, xTitle)) / 2, height - 12, panel);
        // the y title reads upwards along the map, within the map's height
        Lettering.drawUpwards(g, axisFont, yTitle, 12, (top + bottom) / 2.0, new Rectangle2D.Double(0, top, left, bottom - top));
        Graphics2D barRegion = (Graphics2D) g.create(right + 20, 0, bar, height);
        try {
            scale.paint(barRegion, bar, height);
        } finally {
            barRegion.dispose();
        }
    }

    /**
     * Round tick values (1, 2, 2.5 or 5 times a power of ten apart) inside [lo, hi], about
     * {@code count} of them; {@code whole}: years and ages, so whole steps of 1, 5 or 10 (then 20, 25, 50, ...)
     * (2020 2030 2040, never 2027.5).
     */
    static double[] ticks(double lo, double hi, int count, boolean whole) {
        double raw = (hi - lo) / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
        // whole units step 1, 5 or 10, not 2 (2024 2026 2028); 20 and 25 are fine from 10 up
        boolean unit = whole && power < 10;
        double step = raw / power < 1.5 ? power : unit ? (raw / power < 7.5 ? 5 * power : 10 * power)
                : raw / power < 2.25 ? 2 * power : raw / power < 3.5 ? 2.5 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        if (whole) {
            step = Math.max(1, step);
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (Math.round(first / step) + i) * step; // exact multiples: no 2.4999999 or -1e-17 ("-0")
        }
        return t;
    }

    private static String label(double v) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
