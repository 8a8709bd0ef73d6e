package org.popcast.models.pinn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.popcast.data.input.EnumLabels;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.sampling.Collocation;

/**
 * Everything that defines a PINN training run. {@link #toMap()} and {@link #fromMap(Map)} are the
 * one textual form: written into result files and checkpoints, and compared on {@code --resume};
 * {@link #toBuilder()} changes some settings of a preset.
 *
 * @param body the network: a tanh MLP or stacked LSTM layers along the characteristics
 * @param initialCondition how the initial density is imposed
 * @param jumpFeature give the network the side of the characteristic a = v (t - t0), where the exact solution jumps
 * @param points the collocation points drawn each step
 * @param lossWeights how the loss terms are weighted
 * @param weightUpdateEvery steps between weight updates ({@link LossWeights#GRADIENT_NORM})
 * @param optimisation Adam, then float64 L-BFGS
 * @param seed the seed of weights and points
 * @param parametric the scenario parameters the network is trained over (extra inputs), or none
 * @param causal causal weighting of the PDE loss in time (Adam only), or off
 * @param refinement residual-based adaptive points (RAR-D, Adam only), or off
 */
public record PinnSettings(PinnBody body, InitialCondition initialCondition, boolean jumpFeature, Points points,
                           LossWeights lossWeights, int weightUpdateEvery, Optimisation optimisation, long seed,
                           PinnParametric parametric, CausalWeights causal, ResidualRefinement refinement) {

    /** Without causal weighting or adaptive points. */
    public PinnSettings(PinnBody body, InitialCondition initialCondition, boolean jumpFeature, Points points,
                        LossWeights lossWeights, int weightUpdateEvery, Optimisation optimisation, long seed,
                        PinnParametric parametric) {
        this(body, initialCondition, jumpFeature, points, lossWeights, weightUpdateEvery, optimisation, seed, parametric,
                CausalWeights.OFF, ResidualRefinement.OFF);
    }

    /** A network of (age, time) only. */
    public PinnSettings(PinnBody body, InitialCondition initialCondition, boolean jumpFeature, Points points,
                        LossWeights lossWeights, int weightUpdateEvery, Optimisation optimisation, long seed) {
        this(body, initialCondition, jumpFeature, points, lossWeights, weightUpdateEvery, optimisation, seed, PinnParametric.NONE);
    }

    /** How the initial condition P(a, t0) = P0(a) enters; its label is what users type (soft-relative). */
    public enum InitialCondition {
        /** P = P0(a) + t~ N(a~, t~): it holds exactly, no loss term. */
        HARD,
        /** A mean-square loss at t0. */
        SOFT,
        /** The soft loss divided by the mean square of P0 (the source paper's form). */
        SOFT_RELATIVE,
        /**
         * P = P0(a - v (t - t0)) (1 + t~ N) on the initial side: P0 carried along the characteristics,
         * the network a multiplicative correction (the survival); exact at t0, no loss term. A rough
         * P0 (a census by single age) is then no harder than a smooth one. Needs the jump feature.
         */
        TRANSPORTED
    }

    /** How the PDE, initial and boundary losses are added up; its label is what users type (gradient-norm). */
    public enum LossWeights {
        EQUAL,
        /** Balanced by the norms of their gradients every {@code weightUpdateEvery} steps. */
        GRADIENT_NORM
    }

    /**
     * Collocation points per step.
     *
     * @param interior PDE points
     * @param initial initial-condition points (soft initial condition only)
     * @param boundaryTimes boundary times, each with its own birth integral
     * @param quadratureNodes Gauss-Legendre nodes per piece of the birth integral (two pieces per time)
     * @param sampling how points are drawn (afresh each step)
     */
    public record Points(int interior, int initial, int boundaryTimes, int quadratureNodes, Collocation.Kind sampling) {
    }

    /**
     * The optimisers.
     *
     * @param schedule Adam's learning rate
     * @param adamSteps Adam steps
     * @param lbfgsIterations float64 L-BFGS iterations after Adam (0: none)
     * @param lbfgsPoints interior points of the (fixed) L-BFGS batch
     */
    public record Optimisation(LearningRateSchedule schedule, int adamSteps, int lbfgsIterations, int lbfgsPoints) {
    }

    public PinnSettings {
        parametric = parametric == null ? PinnParametric.NONE : parametric;
        causal = causal == null ? CausalWeights.OFF : causal;
        refinement = refinement == null ? ResidualRefinement.OFF : refinement;
        positive("interior points", points.interior());
        positive("boundary times", points.boundaryTimes());
        positive("quadrature nodes", points.quadratureNodes());
        positive("weight update interval", weightUpdateEvery);
        if (initialCondition != InitialCondition.HARD && initialCondition != InitialCondition.TRANSPORTED) {
            positive("initial points", points.initial());
        }
        if (initialCondition == InitialCondition.TRANSPORTED && !jumpFeature) {
            throw new IllegalArgumentException("the transported initial condition needs the jump feature (the side of the corner's characteristic)");
        }
        if (optimisation.adamSteps() < 0 || optimisation.lbfgsIterations() < 0) {
            throw new IllegalArgumentException("step counts must be >= 0");
        }
        if (optimisation.lbfgsIterations() > 0 && optimisation.lbfgsPoints() < 1) {
            // the paper presets have no L-BFGS phase, hence no points for it
            throw new IllegalArgumentException("L-BFGS iterations need L-BFGS points (--lbfgs-points N), got " + optimisation.lbfgsPoints());
        }
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }

    /** Shortcuts for the settings the training code reads most. */
    /** The initial condition holds by construction (hard or transported): no initial loss, no initial points. */
    public boolean hardInitial() {
        return initialCondition == InitialCondition.HARD || initialCondition == InitialCondition.TRANSPORTED;
    }

    public int adamSteps() {
        return optimisation.adamSteps();
    }

    public int lbfgsIterations() {
        return optimisation.lbfgsIterations();
    }

    /**
     * popcast's recipe for the source paper's problem (docs/pinn.md has the measurements behind
     * it): hard initial condition, the jump side as an input, Sobol points, Adam with decay, then
     * float64 L-BFGS.
     */
    public static PinnSettings defaults() {
        return new PinnSettings(new PinnBody.Mlp(new int[] {64, 64, 64}), InitialCondition.HARD, true,
                new Points(2048, 0, 32, 8, Collocation.Kind.SOBOL), LossWeights.EQUAL, 1000,
                new Optimisation(new LearningRateSchedule(1e-3, 0.9, 1000), 10000, 2000, 4096), 42);
    }

    /**
     * popcast's LSTM-PINN recipe: two LSTM layers of 32 units reading 4 earlier points one year
     * apart along each point's characteristic, otherwise as {@link #defaults()} with fewer points
     * (a sequence costs 5 cell steps per point).
     */
    public static PinnSettings lstmDefaults() {
        return new PinnSettings(new PinnBody.Lstm(32, 2, 4, 1.0, 0), InitialCondition.HARD, true,
                new Points(1024, 0, 32, 8, Collocation.Kind.SOBOL), LossWeights.EQUAL, 1000,
                new Optimisation(new LearningRateSchedule(1e-3, 0.9, 1000), 5000, 1000, 2048), 42);
    }

    /**
     * The source paper's LSTM-PINN: 4 stacked LSTM layers of 64 units, dropout 0.1 between layers
     * in training only, Linear(64, 1), sequences of length one, Adam 5e-4, with the paper PINN's
     * points and losses (and per-time births).
     */
    public static PinnSettings lstmPaperPreset() {
        return paper(new PinnBody.Lstm(64, 4, 0, 1.0, 0.1));
    }

    /**
     * The source paper's configuration (2-128-128-64-1 tanh, Adam 5e-4, 10,000 steps, 5000
     * interior, 2000 initial and 2000 boundary points redrawn each step, equal weights, relative
     * initial loss), but with per-time births and without the paper's defects (see the command's help).
     */
    public static PinnSettings paperPreset() {
        return paper(new PinnBody.Mlp(new int[] {128, 128, 64}));
    }

    private static PinnSettings paper(PinnBody body) {
        return new PinnSettings(body, InitialCondition.SOFT_RELATIVE, false, new Points(5000, 2000, 2000, 8, Collocation.Kind.UNIFORM),
                LossWeights.EQUAL, 1000, new Optimisation(LearningRateSchedule.constant(5e-4), 10000, 0, 0), 42);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
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

    /**
     * Network inputs: a~, t~, the parametric surrogate's parameters (each in [-1, 1]) and, with the
     * jump feature, the side of each jump line of the problem.
     */
    public int inputWidth(AgePdeProblem problem) {
        return (jumpFeature ? 2 + problem.jumpOrigins().length : 2) + parametric.count();
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
        m.put("initial_condition", EnumLabels.label(initialCondition));
        m.put("jump_feature", Boolean.toString(jumpFeature));
        m.put("interior_points", Integer.toString(points.interior()));
        m.put("initial_points", Integer.toString(points.initial()));
        m.put("boundary_times", Integer.toString(points.boundaryTimes()));
        m.put("quadrature_nodes", Integer.toString(points.quadratureNodes()));
        m.put("sampling", points.sampling().name().toLowerCase(Locale.ROOT));
        m.put("loss_weights", EnumLabels.label(lossWeights));
        m.put("weight_update_every", Integer.toString(weightUpdateEvery));
        m.put("learning_rate", Double.toString(optimisation.schedule().initial()));
        m.put("learning_rate_decay", Double.toString(optimisation.schedule().decay()));
        m.put("learning_rate_decay_steps", Long.toString(optimisation.schedule().every()));
        m.put("adam_steps", Integer.toString(optimisation.adamSteps()));
        m.put("lbfgs_iterations", Integer.toString(optimisation.lbfgsIterations()));
        m.put("lbfgs_points", Integer.toString(optimisation.lbfgsPoints()));
        m.put("seed", Long.toString(seed));
        if (!parametric.isEmpty()) {
            m.put("parametric", parametric.toString());
        }
        // 0 is off; the details only when on (settings of older files lack all of these: off)
        m.put("causal_chunks", Integer.toString(causal.chunks()));
        if (causal.on()) {
            m.put("causal_eps", Double.toString(causal.eps()));
        }
        m.put("rar_every", Integer.toString(refinement.every()));
        if (refinement.on()) {
            m.put("rar_k", Double.toString(refinement.k()));
            m.put("rar_c", Double.toString(refinement.c()));
            m.put("rar_points", Integer.toString(refinement.points()));
            m.put("rar_candidates", Integer.toString(refinement.candidates()));
        }
        return m;
    }

    public static PinnSettings fromMap(Map<String, String> m) {
        PinnBody body = "lstm-pinn".equals(m.getOrDefault("model", "pinn"))
                ? new PinnBody.Lstm(integer(m, "lstm_units"), integer(m, "lstm_layers"), integer(m, "sequence_steps"),
                        Double.parseDouble(get(m, "sequence_spacing")), Double.parseDouble(get(m, "dropout")))
                : new PinnBody.Mlp(Arrays.stream(get(m, "hidden").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
        Points points = new Points(integer(m, "interior_points"), integer(m, "initial_points"), integer(m, "boundary_times"),
                integer(m, "quadrature_nodes"), Collocation.Kind.parse(get(m, "sampling")));
        Optimisation optimisation = new Optimisation(new LearningRateSchedule(Double.parseDouble(get(m, "learning_rate")),
                Double.parseDouble(get(m, "learning_rate_decay")), Long.parseLong(get(m, "learning_rate_decay_steps"))),
                integer(m, "adam_steps"), integer(m, "lbfgs_iterations"), integer(m, "lbfgs_points"));
        return new PinnSettings(body, choice(InitialCondition.class, m, "initial_condition"), Boolean.parseBoolean(get(m, "jump_feature")),
                points, choice(LossWeights.class, m, "loss_weights"), integer(m, "weight_update_every"), optimisation,
                Long.parseLong(get(m, "seed")),
                m.containsKey("parametric") ? PinnParametric.parse(java.util.List.of(m.get("parametric").split(","))) : PinnParametric.NONE,
                causal(m), refinement(m));
    }

    /** Keys that settings written before they existed lack, with the value that means what those runs did. */
    public static final Map<String, String> ABSENT_MEANS = Map.of("causal_chunks", "0", "rar_every", "0");

    private static CausalWeights causal(Map<String, String> m) {
        int chunks = Integer.parseInt(m.getOrDefault("causal_chunks", "0"));
        return chunks == 0 ? CausalWeights.OFF : new CausalWeights(chunks, Double.parseDouble(get(m, "causal_eps")));
    }

    private static ResidualRefinement refinement(Map<String, String> m) {
        int every = Integer.parseInt(m.getOrDefault("rar_every", "0"));
        return every == 0 ? ResidualRefinement.OFF : new ResidualRefinement(every, Double.parseDouble(get(m, "rar_k")),
                Double.parseDouble(get(m, "rar_c")), integer(m, "rar_points"), integer(m, "rar_candidates"));
    }

    private static String get(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("PINN settings lack '" + key + "'");
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> m, String key) {
        try {
            return EnumLabels.parse(type, get(m, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key.replace('_', ' ') + " " + e.getMessage());
        }
    }

    private static int integer(Map<String, String> m, String key) {
        return Integer.parseInt(get(m, key));
    }

    /** Changes some settings of a preset; {@link #build()} validates the whole. */
    public static final class Builder {
        private PinnBody body;
        private InitialCondition initialCondition;
        private boolean jumpFeature;
        private Points points;
        private LossWeights lossWeights;
        private int weightUpdateEvery;
        private Optimisation optimisation;
        private long seed;
        private PinnParametric parametric;
        private CausalWeights causal;
        private ResidualRefinement refinement;

        private Builder(PinnSettings s) {
            parametric = s.parametric;
            causal = s.causal;
            refinement = s.refinement;
            body = s.body;
            initialCondition = s.initialCondition;
            jumpFeature = s.jumpFeature;
            points = s.points;
            lossWeights = s.lossWeights;
            weightUpdateEvery = s.weightUpdateEvery;
            optimisation = s.optimisation;
            seed = s.seed;
        }

        public Builder body(PinnBody b) {
            body = b;
            return this;
        }

        public Builder initialCondition(InitialCondition c) {
            initialCondition = c;
            return this;
        }

        public Builder jumpFeature(boolean on) {
            jumpFeature = on;
            return this;
        }

        public Builder points(Points p) {
            points = p;
            return this;
        }

        public Builder lossWeights(LossWeights w, int updateEvery) {
            lossWeights = w;
            weightUpdateEvery = updateEvery;
            return this;
        }

        public Builder optimisation(Optimisation o) {
            optimisation = o;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder parametric(PinnParametric p) {
            parametric = p;
            return this;
        }

        public Builder causal(CausalWeights c) {
            causal = c;
            return this;
        }

        public Builder refinement(ResidualRefinement r) {
            refinement = r;
            return this;
        }

        public PinnSettings build() {
            return new PinnSettings(body, initialCondition, jumpFeature, points, lossWeights, weightUpdateEvery, optimisation, seed,
                    parametric, causal, refinement);
        }
    }
}
