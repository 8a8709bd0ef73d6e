package org.popcast.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A small table of text drawn as a panel: a caption, a header row and rows, columns as wide as their
 * widest cell; the font shrinks (to 8 pt at least) until the table fits the panel's width.
 */
final class TextTable implements Figure.Panel {

    private final String caption;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String caption, List<String> header) {
        this.caption = caption;
        this.header = List.copyOf(header);
    }

    TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row " + row + " has not the " + header.size() + " cells of " + header);
        }
        rows.add(List.copyOf(row));
        return this;
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** The widest the text may get; smaller sizes are tried until the table fits its panel. */
    private static final float LARGEST = 12f;
    private static final float SMALLEST = 8f;
    private static final int MARGIN = 20;
    private static final int COLUMN_GAP = 18;

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        float size = LARGEST;
        while (size > SMALLEST && (naturalWidth(g, size) > width - 2 * MARGIN
                || Lettering.width(g, Typeface.bold(size + 2), caption) > width - 2 * MARGIN)) {
            size -= 0.5f;
        }
        Font plain = Typeface.plain(size), bold = Typeface.bold(size), captionFont = Typeface.bold(size + 2);
        Rectangle2D panel = new Rectangle2D.Double(0, 0, width, height);
        g.setColor(Color.BLACK);
        Lettering.draw(g, captionFont, caption, MARGIN, 24, panel);
        double[] x = columns(g, size);
        double line = Lettering.lineHeight(g, bold) + 4, y = 52;
        for (int c = 0; c < header.size(); c++) {
            Lettering.draw(g, bold, header.get(c), x[c], y, panel);
        }
        g.setColor(Color.GRAY);
        g.drawLine(MARGIN, (int) y + 5, (int) (x[header.size()] - COLUMN_GAP), (int) y + 5);
        g.setColor(Color.BLACK);
        for (List<String> r : rows) {
            y += line;
            if (y > height - 4) {
                break;
            }
            for (int c = 0; c < r.size(); c++) {
                Lettering.draw(g, plain, r.get(c), x[c], y, panel);
            }
        }
    }

    /** Where each column starts (and, last, where the table ends plus a gap) at a font size. */
    private double[] columns(Graphics2D g, float size) {
        Font bold = Typeface.bold(size), plain = Typeface.plain(size);
        double[] x = new double[header.size() + 1];
        x[0] = MARGIN;
        for (int c = 0; c < header.size(); c++) {
            double w = Lettering.width(g, bold, header.get(c));
            for (List<String> r : rows) {
                w = Math.max(w, Lettering.width(g, plain, r.get(c)));
            }
            x[c + 1] = x[c] + w + COLUMN_GAP;
        }
        return x;
    }

    private double naturalWidth(Graphics2D g, float size) {
        double[] x = columns(g, size);
        return x[x.length - 1] - COLUMN_GAP - MARGIN;
    }
}
