package org.popcast.cli.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every piece of text a figure lays out, with the box it takes and the area it must stay inside,
 * so that a test can say "nothing clipped, no replacement glyph" without looking at pixels. It
 * travels with the Graphics2D as a rendering hint, which create() copies into every panel's region.
 */
public final class TextLog {

    /** One string as laid out: its box and the area it has to fit, both in the coordinates of the panel drawing it. */
    public record Placed(String panel, String text, Font font, Rectangle2D box, Rectangle2D area) {

        /** Half a pixel of slack: anti-aliased outlines may touch the border. */
        boolean fits() {
            return box.getMinX() >= area.getMinX() - 0.5 && box.getMinY() >= area.getMinY() - 0.5 && box.getMaxX() <= area.getMaxX() + 0.5
                    && box.getMaxY() <= area.getMaxY() + 0.5;
        }

        /** Font.canDisplayUpTo is -1 when every character has a glyph (no box drawn). */
        boolean glyphs() {
            return font.canDisplayUpTo(text) == -1;
        }
    }

    static final RenderingHints.Key KEY = new RenderingHints.Key(0x706f70) {
        @Override
        public boolean isCompatibleValue(Object value) {
            return value instanceof TextLog;
        }
    };

    private final List<Placed> placed = new ArrayList<>();
    private String panel = "";

    /** The log the graphics carries, or null when nobody is checking. */
    static TextLog of(Graphics2D g) {
        return g.getRenderingHint(KEY) instanceof TextLog log ? log : null;
    }

    void attach(Graphics2D g) {
        g.setRenderingHint(KEY, this);
    }

    void panel(String name) {
        panel = name;
    }

    void add(String text, Font font, Rectangle2D box, Rectangle2D area) {
        if (!text.isEmpty()) {
            placed.add(new Placed(panel, text, font, box, area));
        }
    }

    public List<Placed> placed() {
        return List.copyOf(placed);
    }

    /** One line per string that does not fit its area or has a character its font cannot draw; empty when all is well. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Placed p : placed) {
            if (!p.fits()) {
                out.add(String.format(Locale.ROOT, "%s: '%s' at [%.0f, %.0f .. %.0f, %.0f] leaves its area [%.0f, %.0f .. %.0f, %.0f]",
                        p.panel(), p.text(), p.box().getMinX(), p.box().getMinY(), p.box().getMaxX(), p.box().getMaxY(),
                        p.area().getMinX(), p.area().getMinY(), p.area().getMaxX(), p.area().getMaxY()));
            }
            if (!p.glyphs()) {
                out.add(p.panel() + ": '" + p.text() + "' has a character " + p.font().getFontName() + " cannot draw (at "
                        + p.font().canDisplayUpTo(p.text()) + ")");
            }
        }
        return out;
    }
}
