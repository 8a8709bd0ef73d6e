package org.popcast.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Values to colours on a perceptually uniform scale (viridis, interpolated between five of its
 * colours) and the colour bar that explains it.
 */
final class ColourScale implements Figure.Panel {


    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
            new Color(0x5ec962), new Color(0xfde725)};

    private final double min;
    private final double max;
    private final Charts.Magnitude magnitude;
    private final String label;

    /** @param magnitude what the values were divided by (the label names it) */
    ColourScale(double min, double max, Charts.Magnitude magnitude, String label) {
        this.min = min;
        this.max = max > min ? max : min + 1;
        this.magnitude = magnitude;
        this.label = label;
    }

    Charts.Magnitude magnitude() {
        return magnitude;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** The colour of a value; NaN is light grey. */
    Color colour(double value) {
        if (Double.isNaN(value)) {
            return Color.LIGHT_GRAY;
        }
        double f = Math.max(0, Math.min(1, (value - min) / (max - min))) * (VIRIDIS.length - 1);
        int i = Math.min((int) f, VIRIDIS.length - 2);
        double w = f - i;
        Color a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
    }

    /** A vertical bar with round-number tick labels and the label turned along it. */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int top = 40, bottom = height - 60, x = 10, w = 18;
        for (int y = top; y <= bottom; y++) {
            g.setColor(colour(max - (max - min) * (y - top) / (double) (bottom - top)));
            g.fillRect(x, y, w, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, top, w, bottom - top);
        Font font = Typeface.plain(11);
        Rectangle2D panel = new Rectangle2D.Double(0, 0, width, height);
        double[] ticks = ColourMap.ticks(min, max, 4, false);
        for (double t : ticks) {
            int y = bottom - (int) Math.round((bottom - top) * (t - min) / (max - min));
            g.drawLine(x + w, y, x + w + 4, y);
            Lettering.draw(g, font, Charts.number(t), x + w + 6, y + 4, panel);
        }
        // the label runs along the bar; a long one gets a smaller font (8 pt at least) rather than leave the panel
        Rectangle2D along = new Rectangle2D.Double(0, top - 30, width, bottom - top + 60);
        Font labelFont = Lettering.fitted(g, font, label, along.getHeight(), 8);
        Lettering.drawUpwards(g, labelFont, label, width - 12, (top + bottom) / 2.0, along);
    }
}
