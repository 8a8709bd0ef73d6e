package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.GraphAgeFunction;
import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.network.TangentMlp;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * The PINN's density in the unit square (a~ = a / A, t~ = (t - t0) / T), in units of
 * {@link #densityScale(AgePdeProblem)}:
 *
 * <pre>
 *   hard initial condition:  P = s (P0(A a~) / scale + t~ N(x)) + (1 - s) N(x)
 *   soft initial condition:  P = N(x)
 *   x = (a~, t~, s, s_1, ..) with the jump feature: s = [a~ >= (v T / A) t~] the side of the corner's
 *       characteristic, s_j that of each fertility step's; x = (a~, t~) and s = 1 without
 * </pre>
 *
 * The exact solution jumps across the characteristic from the corner (P0(0) differs from the
 * births at t0), and again along the characteristic of every fertility step inside the window
 * (births jump there); the side indicators let a smooth network be discontinuous exactly there,
 * and they are constant elsewhere, so they add nothing to dP/da or dP/dt. The same class serves
 * float32 training, float64 L-BFGS and prediction: the weights are whatever operands the caller
 * holds (variables, placeholders or constants), and the body (MLP or LSTM) is the settings'.
 */
final class PinnNetwork<T extends TFloating> implements PinnField<T> {

    /** P and, for the first rows, dP/da~ and dP/dt~ (N x 1 and rows x 1). */
    record Density<T extends TFloating>(Operand<T> value, Operand<T> dAge, Operand<T> dTime) {
    }

    private final Map<String, Operand<T>> weights;
    private final AgePdeProblem problem;
    private final PinnSettings settings;
    private final double scale;
    private final Operand<TInt64> dropoutSeeds;

    /** A network for evaluation (no dropout). */
    PinnNetwork(Map<String, Operand<T>> weights, AgePdeProblem problem, PinnSettings settings) {
        this(weights, problem, settings, null);
    }

    /** @param dropoutSeeds (seed, step) for training-time dropout, or null */
    PinnNetwork(Map<String, Operand<T>> weights, AgePdeProblem problem, PinnSettings settings, Operand<TInt64> dropoutSeeds) {
        if (!(problem.initialDensity() instanceof GraphAgeFunction)) {
            throw new IllegalArgumentException("the PINN needs an initial density with a graph form (the source paper's formula or a table)");
        }
        this.weights = Map.copyOf(weights);
        this.dropoutSeeds = dropoutSeeds;
        this.problem = problem;
        this.settings = settings;
        this.scale = densityScale(problem);
    }

    /** The unit of the network's density: the largest initial density (so values are O(1)). */
    static double densityScale(AgePdeProblem problem) {
        double max = 0;
        for (int i = 0; i <= 1000; i++) {
            max = Math.max(max, problem.initialDensity().value(problem.maxAge() * i / 1000));
        }
        return max > 0 ? max : 1;
    }

    double scale() {
        return scale;
    }

    /**
     * The density at unit points (N x (2 + p), data: a~, t~ and the parametric surrogate's p
     * parameters in [-1, 1]), with derivatives for the first {@code differentiatedRows} rows.
     */
    @Override
    public Density<T> evaluate(Ops tf, Operand<T> points, int differentiatedRows) {
        Class<T> type = points.type();
        Operand<T> age = column(tf, points, 0), time = column(tf, points, 1);
        Operand<T> input = points;
        Operand<T> side = null;
        List<Operand<T>> directions = new ArrayList<>();
        if (settings.jumpFeature()) {
            // one indicator per jump line a~ >= slope (t~ - tau_j); the first (the corner's) also gates the ansatz
            double span = problem.endYear() - problem.startYear(), slope = problem.ageingSpeed() * span / problem.maxAge();
            double[] origins = problem.jumpOrigins();
            List<Operand<T>> columns = new ArrayList<>(List.of(points));
            for (double origin : origins) {
                Operand<T> shifted = tf.math.sub(time, Constants.scalar(tf, (origin - problem.startYear()) / span, type));
                Operand<T> line = tf.math.mul(shifted, Constants.scalar(tf, slope, type));
                // on a line the exact solution takes the older side for the corner (P0 there) and the
                // newborns' side for a policy step (births are right-continuous in time)
                Operand<T> indicator = tf.dtypes.cast(side == null ? tf.math.greaterEqual(age, line) : tf.math.greater(age, line), type);
                columns.add(indicator);
                side = side == null ? indicator : side;
            }
            input = tf.concat(columns, tf.constant(1));
        }
        // the parameters of a parametric surrogate are inputs with no tangent: a residual at fixed parameters
        double[] da = new double[settings.inputWidth(problem)], dt = new double[da.length];
        da[0] = 1;
        dt[1] = 1;
        directions.add(Constants.row(tf, da, type));
        directions.add(Constants.row(tf, dt, type));
        double span = problem.endYear() - problem.startYear();
        double[] backStep = new double[settings.inputWidth(problem)];
        double spacing = settings.body() instanceof PinnBody.Lstm lstm ? lstm.spacing() : 0;
        backStep[0] = -spacing * problem.ageingSpeed() / problem.maxAge();
        backStep[1] = -spacing / span;
        TangentMlp.Jet<T> n = settings.body().forward(tf, weights, input, directions, differentiatedRows, backStep, dropoutSeeds);
        if (!settings.hardInitial()) {
            return new Density<>(n.value(), n.tangents().get(0), n.tangents().get(1));
        }
        if (settings.initialCondition() == PinnSettings.InitialCondition.TRANSPORTED) {
            return transported(tf, age, time, side, n, differentiatedRows);
        }
        // P = s (P0 + t~ N) + (1 - s) N with s the side indicator (s = 1 without the jump feature):
        // the initial condition binds only the cohorts alive at t0; those born later start free at
        // the birth boundary instead of being tied to P0(0) at the corner.
        Operand<T> one = Constants.scalar(tf, 1, type);
        Operand<T> s = side == null ? one : side;
        Operand<T> factor = side == null ? time : tf.math.add(tf.math.mul(side, time), tf.math.sub(one, side));
        Operand<T> initial = initial(tf, age);
        // dP0/da~ by autodiff of a weight-free subgraph; stopped so the optimiser's backprop stays out of it
        Operand<T> initialSlope = tf.stopGradient(tf.gradients(initial, List.of(age)).dy(0));
        Operand<T> value = tf.math.add(tf.math.mul(s, initial), tf.math.mul(factor, n.value()));
        Operand<T> sRows = side == null ? one : rows(tf, side, differentiatedRows);
        Operand<T> fRows = rows(tf, factor, differentiatedRows);
        Operand<T> dAge = tf.math.add(tf.math.mul(sRows, rows(tf, initialSlope, differentiatedRows)), tf.math.mul(fRows, n.tangents().get(0)));
        // d factor / dt~ = s (the side is constant off the jump line)
        Operand<T> dTime = tf.math.add(tf.math.mul(sRows, rows(tf, n.value(), differentiatedRows)), tf.math.mul(fRows, n.tangents().get(1)));
        return new Density<>(value, dAge, dTime);
    }

    /**
     * P = s Q (1 + t~ N) + (1 - s) N with Q = P0(a - v (t - t0)) / scale, c = a~ - slope t~ its unit age:
     * dP/da~ = s Q' (1 + t~ N) + f N_a and dP/dt~ = -slope s Q' (1 + t~ N) + s Q N + f N_t, f = s t~ Q + 1 - s,
     * so Q' cancels in the residual dP/dt~ + slope dP/da~ (P0 is carried exactly, however rough).
     */
    private Density<T> transported(Ops tf, Operand<T> age, Operand<T> time, Operand<T> side, TangentMlp.Jet<T> n, int differentiatedRows) {
        Class<T> type = age.type();
        double slope = problem.ageingSpeed() * (problem.endYear() - problem.startYear()) / problem.maxAge();
        Operand<T> one = Constants.scalar(tf, 1, type);
        // on the born side (s = 0) the unit age is negative: clamp it, Q is multiplied by s = 0 there
        Operand<T> origin = tf.math.maximum(tf.math.sub(age, tf.math.mul(time, Constants.scalar(tf, slope, type))), tf.zerosLike(age));
        Operand<T> q = initial(tf, origin);
        Operand<T> qSlope = tf.stopGradient(tf.gradients(q, List.of(origin)).dy(0));
        q = tf.stopGradient(q);
        Operand<T> sq = tf.math.mul(side, q);
        Operand<T> factor = tf.math.add(tf.math.mul(sq, time), tf.math.sub(one, side));
        Operand<T> value = tf.math.add(sq, tf.math.mul(factor, n.value()));
        Operand<T> nRows = rows(tf, n.value(), differentiatedRows), tRows = rows(tf, time, differentiatedRows);
        Operand<T> sRows = rows(tf, side, differentiatedRows), sqRows = rows(tf, sq, differentiatedRows);
        Operand<T> fRows = rows(tf, factor, differentiatedRows);
        Operand<T> carried = tf.math.mul(tf.math.mul(sRows, rows(tf, qSlope, differentiatedRows)), tf.math.add(one, tf.math.mul(tRows, nRows)));
        Operand<T> dAge = tf.math.add(carried, tf.math.mul(fRows, n.tangents().get(0)));
        Operand<T> dTime = tf.math.add(tf.math.sub(tf.math.mul(sqRows, nRows), tf.math.mul(Constants.scalar(tf, slope, type), carried)),
                tf.math.mul(fRows, n.tangents().get(1)));
        return new Density<>(value, dAge, dTime);
    }

    /** P0(A a~) / scale at unit ages (N x 1). */
    @Override
    public Operand<T> initial(Ops tf, Operand<T> unitAges) {
        Class<T> type = unitAges.type();
        GraphAgeFunction p0 = (GraphAgeFunction) problem.initialDensity();
        return tf.math.div(p0.graph(tf, tf.math.mul(unitAges, Constants.scalar(tf, problem.maxAge(), type))),
                Constants.scalar(tf, scale, type));
    }

    static <T extends TFloating> Operand<T> column(Ops tf, Operand<T> x, int column) {
        return tf.slice(x, tf.constant(new int[] {0, column}), tf.constant(new int[] {-1, 1}));
    }

    static <T extends TFloating> Operand<T> rows(Ops tf, Operand<T> x, int count) {
        return count < 0 ? x : tf.slice(x, tf.constant(new int[] {0, 0}), tf.constant(new int[] {count, -1}));
    }

    static <T extends TFloating> Operand<T> rows(Ops tf, Operand<T> x, int from, int count) {
        return tf.slice(x, tf.constant(new int[] {from, 0}), tf.constant(new int[] {count, -1}));
    }
}
