package org.popcast.cli.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The age-structured PDE (exact solve, PINN training, PINN prediction): density over time and age as
 * a colour map, births and population below (the exact solver's dashed where a training file has
 * them), and for a training run its losses on a log scale.
 */
final class PdePlot {

    private PdePlot() {
    }

    static Figure figure(ResultFile f, int width) {
        String model = f.product().equals("agepde_exact") ? "exact solver" : f.text("model", "pinn").toUpperCase(Locale.ROOT);
        Figure fig = new Figure(f.title(), subtitle(f), width);
        ColourScale scale = scale(f);
        fig.row(width * 2 / 5, new double[] {12, 1}, fig.chart(density(f, scale)), scale);
        fig.row(width / 4, fig.chart(series(f, "births", "births per year", model)),
                fig.chart(series(f, "population", "total population", model)));
        if (f.has("loss_total")) {
            fig.row(width / 4, fig.chart(losses(f)));
        }
        return fig;
    }

    private static String subtitle(ResultFile f) {
        StringBuilder s = new StringBuilder(f.file().getFileName() + ": scenario " + f.text("scenario", "?"));
        if (f.product().equals("agepde_pinn")) {
            s.append(String.format(Locale.ROOT, "; against the exact solution: rel. L2 %.2e, rel. L2 off the jump line %.2e",
                    f.number("rel_l2"), f.number("rel_l2_off_jump")));
        }
        return s.toString();
    }

    static ColourScale scale(ResultFile f) {
        double[] d = f.values("density");
        double min = Arrays.stream(d).filter(Double::isFinite).min().orElse(0), max = Arrays.stream(d).filter(Double::isFinite).max().orElse(1);
        return new ColourScale(min, max, ResultFile.axisTitle("density", f.units("density")));
    }

    static XYChart density(ResultFile f, ColourScale scale) {
        double[] t = f.coordinate("time"), a = f.coordinate("age");
        XYChart c = Charts.xy("population density by age and time", f.coordinateTitle("time", "time"), f.coordinateTitle("age", "age"));
        XYStyler st = c.getStyler();
        st.setLegendVisible(false);
        st.setPlotContentSize(1.0);
        st.setPlotGridLinesVisible(false);
        st.setXAxisMin(t[0]);
        st.setXAxisMax(t[t.length - 1]);
        st.setYAxisMin(a[0]);
        st.setYAxisMax(a[a.length - 1]);
        // the axes need a series; this one spans the grid and is not drawn
        XYSeries corners = c.addSeries("grid", new double[] {t[0], t[t.length - 1]}, new double[] {a[0], a[a.length - 1]});
        corners.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0, 0, 0, 0)).setShowInLegend(false);
        c.addAnnotation(raster(f, scale));
        return c;
    }

    static DensityRaster raster(ResultFile f, ColourScale scale) {
        return new DensityRaster(f.coordinate("time"), f.coordinate("age"), f.values("density"), scale);
    }

    static XYChart series(ResultFile f, String name, String title, String model) {
        double[] t = f.coordinate("time"), v = f.values(name);
        double[] exact = f.has(name + "_exact") ? f.values(name + "_exact") : null;
        Charts.Magnitude m = exact == null ? Charts.Magnitude.of(v) : Charts.Magnitude.of(v, exact);
        XYChart c = Charts.xy(title, f.coordinateTitle("time", "time"), ResultFile.axisTitle(name, m.units(f.units(name))));
        Charts.line(c, model, t, m.apply(v));
        if (exact != null) {
            Charts.dashed(c, "exact solver", t, m.apply(exact)).setLineColor(Color.BLACK);
        }
        return c;
    }

    /** Losses per step on a log axis; series that are zero throughout (e.g. loss_ic with a hard initial condition) are left out. */
    static XYChart losses(ResultFile f) {
        double[] step = f.coordinate("step");
        XYChart c = Charts.xy("training losses", "step (Adam, then L-BFGS)", "loss (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        for (String part : new String[] {"total", "pde", "ic", "bc"}) {
            double[] v = f.values("loss_" + part);
            if (Arrays.stream(v).anyMatch(x -> x > 0)) {
                // a log axis cannot show zero; such steps become gaps
                Charts.line(c, part, step, Arrays.stream(v).map(x -> x > 0 ? x : Double.NaN).toArray());
            }
        }
        double adam = f.number("adam_steps_done");
        if (adam > 0 && adam < step[step.length - 1]) {
            c.addAnnotation(new AnnotationLine(adam, true, false));
        }
        return c;
    }
}
