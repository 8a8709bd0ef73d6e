package org.popcast.models.pinn;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.quadrature.GaussLegendreRule;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
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
    private final PinnParametric parametric;
    /** The member's parameters as the network reads them (empty for an ordinary network). */
    private final double[] memberInputs;
    private final double[] member;
    private final PinnSettings settings;
    private final PinnWeights weights;
    /** The float32 graph of {@link #sweep}, built on first use. */
    private Graph sweepGraph;
    private Session sweepSession;
    private Placeholder<org.tensorflow.types.TFloat32> sweepPoints;
    private Operand<org.tensorflow.types.TFloat32> sweepDensity;

    /** A predictor of an ordinary (non-parametric) network. */
    public PinnPredictor(AgePdeProblem problem, PinnSettings settings, PinnWeights weights) {
        this(problem, settings, weights, new double[0]);
    }

    /**
     * A predictor of one member of a parametric surrogate: {@code member} holds the value of each
     * parameter in the order of the settings' {@link PinnParametric#ranges()} (empty for an
     * ordinary network). Values outside the trained ranges are evaluated as given (extrapolation).
     */
    public PinnPredictor(AgePdeProblem problem, PinnSettings settings, PinnWeights weights, double[] member) {
        if (member.length != settings.parametric().count()) {
            throw new IllegalArgumentException("the network has " + settings.parametric().count() + " parameters ("
                    + settings.parametric() + "), got " + member.length + " values");
        }
        this.problem = problem;
        this.parametric = settings.parametric();
        this.memberInputs = parametric.normalise(member);
        this.member = member.clone();
        this.settings = settings;
        this.weights = weights;
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
        int width = 2 + memberInputs.length;
        double[] unit = new double[ages.length * width];
        for (int i = 0; i < ages.length; i++) {
            unit[i * width] = ages[i] / problem.maxAge();
            unit[i * width + 1] = (years[i] - problem.startYear()) / (problem.endYear() - problem.startYear());
            System.arraycopy(memberInputs, 0, unit, i * width + 2, memberInputs.length);
        }
        return evaluate(unit, ages.length, width);
    }

    /** The network at rows of unit inputs (row-major, {@code width} columns), in persons per year of age. */
    private double[] evaluate(double[] unit, int rows, int width) {
        try (TFloat64 in = TFloat64.tensorOf(org.tensorflow.ndarray.Shape.of(rows, width),
                org.tensorflow.ndarray.buffer.DataBuffers.of(unit, true, false));
             Result r = session.runner().feed(points, in).fetch(density).run()) {
            double[] p = new double[rows];
            ((TFloat64) r.get(0)).copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(p, false, false));
            return p;
        }
    }

    /** The network in float32 at rows of unit inputs, in persons per year of age. */
    private double[] evaluate32(double[] unit, int rows, int width) {
        if (sweepGraph == null) {
            sweepGraph = new Graph();
            Ops tf = Ops.create(sweepGraph);
            PinnNetwork<org.tensorflow.types.TFloat32> net = new PinnNetwork<>(weights.constants(tf, org.tensorflow.types.TFloat32.class),
                    problem, settings);
            sweepPoints = tf.placeholder(org.tensorflow.types.TFloat32.class);
            sweepDensity = tf.math.mul(net.evaluate(tf, sweepPoints, 0).value(), tf.constant((float) net.scale()));
            sweepSession = new Session(sweepGraph);
        }
        float[] in = new float[rows * width];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) unit[i];
        }
        try (org.tensorflow.types.TFloat32 t = org.tensorflow.types.TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(rows, width),
                org.tensorflow.ndarray.buffer.DataBuffers.of(in, true, false));
             Result r = sweepSession.runner().feed(sweepPoints, t).fetch(sweepDensity).run()) {
            float[] p = new float[rows];
            ((org.tensorflow.types.TFloat32) r.get(0)).copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(p, false, false));
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = p[i];
            }
            return out;
        }
    }

    /**
     * A sweep over members of a parametric surrogate: births v P(0, t) and the population (the
     * integral over ages, {@code nodes} Gauss-Legendre nodes on pieces of at most {@code piece}
     * years, split at the jump line) at each of {@code years}, for each member (rows of
     * {@code members}, values in the order of the ranges); one batched graph run per chunk of members,
     * in float32 (the network's own precision in training; about twice the speed of float64 on a CPU).
     *
     * @return [0][member][year] births, [1][member][year] population
     */
    public double[][][] sweep(double[][] members, double[] years, int nodes, double piece) {
        GaussLegendreRule rule = new GaussLegendreRule(nodes);
        double[][][] quadrature = new double[years.length][][];
        int perMember = 0;
        for (int y = 0; y < years.length; y++) {
            double jump = problem.ageingSpeed() * (years[y] - problem.startYear());
            double[] cut = jump > 0 && jump < problem.maxAge() ? new double[] {jump} : new double[0];
            quadrature[y] = rule.piecewise(0, problem.maxAge(), cut, piece);
            perMember += 1 + quadrature[y][0].length;
        }
        int width = 2 + parametric.count(), chunk = Math.max(1, 200_000 / perMember);
        double[][][] out = new double[2][members.length][years.length];
        double span = problem.endYear() - problem.startYear();
        for (int from = 0; from < members.length; from += chunk) {
            int count = Math.min(chunk, members.length - from);
            double[] unit = new double[count * perMember * width];
            int row = 0;
            for (int i = 0; i < count; i++) {
                double[] x = parametric.normalise(members[from + i]);
                for (int y = 0; y < years.length; y++) {
                    double t = (years[y] - problem.startYear()) / span;
                    for (int q = -1; q < quadrature[y][0].length; q++) {
                        int at = row++ * width;
                        unit[at] = q < 0 ? 0 : quadrature[y][0][q] / problem.maxAge();
                        unit[at + 1] = t;
                        System.arraycopy(x, 0, unit, at + 2, x.length);
                    }
                }
            }
            double[] p = evaluate32(unit, row, width);
            row = 0;
            for (int i = 0; i < count; i++) {
                for (int y = 0; y < years.length; y++) {
                    out[0][from + i][y] = problem.ageingSpeed() * p[row++];
                    double total = 0;
                    for (int q = 0; q < quadrature[y][0].length; q++) {
                        total += quadrature[y][1][q] * p[row++];
                    }
                    out[1][from + i][y] = total;
                }
            }
        }
        return out;
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
        var b = org.popcast.models.common.ResultHeader.start("popcast PINN prediction, scenario " + scenario.name(), provenance,
                        PinnTrainRun.FORMAT_VERSION, "agepde_pinn_prediction")
                .attribute("model_dir", modelDir.toAbsolutePath().toString());
        if (!parametric.isEmpty()) {
            parametric.attributes(member).forEach(b::attribute);
            b.attribute("parametric", parametric.toString())
                    .attribute("extrapolated", parametric.outside(member) ? "yes: a parameter lies outside the trained range" : "no");
        }
        return b
                .calendarTime("time", times).dimension("age", ages, "year", "age")
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
        if (sweepSession != null) {
            sweepSession.close();
            sweepGraph.close();
        }
        session.close();
        graph.close();
    }
}
