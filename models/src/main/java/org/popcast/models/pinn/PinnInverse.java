package org.popcast.models.pinn;

import java.util.List;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * An inverse problem for the PINN: observed densities (persons per year of age) at (age, year)
 * points and which rates carry an unknown scale; each unknown is trained with the network as its
 * logarithm x (start 0, scale 1), and the data term enters the loss with weight {@code dataWeight}.
 * For the first {@code warmupSteps} steps the scales are held (their gradient is gated to zero in
 * the graph) while the network learns the data and the PDE: a network far from both gives the
 * scales gradients that point anywhere.
 */
public record PinnInverse(double[] ages, double[] years, double[] densities, boolean mortalityScale, boolean fertilityScale,
                          double dataWeight, long warmupSteps) {

    /** The names of the log-scale variables in the graph (and in checkpoints). */
    public static final String LOG_MORTALITY = "log_mortality_scale", LOG_FERTILITY = "log_fertility_scale";

    public PinnInverse {
        if (ages.length != years.length || ages.length != densities.length || ages.length == 0) {
            throw new IllegalArgumentException("an inverse problem needs one age, year and density per observation, at least one");
        }
        if (!(dataWeight > 0)) {
            throw new IllegalArgumentException("the data weight must be > 0, got " + dataWeight);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("the warm-up must be >= 0 steps, got " + warmupSteps);
        }
        ages = ages.clone();
        years = years.clone();
        densities = densities.clone();
    }

    /**
     * The graph's view: the multipliers of mu and b (exp of a log-scale variable, or 1), the
     * observations in the unit square (N x 2) and the observed densities in the network's unit (N x 1).
     */
    record Scales<T extends TFloating>(Operand<T> mortality, Operand<T> fertility, Operand<T> unitPoints, Operand<T> observed,
                                        int observationCount) {

        /** The forward problem: both multipliers 1, no observations. */
        static <T extends TFloating> Scales<T> none(Ops tf, Class<T> type) {
            Operand<T> one = Constants.scalar(tf, 1, type);
            return new Scales<>(one, one, null, null, 0);
        }
    }

    /** The graph's view with {@code logMortality}, {@code logFertility} (1 x 1, or null when not unknown). */
    <T extends TFloating> Scales<T> graph(Ops tf, AgePdeProblem problem, Operand<T> logMortality, Operand<T> logFertility,
                                         Operand<TInt64> step, Class<T> type) {
        int n = ages.length;
        double span = problem.endYear() - problem.startYear(), scale = PinnNetwork.densityScale(problem);
        double[][] unit = new double[n][2], observed = new double[n][1];
        for (int i = 0; i < n; i++) {
            unit[i][0] = ages[i] / problem.maxAge();
            unit[i][1] = (years[i] - problem.startYear()) / span;
            observed[i][0] = densities[i] / scale;
        }
        Operand<T> one = Constants.scalar(tf, 1, type);
        // x + gate (x - x) with the difference's gradient stopped: the value is x, the gradient gate in {0, 1}
        Operand<T> gate = tf.dtypes.cast(tf.math.greaterEqual(step, tf.constant(warmupSteps)), type);
        return new Scales<>(multiplier(tf, gated(tf, logMortality, gate), one), multiplier(tf, gated(tf, logFertility, gate), one),
                tf.dtypes.cast(tf.constant(unit), type), tf.dtypes.cast(tf.constant(observed), type), n);
    }

    private static <T extends TFloating> Operand<T> gated(Ops tf, Operand<T> x, Operand<T> gate) {
        return x == null ? null : tf.math.add(tf.stopGradient(x), tf.math.mul(gate, tf.math.sub(x, tf.stopGradient(x))));
    }

    private static <T extends TFloating> Operand<T> multiplier(Ops tf, Operand<T> log, Operand<T> one) {
        return log == null ? one : tf.reshape(tf.math.exp(log), tf.constant(new int[0]));
    }

    /** The unknowns' variable names, mortality first. */
    List<String> names() {
        return mortalityScale && fertilityScale ? List.of(LOG_MORTALITY, LOG_FERTILITY)
                : mortalityScale ? List.of(LOG_MORTALITY) : fertilityScale ? List.of(LOG_FERTILITY) : List.of();
    }
}
