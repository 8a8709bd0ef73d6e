package org.popcast.cli.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;

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
        if (f.has("density_error")) {
            // a training result holds the PINN minus the exact density: where the network is wrong, beside what it drew
            fig.row(width * 3 / 10, density(f, scale), errorMap(f, model));
        } else {
            fig.row(width * 2 / 5, density(f, scale));
        }
        fig.row(Math.max(280, width / 4), fig.chart(series(f, "births", "births per year", model)),
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
        Charts.Magnitude m = Charts.Magnitude.of(max);
        return new ColourScale(min / m.factor(), max / m.factor(), m, ResultFile.axisTitle("density", m.units(f.units("density"))));
    }

    static ColourMap density(ResultFile f, ColourScale scale) {
        return new ColourMap("population density by age and time", f.coordinateTitle("time", "time"), f.coordinateTitle("age", "age"),
                f.coordinate("time"), f.coordinate("age"), scale.magnitude().apply(f.values("density")), scale);
    }

    /** |model - exact| over time and age, on its own scale from zero. */
    static ColourMap errorMap(ResultFile f, String model) {
        double[] error = Arrays.stream(f.values("density_error")).map(Math::abs).toArray();
        double max = Arrays.stream(error).filter(Double::isFinite).max().orElse(1);
        Charts.Magnitude m = Charts.Magnitude.of(max);
        ColourScale scale = new ColourScale(0, max / m.factor(), m, ResultFile.axisTitle("|error|",
                m.units(f.units("density_error"))));
        return new ColourMap("error |" + model + " - exact| by age and time", f.coordinateTitle("time", "time"),
                f.coordinateTitle("age", "age"), f.coordinate("time"), f.coordinate("age"), m.apply(error), scale);
    }

    static XYChart series(ResultFile f, String name, String title, String model) {
        double[] t = f.coordinate("time"), v = f.values(name);
        double[] exact = f.has(name + "_exact") ? f.values(name + "_exact") : null;
        Charts.Magnitude m = exact == null ? Charts.Magnitude.of(v) : Charts.Magnitude.of(v, exact);
        XYChart c = Charts.yearAxis(Charts.xy(title, f.coordinateTitle("time", "time"), ResultFile.axisTitle(name, m.units(f.units(name)))));
        // beside the plot: below it, the legend would leave the plot too short for its y title
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
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
