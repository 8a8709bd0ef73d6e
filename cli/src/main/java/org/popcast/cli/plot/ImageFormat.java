package org.popcast.cli.plot;

import java.nio.file.Path;
import java.util.Locale;

/** The picture formats popcast writes, chosen by the file's extension. */
public enum ImageFormat {
    PNG, SVG, PDF;

    /** The format of {@code file}, or null when its extension is not .png, .svg or .pdf. */
    public static ImageFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") ? PNG : name.endsWith(".svg") ? SVG : name.endsWith(".pdf") ? PDF : null;
    }

    /** {@code file} with its extension (if any) replaced by .png: the default picture of a result. */
    public static Path defaultFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
    }
}
