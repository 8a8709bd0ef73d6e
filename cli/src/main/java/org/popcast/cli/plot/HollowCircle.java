package org.popcast.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;

import org.knowm.xchart.style.markers.Marker;

/**
 * A ring in the series' colour around a white centre: observations a model did not see (held-out
 * years of a backtest), beside the filled circles of the ones it was fitted to. XChart has no
 * hollow marker; it sets the marker colour as the paint before calling {@link #paint}.
 */
final class HollowCircle extends Marker {

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
        Ellipse2D ring = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
        Paint colour = g.getPaint();
        Stroke stroke = g.getStroke();
        g.setPaint(Color.WHITE);
        g.fill(ring);
        g.setPaint(colour);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(ring);
        g.setStroke(stroke);
    }
}
