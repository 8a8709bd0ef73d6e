package org.popcast.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** A small table of text drawn as a panel: a caption, a header row and rows, columns as wide as their widest cell. */
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

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12), bold = plain.deriveFont(Font.BOLD);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(caption, 20, 24);
        FontMetrics fm = g.getFontMetrics(bold);
        int[] x = new int[header.size() + 1];
        x[0] = 20;
        for (int c = 0; c < header.size(); c++) {
            int w = fm.stringWidth(header.get(c));
            for (List<String> r : rows) {
                w = Math.max(w, fm.stringWidth(r.get(c)));
            }
            x[c + 1] = x[c] + w + 24;
        }
        int line = fm.getHeight() + 4, y = 52;
        g.setFont(bold);
        for (int c = 0; c < header.size(); c++) {
            g.drawString(header.get(c), x[c], y);
        }
        g.setColor(Color.GRAY);
        g.drawLine(x[0], y + 5, x[header.size()] - 24, y + 5);
        g.setColor(Color.BLACK);
        g.setFont(plain);
        for (List<String> r : rows) {
            y += line;
            if (y > height - 4) {
                break;
            }
            for (int c = 0; c < r.size(); c++) {
                g.drawString(r.get(c), x[c], y);
            }
        }
    }
}
