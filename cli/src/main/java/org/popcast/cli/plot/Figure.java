package org.popcast.cli.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.internal.chartpart.Chart;
import org.popcast.data.io.AtomicFile;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

/**
 * Several charts composed into one picture under a title: rows of panels, each panel drawn into its
 * own region of one canvas, a BufferedImage for PNG or a VectorGraphics2D (XChart's own vector back end)
 * for SVG and PDF. The charts stay reachable so that tests can compare the plotted series with the file.
 */
public final class Figure {

    /** Something that draws itself into a region of the given size whose origin is (0, 0). */
    @FunctionalInterface
    public interface Panel {
        void paint(Graphics2D g, int width, int height);
    }

    private static final int HEADER = 56;

    private record Row(int height, double[] weights, List<Panel> panels) {
    }

    private final String title;
    private final String subtitle;
    private final int width;
    private final List<Row> rows = new ArrayList<>();
    private final List<Chart<?, ?>> charts = new ArrayList<>();

    public Figure(String title, String subtitle, int width) {
        this.title = title;
        this.subtitle = subtitle;
        this.width = width;
    }

    /** A row of panels sharing the width equally. */
    public Figure row(int height, Panel... panels) {
        double[] w = new double[panels.length];
        Arrays.fill(w, 1);
        return row(height, w, panels);
    }

    /** A row of panels whose widths are in the proportion of {@code weights}. */
    public Figure row(int height, double[] weights, Panel... panels) {
        rows.add(new Row(height, weights.clone(), List.of(panels)));
        return this;
    }

    /** A chart as a panel; it is kept for {@link #charts()}. popcast's own charts fit their text to the panel first. */
    public Panel chart(Chart<?, ?> chart) {
        charts.add(chart);
        return chart instanceof MeasuredChart m ? new ChartPanel(m) : chart::paint;
    }

    /** Every panel, charts and others, row by row. */
    public List<Panel> panels() {
        return rows.stream().flatMap(r -> r.panels().stream()).toList();
    }

    public List<Chart<?, ?>> charts() {
        return List.copyOf(charts);
    }

    /** The chart whose title starts with {@code prefix} (tests). */
    public Chart<?, ?> chart(String prefix) {
        return charts.stream().filter(c -> c.getTitle().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chart titled " + prefix + "...; charts: "
                        + charts.stream().map(Chart::getTitle).toList()));
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return HEADER + rows.stream().mapToInt(Row::height).sum();
    }

    /** Draws the title and every panel onto {@code g}, a canvas of {@link #width()} x {@link #height()}. */
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height());
        TextLog log = TextLog.of(g);
        if (log != null) {
            log.panel("figure header");
        }
        Rectangle2D header = new Rectangle2D.Double(0, 0, width, HEADER);
        g.setColor(Color.BLACK);
        // a long title (a file's path in it) gets a smaller font rather than run off the picture
        Lettering.draw(g, Lettering.fitted(g, Typeface.bold(18), title, width - 32, 11), title, 16, 26, header);
        g.setColor(Color.DARK_GRAY);
        Lettering.draw(g, Lettering.fitted(g, Typeface.plain(12), subtitle, width - 32, 8), subtitle, 16, 46, header);
        int y = HEADER, index = 0;
        for (Row row : rows) {
            double total = Arrays.stream(row.weights()).sum();
            int x = 0;
            for (int i = 0; i < row.panels().size(); i++) {
                int w = i == row.panels().size() - 1 ? width - x : (int) Math.round(width * row.weights()[i] / total);
                if (log != null) {
                    log.panel("panel " + ++index);
                }
                Graphics2D region = (Graphics2D) g.create(x, y, w, row.height());
                try {
                    row.panels().get(i).paint(region, w, row.height());
                } finally {
                    region.dispose();
                }
                x += w;
            }
            y += row.height();
        }
    }

    /** Writes the figure as PNG, SVG or PDF (by the extension), through a temporary file renamed when complete. */
    public void write(Path out) throws IOException {
        ImageFormat format = ImageFormat.of(out);
        if (format == null) {
            throw new IllegalArgumentException(out + ": the picture format follows the extension, .png, .svg or .pdf");
        }
        byte[] bytes = switch (format) {
            case PNG -> png();
            case SVG -> svg();
            case PDF -> pdf();
        };
        AtomicFile.write(out, tmp -> Files.write(tmp, bytes));
    }

    /**
     * Lays the figure out without writing it and returns every piece of text with its box and
     * area (tests: nothing clipped, no character the font lacks).
     */
    public TextLog layout() {
        TextLog log = new TextLog();
        Graphics2D g = new BufferedImage(width, height(), BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            log.attach(g);
            paint(g);
        } finally {
            g.dispose();
        }
        return log;
    }

    byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(width, height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * PDF by the same vector back end as SVG (VectorGraphics2D, which XChart uses for its own PDF
     * export): one page the size of the figure in points (1200 px wide: 42 cm), text as outlines, so no font is embedded
     * and Chinese names need none on the reader's machine.
     */
    byte[] pdf() throws IOException {
        // VectorGraphics2D's PDF user unit is the millimetre: scaled so that a pixel of the figure is a point
        double mmPerPoint = 25.4 / 72;
        VectorGraphics2D g = new VectorGraphics2D();
        g.scale(mmPerPoint, mmPerPoint);
        paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PDFProcessor(true).getDocument(g.getCommands(), new PageSize(0, 0, width * mmPerPoint, height() * mmPerPoint)).writeTo(out);
        return out.toByteArray();
    }

    byte[] svg() throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height())).writeTo(out);
        // XChart draws text as outlines, so the SVG would hold no words; a <title> element names the picture
        // for viewers, screen readers and searches.
        String svg = out.toString(StandardCharsets.UTF_8);
        int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        return (svg.substring(0, open) + "\n  <title>" + escape(title) + "</title>" + svg.substring(open)).getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
