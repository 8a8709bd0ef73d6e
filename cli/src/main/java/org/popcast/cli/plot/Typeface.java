package org.popcast.cli.plot;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every plot: Noto Sans CJK SC (OFL 1.1), subset to GB 2312 and Latin and
 * bundled in the jar. The JDK's logical "SansSerif" draws Chinese city names as boxes on a machine
 * without a CJK font (CI, Docker) and looks different on every machine; a bundled face draws the
 * same picture everywhere.
 */
final class Typeface {

    private static final Font REGULAR = load("NotoSansSC-Regular.otf");
    private static final Font BOLD = load("NotoSansSC-Bold.otf");

    private Typeface() {
    }

    static Font plain(float size) {
        return REGULAR.deriveFont(size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    private static Font load(String name) {
        try (InputStream in = Typeface.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the plot font " + name + " is missing from popcast's jar");
            }
            // CFF-flavoured OpenType loads as TRUETYPE_FONT: the constant names the sfnt container
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the plot font " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
