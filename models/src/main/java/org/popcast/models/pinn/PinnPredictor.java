package org.popcast.models.pinn;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.quadrature.GaussLegendreRule;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * A trained PINN evaluated in float64 on the CPU: density at any (age, year), births v P(0, t)
 * and the population, the integral of the density over ages by Gauss-Legendre quadrature split at
 * the jump line. Owns a small graph with the weights as constants.
 */
public final class PinnPredictor implements AutoCloseable {

    private static final int POPULATION_NODES = 16;
    private static final double POPULATION_PIECE = 5;

    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat64> points;
    private final Operand<TFloat64> density;
    private final AgePdeProblem problem;

    public PinnPredictor(AgePdeProblem problem, PinnSettings settings, PinnWeights weights) {
        this.problem = problem;
        Ops tf = Ops.create(graph);
        PinnNetwork<TFloat64> net = new PinnNetwork<>(weights.constants(tf, TFloat64.class), problem, settings);
        points = tf.placeholder(TFloat64.class);
        density = tf.math.mul(net.evaluate(tf, points, 0).value(), tf.constant(net.scale()));
        session = new Session(graph);
    }

    /** P(age_i, year_i) in persons per year of age. */
    public double[] density(double[] ages, double[] years) {
        if (ages.length != years.length) {
            throw new IllegalArgumentException("need as many ages as years");
        }
        double span = problem.endYear() - problem.startYear();
        double[][] unit = new double[ages.length][2];
        for (int i = 0; i < ages.length; i++) {
            unit[i][0] = ages[i] / problem.maxAge();
            unit[i][1] = (years[i] - problem.startYear()) / span;
        }
        try (TFloat64 in = TFloat64.tensorOf(StdArrays.ndCopyOf(unit));
             Result r = session.runner().feed(points, in).fetch(density).run()) {
            double[][] out = StdArrays.array2dCopyOf((TFloat64) r.get(0));
            double[] p = new double[ages.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = out[i][0];
            }
            return p;
        }
    }

    /** The density on a grid, [time][age]. */
    /**
     * The prediction on a grid as a result file (product {@code agepde_pinn_prediction}): density,
     * births and population by time, with the model directory it came from.
     */
    public org.popcast.data.io.NetcdfDataset gridDataset(org.popcast.models.agepde.PdeScenario scenario, double[] times, double[] ages,
                                                         org.popcast.engine.provenance.Provenance provenance, java.nio.file.Path modelDir) {
        double[][] density = grid(times, ages);
        double[] flat = new double[times.length * ages.length];
        for (int i = 0; i < times.length; i++) {
            System.arraycopy(density[i], 0, flat, i * ages.length, ages.length);
        }
        return org.popcast.models.common.ResultHeader.start("popcast PINN prediction, scenario " + scenario.name(), provenance,
                        PinnModelFile.FORMAT_VERSION, "agepde_pinn_prediction")
                .attribute("model_dir", modelDir.toAbsolutePath().toString())
                .dimension("time", times, "year", "time (calendar year, fractional)").dimension("age", ages, "year", "age")
                .variable("density", java.util.List.of("time", "age"), flat, "persons per year of age", "population density by age (PINN)")
                .variable("births", java.util.List.of("time"), births(times), "persons per year", "births per year (PINN)")
                .variable("population", java.util.List.of("time"), population(times), "persons", "total population (PINN)")
                .build();
    }

    public double[][] grid(double[] times, double[] ages) {
        double[] a = new double[times.length * ages.length], t = new double[a.length];
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < ages.length; j++) {
                a[i * ages.length + j] = ages[j];
                t[i * ages.length + j] = times[i];
            }
        }
        double[] p = density(a, t);
        double[][] out = new double[times.length][ages.length];
        for (int i = 0; i < times.length; i++) {
            System.arraycopy(p, i * ages.length, out[i], 0, ages.length);
        }
        return out;
    }

    /** Births per year, v P(0, t): the flux of newborns through age 0. */
    public double[] births(double[] times) {
        double[] p = density(new double[times.length], times);
        for (int i = 0; i < p.length; i++) {
            p[i] *= problem.ageingSpeed();
        }
        return p;
    }

    /** The population on [0, max age] at each time. */
    public double[] population(double[] times) {
        GaussLegendreRule rule = new GaussLegendreRule(POPULATION_NODES);
        double[] total = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double jump = problem.ageingSpeed() * (times[i] - problem.startYear());
            double[] cut = jump > 0 && jump < problem.maxAge() ? new double[] {jump} : new double[0];
            double[][] nodesAndWeights = rule.piecewise(0, problem.maxAge(), cut, POPULATION_PIECE);
            double[] years = new double[nodesAndWeights[0].length];
            java.util.Arrays.fill(years, times[i]);
            double[] p = density(nodesAndWeights[0], years);
            for (int j = 0; j < p.length; j++) {
                total[i] += nodesAndWeights[1][j] * p[j];
            }
        }
        return total;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
