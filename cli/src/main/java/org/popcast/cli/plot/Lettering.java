package org.popcast.cli.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/**
 * Text drawn by popcast's own panels (tables, colour maps, the figure's title): as glyph outlines,
 * as XChart draws its text, so that SVG and PDF need no font on the reader's machine; and noted in
 * the graphics' {@link TextLog}, if it carries one, against the area the text must stay inside.
 */
final class Lettering {

    private Lettering() {
    }

    static double width(Graphics2D g, Font font, String text) {
        return text.isEmpty() ? 0 : layout(g, font, text).getAdvance();
    }

    /** {@code font}, or a smaller size of it (down to {@code smallest} pt) at which {@code text} is at most {@code room} wide. */
    static Font fitted(Graphics2D g, Font font, String text, double room, float smallest) {
        Font f = font;
        while (f.getSize2D() > smallest && width(g, f, text) > room) {
            f = f.deriveFont(Math.max(smallest, f.getSize2D() - 0.5f));
        }
        return f;
    }

    /** The height of a line of {@code font}: ascent plus descent. */
    static double lineHeight(Graphics2D g, Font font) {
        return g.getFontMetrics(font).getAscent() + g.getFontMetrics(font).getDescent();
    }

    /** Draws {@code text} with its baseline starting at (x, y), inside {@code area}. */
    static void draw(Graphics2D g, Font font, String text, double x, double y, Rectangle2D area) {
        if (text.isEmpty()) {
            return;
        }
        Shape outline = layout(g, font, text).getOutline(AffineTransform.getTranslateInstance(x, y));
        g.fill(outline);
        note(g, font, text, box(g, font, text, x, y), area);
    }

    /** Draws {@code text} turned a quarter left (reading upwards), centred on (cx, cy), inside {@code area}. */
    static void drawUpwards(Graphics2D g, Font font, String text, double cx, double cy, Rectangle2D area) {
        if (text.isEmpty()) {
            return;
        }
        TextLayout t = layout(g, font, text);
        AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
        at.rotate(-Math.PI / 2);
        at.translate(-t.getAdvance() / 2, (t.getAscent() - t.getDescent()) / 2);
        g.fill(t.getOutline(at));
        note(g, font, text, at.createTransformedShape(box(g, font, text, 0, 0)).getBounds2D(), area);
    }

    /** The box of the line: advance wide, from the ascent above the baseline to the descent below. */
    private static Rectangle2D box(Graphics2D g, Font font, String text, double x, double y) {
        TextLayout t = layout(g, font, text);
        return new Rectangle2D.Double(x, y - t.getAscent(), t.getAdvance(), t.getAscent() + t.getDescent());
    }

    static void note(Graphics2D g, Font font, String text, Rectangle2D box, Rectangle2D area) {
        TextLog log = TextLog.of(g);
        if (log != null) {
            log.add(text, font, box, area);
        }
    }

    private static TextLayout layout(Graphics2D g, Font font, String text) {
        return new TextLayout(text, font, g.getFontRenderContext());
    }
}
