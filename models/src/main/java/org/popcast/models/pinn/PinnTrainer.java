package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.popcast.engine.optim.DeterministicAdam;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.GraphAgeFunction;
import org.popcast.kernels.agepde.ScaledResidual;
import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.network.TangentMlp;
import org.popcast.kernels.quadrature.BirthIntegral;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A first PINN for the age-structured PDE (work in progress toward {@code popcast pde train}):
 * hard initial condition P = P0(a) + t~ N(a~, t~), deterministic Adam, PDE residual at collocation points drawn in
 * the graph from a seed and the step number, births per boundary time by Gauss-Legendre nodes
 * split at the jump line, all point sets in one forward pass. Owns its graph and session.
 */
public final class PinnTrainer implements AutoCloseable {

    /** Settings of one run. */
    public record Settings(int[] hidden, int interiorPoints, int boundaryTimes, int quadratureNodes,
                           float learningRate, long seed) {
    }

    private final Graph graph = new Graph();
    private final Session session;
    private final Op trainStep;
    private final Operand<TFloat32> lossPde;
    private final Operand<TFloat32> lossBc;
    private final Variable<TInt64> step;
    private final Op advance;
    private final Placeholder<TFloat32> queryPoints;
    private final Operand<TFloat32> queryDensity;
    private final double densityScale;

    @SuppressWarnings("unchecked")
    public PinnTrainer(AgePdeProblem problem, Settings s) {
        if (!(problem.initialDensity() instanceof GraphAgeFunction p0)) {
            throw new IllegalArgumentException("the PINN needs an initial density with a graph form (the seed's formula or a table)");
        }
        Ops tf = Ops.create(graph);
        double ageLimit = problem.maxAge(), span = problem.endYear() - problem.startYear(), v = problem.ageingSpeed();
        densityScale = Math.max(1, p0.value(0));
        ScaledResidual residual = ScaledResidual.of(problem);

        List<TangentMlp.Layer<TFloat32>> layers = glorotLayers(tf, s.hidden(), s.seed());
        step = tf.withName("step").variable(tf.constant(0L));
        advance = tf.assignAdd(step, tf.constant(1L));

        // interior points, uniform in the unit square, a fresh draw per step from (seed, step)
        Operand<TInt64> seedPair = tf.stack(List.of(tf.constant(s.seed()), step));
        Operand<TFloat32> interior = tf.random.statelessRandomUniform(tf.constant(new long[] {s.interiorPoints(), 2}), seedPair, TFloat32.class);

        double[] times = new double[s.boundaryTimes()];
        for (int k = 0; k < times.length; k++) {
            times[k] = problem.startYear() + span * (k + 0.5) / times.length;
        }
        BirthIntegral births = new BirthIntegral(problem.fertility().minAge(), problem.fertility().maxAge(), times,
                s.quadratureNodes(), t -> v * (t - problem.startYear()));
        double[] nodeAges = births.ages(), nodeTimes = births.times();
        double[][] fixed = new double[times.length + nodeAges.length][2];
        double[] fertilityAtNodes = new double[nodeAges.length];
        for (int k = 0; k < times.length; k++) {
            fixed[k] = new double[] {0, (times[k] - problem.startYear()) / span};
        }
        for (int j = 0; j < nodeAges.length; j++) {
            fixed[times.length + j] = new double[] {nodeAges[j] / ageLimit, (nodeTimes[j] - problem.startYear()) / span};
            fertilityAtNodes[j] = problem.fertility().rate(nodeAges[j], nodeTimes[j]);
        }
        // The points are data, not parameters: stopping the gradient keeps TensorFlow's C++ backprop
        // (which visits every op upstream of the loss) away from the random op, which has no gradient.
        Operand<TFloat32> points = tf.stopGradient(
                tf.concat(List.of(interior, tf.dtypes.cast(tf.constant(fixed), TFloat32.class)), tf.constant(0)));
        Density density = density(tf, layers, points, p0, ageLimit);

        int n = s.interiorPoints();
        Operand<TFloat32> ages = tf.math.mul(slice(tf, points, 0, n, 0), Constants.scalar(tf, ageLimit, TFloat32.class));
        Operand<TFloat32> res = residual.residual(tf, slice(tf, density.value, 0, n, 0), slice(tf, density.dAge, 0, n, 0),
                slice(tf, density.dTime, 0, n, 0), problem.mortality().hazard(tf, ages));
        lossPde = tf.math.mean(tf.math.square(res), tf.constant(new int[] {0, 1}));

        Operand<TFloat32> newborns = slice(tf, density.value, n, times.length, 0);
        Operand<TFloat32> atNodes = slice(tf, density.value, n + times.length, nodeAges.length, 0);
        Operand<TFloat32> integrand = tf.math.mul(atNodes, Constants.column(tf, fertilityAtNodes, TFloat32.class));
        Operand<TFloat32> birthIntegral = tf.linalg.matMul(tf.dtypes.cast(tf.constant(births.weights()), TFloat32.class), integrand);
        Operand<TFloat32> mismatch = tf.math.sub(tf.math.mul(Constants.scalar(tf, v, TFloat32.class), newborns), birthIntegral);
        lossBc = tf.math.mean(tf.math.square(mismatch), tf.constant(new int[] {0, 1}));

        List<Variable<TFloat32>> weights = new ArrayList<>();
        for (TangentMlp.Layer<TFloat32> layer : layers) {
            weights.add((Variable<TFloat32>) layer.weights());
            weights.add((Variable<TFloat32>) layer.bias());
        }
        trainStep = DeterministicAdam.minimize(tf, tf.math.add(lossPde, lossBc), weights,
                Constants.scalar(tf, s.learningRate(), TFloat32.class), tf.dtypes.cast(step, TFloat32.class));

        queryPoints = tf.placeholder(TFloat32.class);
        queryDensity = tf.math.mul(density(tf, layers, queryPoints, p0, ageLimit).value, Constants.scalar(tf, densityScale, TFloat32.class));
        session = new Session(graph);
        session.initialize();
    }

    private record Density(Operand<TFloat32> value, Operand<TFloat32> dAge, Operand<TFloat32> dTime) {
    }

    /** P / scale = P0(a) / scale + t~ N(a~, t~), with its derivatives along a~ and t~. */
    private Density density(Ops tf, List<TangentMlp.Layer<TFloat32>> layers, Operand<TFloat32> points,
                            GraphAgeFunction p0, double ageLimit) {
        TangentMlp.Jet<TFloat32> jet = TangentMlp.forward(tf, layers, points, 2);
        Operand<TFloat32> scaledAge = tf.slice(points, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> scaledTime = tf.slice(points, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> initial = tf.math.div(p0.graph(tf, tf.math.mul(scaledAge, Constants.scalar(tf, ageLimit, TFloat32.class))),
                Constants.scalar(tf, densityScale, TFloat32.class));
        // dP0/da~ by autodiff; P0 holds no weights, and stopping the gradient keeps the optimiser's
        // backprop out of this subgraph (its OnesLike seed has no registered gradient).
        Operand<TFloat32> initialSlope = tf.stopGradient(tf.gradients(initial, List.of(scaledAge)).dy(0));
        Operand<TFloat32> value = tf.math.add(initial, tf.math.mul(scaledTime, jet.value()));
        Operand<TFloat32> dAge = tf.math.add(initialSlope, tf.math.mul(scaledTime, jet.tangents().get(0)));
        Operand<TFloat32> dTime = tf.math.add(jet.value(), tf.math.mul(scaledTime, jet.tangents().get(1)));
        return new Density(value, dAge, dTime);
    }

    private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> x, int from, int count, int column) {
        return tf.slice(x, tf.constant(new int[] {from, column}), tf.constant(new int[] {count, 1}));
    }

    private static List<TangentMlp.Layer<TFloat32>> glorotLayers(Ops tf, int[] hidden, long seed) {
        Random random = new Random(seed);
        List<TangentMlp.Layer<TFloat32>> layers = new ArrayList<>();
        int fanIn = 2;
        for (int l = 0; l <= hidden.length; l++) {
            int fanOut = l < hidden.length ? hidden[l] : 1;
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            float[][] w = new float[fanIn][fanOut];
            for (float[] row : w) {
                for (int j = 0; j < fanOut; j++) {
                    row[j] = (float) ((2 * random.nextDouble() - 1) * limit);
                }
            }
            layers.add(new TangentMlp.Layer<>(tf.variable(tf.constant(w)), tf.variable(tf.constant(new float[1][fanOut]))));
            fanIn = fanOut;
        }
        return layers;
    }

    /** Runs training steps; returns {loss_pde, loss_bc} after the last one. */
    public float[] train(int steps) {
        float[] losses = new float[2];
        for (int i = 0; i < steps; i++) {
            try (Result r = session.runner().addTarget(trainStep).fetch(lossPde).fetch(lossBc).run()) {
                losses[0] = ((TFloat32) r.get(0)).getFloat();
                losses[1] = ((TFloat32) r.get(1)).getFloat();
            }
            session.runner().addTarget(advance).run().close();
        }
        return losses;
    }

    /** The trained density at (age, year) pairs, persons per year of age. */
    public double[] density(double[] ages, double[] years, AgePdeProblem problem) {
        float[][] pts = new float[ages.length][2];
        double span = problem.endYear() - problem.startYear();
        for (int i = 0; i < ages.length; i++) {
            pts[i][0] = (float) (ages[i] / problem.maxAge());
            pts[i][1] = (float) ((years[i] - problem.startYear()) / span);
        }
        try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(pts));
             Result r = session.runner().feed(queryPoints, in).fetch(queryDensity).run()) {
            float[][] out = StdArrays.array2dCopyOf((TFloat32) r.get(0));
            double[] p = new double[ages.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = out[i][0];
            }
            return p;
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
