package org.popcast.models.pinn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.sampling.Collocation;

/**
 * Everything that defines a PINN training run. {@link #toMap()} and {@link #fromMap(Map)} are the
 * one textual form: written into result files and checkpoints, and compared on {@code --resume}.
 *
 * @param body the network: a tanh MLP or stacked LSTM layers along the characteristics
 * @param hardInitial P = P0(a) + t~ N(a~, t~) (the initial condition holds exactly) instead of an initial-condition loss
 * @param relativeInitialLoss divide the initial-condition loss by the mean square of P0 (the seed's form)
 * @param jumpFeature give the network the side of the characteristic a = v (t - t0), where the exact solution jumps
 * @param interiorPoints PDE collocation points per step
 * @param initialPoints initial-condition points per step (soft initial condition only)
 * @param boundaryTimes boundary times per step, each with its own birth integral
 * @param quadratureNodes Gauss-Legendre nodes per piece of the birth integral (two pieces per time)
 * @param sampling how points are drawn (afresh each step)
 * @param gradientNormWeights balance the loss terms by their gradient norms (else equal weights)
 * @param weightUpdateEvery steps between weight updates
 * @param schedule Adam's learning rate
 * @param adamSteps Adam steps
 * @param lbfgsIterations float64 L-BFGS iterations after Adam (0: none)
 * @param lbfgsPoints interior points of the (fixed) L-BFGS batch
 * @param seed the seed of weights and points
 */
public record PinnSettings(PinnBody body, boolean hardInitial, boolean relativeInitialLoss, boolean jumpFeature,
                           int interiorPoints, int initialPoints, int boundaryTimes, int quadratureNodes,
                           Collocation.Kind sampling, boolean gradientNormWeights, int weightUpdateEvery,
                           LearningRateSchedule schedule, int adamSteps, int lbfgsIterations, int lbfgsPoints, long seed) {

    public PinnSettings {
        positive("interior points", interiorPoints);
        positive("boundary times", boundaryTimes);
        positive("quadrature nodes", quadratureNodes);
        positive("weight update interval", weightUpdateEvery);
        if (!hardInitial) {
            positive("initial points", initialPoints);
        }
        if (adamSteps < 0 || lbfgsIterations < 0) {
            throw new IllegalArgumentException("step counts must be >= 0");
        }
        if (lbfgsIterations > 0 && lbfgsPoints < 1) {
            // the seed presets have no L-BFGS phase, hence no points for it
            throw new IllegalArgumentException("L-BFGS iterations need L-BFGS points (--lbfgs-points N), got " + lbfgsPoints);
        }
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }

    /**
     * popcast's recipe for the seed's problem (docs/pinn.md has the measurements behind it): hard
     * initial condition, the jump side as an input, Sobol points, Adam with decay, then float64
     * L-BFGS.
     */
    public static PinnSettings defaults() {
        return new PinnSettings(new PinnBody.Mlp(new int[] {64, 64, 64}), true, false, true, 2048, 0, 32, 8,
                Collocation.Kind.SOBOL, false, 1000, new LearningRateSchedule(1e-3, 0.9, 1000), 10000, 2000, 4096, 42);
    }

    /**
     * popcast's LSTM-PINN recipe: two LSTM layers of 32 units reading 4 earlier points one year
     * apart along each point's characteristic, otherwise as {@link #defaults()} with fewer points
     * (a sequence costs 5 cell steps per point).
     */
    public static PinnSettings lstmDefaults() {
        return new PinnSettings(new PinnBody.Lstm(32, 2, 4, 1.0, 0), true, false, true, 1024, 0, 32, 8,
                Collocation.Kind.SOBOL, false, 1000, new LearningRateSchedule(1e-3, 0.9, 1000), 5000, 1000, 2048, 42);
    }

    /**
     * The seed's LSTM-PINN: 4 stacked LSTM layers of 64 units, dropout 0.1 between layers in
     * training only, Linear(64, 1), sequences of length one, Adam 5e-4, with the seed PINN's points
     * and losses (and per-time births).
     */
    public static PinnSettings lstmSeedPreset() {
        return new PinnSettings(new PinnBody.Lstm(64, 4, 0, 1.0, 0.1), false, true, false, 5000, 2000, 2000, 8,
                Collocation.Kind.UNIFORM, false, 1000, LearningRateSchedule.constant(5e-4), 10000, 0, 0, 42);
    }

    /**
     * The seed's configuration (2-128-128-64-1 tanh, Adam 5e-4, 10,000 steps, 5000 interior,
     * 2000 initial and 2000 boundary points redrawn each step, equal weights, relative initial
     * loss), but with per-time births and without the seed's defects (see the command's help).
     */
    public static PinnSettings seedPreset() {
        return new PinnSettings(new PinnBody.Mlp(new int[] {128, 128, 64}), false, true, false, 5000, 2000, 2000, 8,
                Collocation.Kind.UNIFORM, false, 1000, LearningRateSchedule.constant(5e-4), 10000, 0, 0, 42);
    }

    /** The number of weights for the given problem (its jump lines set the input width). */
    public int parameterCount(AgePdeProblem problem) {
        return PinnWeights.initial(this, inputWidth(problem)).count();
    }

    /** The layer widths, e.g. 3-64-64-64-1, or 3-lstm(64x2, 4 steps back)-1. */
    public String architecture(AgePdeProblem problem) {
        int in = inputWidth(problem);
        if (body instanceof PinnBody.Lstm l) {
            return in + "-lstm(" + l.units() + "x" + l.layers() + ", " + l.steps() + " steps back by " + l.spacing() + " y)-1";
        }
        StringBuilder b = new StringBuilder().append(in);
        for (int w : ((PinnBody.Mlp) body).hidden()) {
            b.append('-').append(w);
        }
        return b.append("-1").toString();
    }

    /** Network inputs: a~, t~ and, with the jump feature, the side of each jump line of the problem. */
    public int inputWidth(AgePdeProblem problem) {
        return jumpFeature ? 2 + problem.jumpOrigins().length : 2;
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (body instanceof PinnBody.Lstm l) {
            m.put("model", "lstm-pinn");
            m.put("lstm_units", Integer.toString(l.units()));
            m.put("lstm_layers", Integer.toString(l.layers()));
            m.put("sequence_steps", Integer.toString(l.steps()));
            m.put("sequence_spacing", Double.toString(l.spacing()));
            m.put("dropout", Double.toString(l.dropout()));
        } else {
            m.put("model", "pinn");
            m.put("hidden", Arrays.stream(((PinnBody.Mlp) body).hidden()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        }
        m.put("initial_condition", hardInitial ? "hard" : relativeInitialLoss ? "soft-relative" : "soft");
        m.put("jump_feature", Boolean.toString(jumpFeature));
        m.put("interior_points", Integer.toString(interiorPoints));
        m.put("initial_points", Integer.toString(initialPoints));
        m.put("boundary_times", Integer.toString(boundaryTimes));
        m.put("quadrature_nodes", Integer.toString(quadratureNodes));
        m.put("sampling", sampling.name().toLowerCase(Locale.ROOT));
        m.put("loss_weights", gradientNormWeights ? "gradient-norm" : "equal");
        m.put("weight_update_every", Integer.toString(weightUpdateEvery));
        m.put("learning_rate", Double.toString(schedule.initial()));
        m.put("learning_rate_decay", Double.toString(schedule.decay()));
        m.put("learning_rate_decay_steps", Long.toString(schedule.every()));
        m.put("adam_steps", Integer.toString(adamSteps));
        m.put("lbfgs_iterations", Integer.toString(lbfgsIterations));
        m.put("lbfgs_points", Integer.toString(lbfgsPoints));
        m.put("seed", Long.toString(seed));
        return m;
    }

    public static PinnSettings fromMap(Map<String, String> m) {
        String ic = get(m, "initial_condition");
        PinnBody body = "lstm-pinn".equals(m.getOrDefault("model", "pinn"))
                ? new PinnBody.Lstm(integer(m, "lstm_units"), integer(m, "lstm_layers"), integer(m, "sequence_steps"),
                        Double.parseDouble(get(m, "sequence_spacing")), Double.parseDouble(get(m, "dropout")))
                : new PinnBody.Mlp(Arrays.stream(get(m, "hidden").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
        return new PinnSettings(body,
                ic.equals("hard"), ic.equals("soft-relative"), Boolean.parseBoolean(get(m, "jump_feature")),
                integer(m, "interior_points"), integer(m, "initial_points"), integer(m, "boundary_times"),
                integer(m, "quadrature_nodes"), Collocation.Kind.parse(get(m, "sampling")),
                get(m, "loss_weights").equals("gradient-norm"), integer(m, "weight_update_every"),
                new LearningRateSchedule(Double.parseDouble(get(m, "learning_rate")), Double.parseDouble(get(m, "learning_rate_decay")),
                        Long.parseLong(get(m, "learning_rate_decay_steps"))),
                integer(m, "adam_steps"), integer(m, "lbfgs_iterations"), integer(m, "lbfgs_points"), Long.parseLong(get(m, "seed")));
    }

    private static String get(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("PINN settings lack '" + key + "'");
        }
        return v;
    }

    private static int integer(Map<String, String> m, String key) {
        return Integer.parseInt(get(m, key));
    }
}
