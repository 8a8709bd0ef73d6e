package org.popcast.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** A paragraph of text wrapped at word boundaries to the panel's width (a verdict under a chart). */
final class Paragraph implements Figure.Panel {

    private static final int MARGIN = 20;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final String text;
    private final Font font = Typeface.plain(12);

    Paragraph(String text) {
        this.text = text;
    }

    /** The height the paragraph needs at a width, so the figure can give its row that much. */
    int height(int width) {
        return (int) Math.ceil(lines(width).size() * lineHeight() + 2 * MARGIN / 2.0);
    }

    private double lineHeight() {
        return font.getLineMetrics("Hg", MEASURE).getHeight() * 1.15;
    }

    /** Greedy wrapping: as many words a line as fit inside the margins. */
    List<String> lines(int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringBounds(tried, MEASURE).getWidth() > width - 2 * MARGIN) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        double y = MARGIN / 2.0 + g.getFontMetrics(font).getAscent();
        for (String line : lines(width)) {
            Lettering.draw(g, font, line, MARGIN, y, area);
            y += lineHeight();
        }
    }
}
