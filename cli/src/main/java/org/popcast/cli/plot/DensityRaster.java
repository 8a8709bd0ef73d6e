package org.popcast.cli.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A colour map of a grid (x outer, y inner, row-major as in the result files) drawn into an XY
 * chart's plot area, one pixel per grid cell, scaled by Java2D. XChart's HeatMapChart draws one
 * rectangle per cell (measured: 0.6 s for 12,000 cells, so about 15 s and tens of MB of SVG for
 * the 301 x 1001 default PDE grid), so every value goes into one image instead.
 */
final class DensityRaster extends Annotation {

    private final double[] x;
    private final double[] y;
    private final double[] values;
    private final BufferedImage image;

    DensityRaster(double[] x, double[] y, double[] values, ColourScale scale) {
        super(false);
        if (values.length != x.length * y.length) {
            throw new IllegalArgumentException("grid of " + values.length + " values is not " + x.length + " x " + y.length);
        }
        this.x = x.clone();
        this.y = y.clone();
        this.values = values.clone();
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
    public void paint(Graphics2D g) {
        int left = getXAxisScreenValue(x[0]), right = getXAxisScreenValue(x[x.length - 1]);
        int top = getYAxisScreenValue(y[y.length - 1]), bottom = getYAxisScreenValue(y[0]);
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, left, top, right - left, bottom - top, null);
        if (hint != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
        bounds = new java.awt.geom.Rectangle2D.Double(left, top, right - left, bottom - top);
    }
}
