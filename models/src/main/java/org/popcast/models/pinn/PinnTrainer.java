package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.engine.optim.DeterministicAdam;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Checkpoints;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.sampling.Collocation;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The Adam phase of PINN training, in float32. Owns its graph and session. One {@link #step()} is
 * one graph run: points drawn from (seed, step), one forward pass, deterministic Adam, the step
 * counter advanced; the loss terms come back with it. Everything that a resumed run needs (weights,
 * Adam's moments, the step counter, the loss weights, RAR-D's adaptive points) is a graph variable, so a checkpoint restores
 * the run exactly.
 *
 * <p>Loss weights: equal, or balanced by gradient norms (jaxpi's scheme): every
 * {@code weightUpdateEvery} steps, lambda_i &lt;- 0.9 lambda_i + 0.1 sum_j |grad L_j| / |grad L_i|.
 */
public final class PinnTrainer implements AutoCloseable {

    /** The loss terms of one step (before its update) and their weighted sum; {@code data} is 0 without an inverse problem. */
    public record StepLosses(double total, double pde, double initial, double boundary, double data) {
        public StepLosses(double total, double pde, double initial, double boundary) {
            this(total, pde, initial, boundary, 0);
        }
    }

    /** Random streams of RAR-D (the loss's point sets use 1 to 3). */
    private static final int CANDIDATE_STREAM = 4, UNIFORM_STREAM = 5, ADAPTIVE_STREAM = 6;

    private final Graph graph = new Graph();
    private final Session session;
    private final PinnSettings settings;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    /** The variables the loss depends on (PinnBody#trains); the optimiser and the gradient norms see only these. */
    private final List<Variable<TFloat32>> trained = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Variable<TInt64> stepCounter;
    private final Variable<TFloat32> lossWeights;
    private final Op advance;
    private final Op rebalance;
    private final Operand<TFloat32> total;
    private final PinnLoss.Terms<TFloat32> terms;
    /** What Adam minimises: {@link #terms}, with the causally weighted PDE loss when that is on. */
    private final PinnLoss.Terms<TFloat32> objective;
    /** RAR-D's adaptive interior points (unit draws, points x (2 + p)), or null when off. */
    private final Variable<TFloat32> adaptive;
    private final Op resample;
    /** The causal weights w_i at the current step's points (1 x chunks), or null when off. */
    private final Operand<TFloat32> causalWeights;
    private final Device device;
    /** The unknowns' log-scales (1 x 1 each, trained with the network; empty for the forward problem). */
    private final List<Variable<TFloat32>> logScales = new ArrayList<>();

    public PinnTrainer(AgePdeProblem problem, PinnSettings s, Device device) {
        this(problem, s, device, null);
    }

    /**
     * A trainer for the forward problem ({@code inverse} null) or an inverse one: the log-scales are
     * variables in the same fused step (Adam on network and scales together), the data term added to
     * the weighted loss with the inverse problem's weight.
     */
    public PinnTrainer(AgePdeProblem problem, PinnSettings s, Device device, PinnInverse inverse) {
        this.settings = s;
        this.device = device.resolve();
        Ops tf = Ops.create(graph);
        PinnWeights initial = PinnWeights.initial(s, s.inputWidth(problem));
        Map<String, Operand<TFloat32>> named = new LinkedHashMap<>();
        initial.constants(tf, TFloat32.class).forEach((name, value) -> {
            Variable<TFloat32> v = tf.withName(name).variable(value);
            variables.add(v);
            if (s.body().trains(name)) {
                trained.add(v);
            }
            names.add(name);
            named.put(name, v);
        });
        stepCounter = tf.withName("step").variable(tf.constant(0L));
        lossWeights = tf.withName("loss_weights").variable(tf.constant(new float[] {1, 1, 1}));
        Operand<TInt64> dropoutSeeds = tf.stack(List.of(tf.constant(s.seed() * 1_000_003L + 100), stepCounter));
        PinnNetwork<TFloat32> net = new PinnNetwork<>(named, problem, s, dropoutSeeds);
        PinnInverse.Scales<TFloat32> scales = inverse == null ? PinnInverse.Scales.none(tf, TFloat32.class) : scales(tf, problem, inverse);
        adaptive = s.refinement().on() ? tf.withName("rar_points").variable(firstAdaptivePoints(tf, s)) : null;
        terms = PinnLoss.build(tf, net, problem, s, stepCounter, s.points().interior(), TFloat32.class, scales, adaptive,
                s.refinement().rows());
        // the optimiser sees the causally weighted PDE loss; loss_pde reports the plain mean, comparable across settings
        Operand<TFloat32> times = PinnNetwork.column(tf, terms.interior(), 1);
        objective = s.causal().on() ? terms.withPde(s.causal().loss(tf, terms.residual(), times)) : terms;
        causalWeights = s.causal().on() ? s.causal().weights(tf, s.causal().chunkLosses(tf, terms.residual(), times)) : null;
        total = inverse == null ? weighted(tf, objective, lossWeights) : tf.math.add(weighted(tf, objective, lossWeights),
                tf.math.mul(Constants.scalar(tf, inverse.dataWeight(), TFloat32.class), terms.data()));
        resample = adaptive == null ? null : resample(tf, net, problem, scales);
        Operand<TFloat32> stepNumber = tf.dtypes.cast(stepCounter, TFloat32.class);
        Op update = DeterministicAdam.minimize(tf, total, trained, s.optimisation().schedule().graph(tf, stepNumber), stepNumber);
        advance = tf.withControlDependencies(List.of(update)).assignAdd(stepCounter, tf.constant(1L));
        rebalance = s.lossWeights() == PinnSettings.LossWeights.GRADIENT_NORM ? rebalance(tf) : null;
        session = new Session(graph, this.device.config());
        session.initialize();
    }

    /** Creates the inverse problem's log-scale variables (start 0: every scale 1) and its graph view. */
    private PinnInverse.Scales<TFloat32> scales(Ops tf, AgePdeProblem problem, PinnInverse inverse) {
        for (String name : inverse.names()) {
            Variable<TFloat32> v = tf.withName(name).variable(tf.constant(new float[][] {{0f}}));
            logScales.add(v);
            trained.add(v);
        }
        Operand<TFloat32> mortality = inverse.mortalityScale() ? logScales.get(0) : null;
        Operand<TFloat32> fertility = inverse.fertilityScale() ? logScales.get(logScales.size() - 1) : null;
        return inverse.graph(tf, problem, mortality, fertility, stepCounter, TFloat32.class);
    }

    /** The unknowns' current log-scales, mortality first (empty for the forward problem). */
    public double[] logScales() {
        if (logScales.isEmpty()) {
            return new double[0];
        }
        Session.Runner runner = session.runner();
        logScales.forEach(runner::fetch);
        try (Result r = runner.run()) {
            double[] x = new double[logScales.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = ((TFloat32) r.get(i)).getFloat(0, 0);
            }
            return x;
        }
    }

    /** sum_i lambda_i L_i */
    static <T extends org.tensorflow.types.family.TFloating> Operand<T> weighted(Ops tf, PinnLoss.Terms<T> terms, Operand<T> lambda) {
        Operand<T> sum = null;
        for (int i = 0; i < 3; i++) {
            Operand<T> li = tf.math.mul(tf.gather(lambda, tf.constant(i), tf.constant(0)), terms.all().get(i));
            sum = sum == null ? li : tf.math.add(sum, li);
        }
        return sum;
    }

    private Op rebalance(Ops tf) {
        List<Operand<TFloat32>> norms = new ArrayList<>();
        for (Operand<TFloat32> term : objective.all()) {
            if (term == objective.initial() && settings.hardInitial()) {
                norms.add(null);
                continue;
            }
            Gradients g = tf.gradients(term, trained);
            Operand<TFloat32> squares = null;
            for (int i = 0; i < trained.size(); i++) {
                Operand<TFloat32> s = tf.reduceSum(tf.math.square(g.dy(i)), tf.constant(new int[] {0, 1}));
                squares = squares == null ? s : tf.math.add(squares, s);
            }
            norms.add(tf.math.sqrt(squares));
        }
        Operand<TFloat32> sum = null;
        for (Operand<TFloat32> n : norms) {
            if (n != null) {
                sum = sum == null ? n : tf.math.add(sum, n);
            }
        }
        List<Operand<TFloat32>> fresh = new ArrayList<>();
        Operand<TFloat32> tiny = Constants.scalar(tf, 1e-30, TFloat32.class);
        for (Operand<TFloat32> n : norms) {
            fresh.add(n == null ? Constants.scalar(tf, 1, TFloat32.class) : tf.math.div(sum, tf.math.add(n, tiny)));
        }
        Operand<TFloat32> target = tf.stack(fresh);
        Operand<TFloat32> moved = tf.math.add(tf.math.mul(Constants.scalar(tf, 0.9, TFloat32.class), lossWeights),
                tf.math.mul(Constants.scalar(tf, 0.1, TFloat32.class), target));
        return tf.assign(lossWeights, moved);
    }

    /** RAR-D's first adaptive points, before any residual is known: uniform draws of their own stream. */
    private static Operand<TFloat32> firstAdaptivePoints(Ops tf, PinnSettings s) {
        return new Collocation(Collocation.Kind.UNIFORM, s.seed()).draw(tf, TFloat32.class, s.refinement().points(),
                2 + s.parametric().count(), tf.constant(0L), ADAPTIVE_STREAM);
    }

    /**
     * RAR-D's update: the residual at candidates drawn from (seed, step), then the adaptive points
     * drawn among them by {@link ResidualSampler} with uniforms from (seed, step). All graph ops:
     * one session run every {@code every} steps, nothing crosses to the host.
     */
    private Op resample(Ops tf, PinnNetwork<TFloat32> net, AgePdeProblem problem, PinnInverse.Scales<TFloat32> scales) {
        ResidualRefinement rar = settings.refinement();
        int dims = 2 + settings.parametric().count();
        Operand<TFloat32> candidates = tf.stopGradient(new Collocation(settings.points().sampling(), settings.seed())
                .draw(tf, TFloat32.class, rar.candidates(), dims, stepCounter, CANDIDATE_STREAM));
        Operand<TFloat32> residual = PinnLoss.residualAt(tf, net, problem, settings, candidates, rar.candidates(), scales);
        Operand<TFloat64> size = tf.dtypes.cast(tf.reshape(tf.math.abs(residual), tf.constant(new int[] {-1})), TFloat64.class);
        Operand<TInt64> seeds = tf.stack(List.of(tf.constant(settings.seed() * 1_000_003L + UNIFORM_STREAM), stepCounter));
        Operand<TFloat64> uniforms = tf.random.statelessRandomUniform(tf.constant(new long[] {rar.points()}), seeds, TFloat64.class);
        Operand<TInt32> chosen = ResidualSampler.draw(tf, size, uniforms, rar.k(), rar.c());
        return tf.assign(adaptive, tf.gather(candidates, chosen, tf.constant(0)));
    }

    /** The causal weights w_0 .. w_{M-1} at the next step's points, without taking the step (empty when off). */
    public double[] causalWeights() {
        if (causalWeights == null) {
            return new double[0];
        }
        try (Result r = session.runner().fetch(causalWeights).run()) {
            float[] w = StdArrays.array2dCopyOf((TFloat32) r.get(0))[0];
            double[] out = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                out[i] = w[i];
            }
            return out;
        }
    }

    /** RAR-D: replaces the adaptive points by draws at the current residual (nothing when off). */
    public void resample() {
        if (resample != null) {
            session.runner().addTarget(resample).run().close();
        }
    }

    /** The adaptive points (unit draws), or an empty array when RAR-D is off. */
    public float[][] adaptivePoints() {
        if (adaptive == null) {
            return new float[0][];
        }
        try (Result r = session.runner().fetch(adaptive).run()) {
            return StdArrays.array2dCopyOf((TFloat32) r.get(0));
        }
    }

    /** The device the session was configured for. */
    public Device device() {
        return device;
    }

    /** One Adam step; returns the loss terms at this step's points (before the update). */
    public StepLosses step() {
        return step(null);
    }

    /**
     * One Adam step; with a non-null {@code placement} the step is traced and the devices that ran
     * its ops (with their op counts) are put there.
     */
    public StepLosses step(Map<String, Integer> placement) {
        Session.Runner runner = session.runner().addTarget(advance).fetch(total).fetch(terms.pde())
                .fetch(terms.initial()).fetch(terms.boundary()).fetch(terms.data());
        if (placement != null) {
            runner.setOptions(Device.tracing());
        }
        try (Result r = placement != null ? runner.runAndFetchMetadata() : runner.run()) {
            if (placement != null) {
                placement.putAll(Device.placement(r));
            }
            return new StepLosses(((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(),
                    ((TFloat32) r.get(2)).getFloat(), ((TFloat32) r.get(3)).getFloat(), ((TFloat32) r.get(4)).getFloat());
        }
    }

    /** Updates the loss weights from the current gradient norms (gradient-norm balancing only). */
    public void rebalance() {
        if (rebalance != null) {
            session.runner().addTarget(rebalance).run().close();
        }
    }

    /** The steps taken so far. */
    public long stepCount() {
        try (Result r = session.runner().fetch(stepCounter).run()) {
            return ((TInt64) r.get(0)).getObject();
        }
    }

    /** lambda_pde, lambda_ic, lambda_bc. */
    public double[] lossWeights() {
        try (Result r = session.runner().fetch(lossWeights).run()) {
            float[] w = StdArrays.array1dCopyOf((TFloat32) r.get(0));
            return new double[] {w[0], w[1], w[2]};
        }
    }

    /** The current weights, widened to float64. */
    public PinnWeights weights() {
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        Session.Runner runner = session.runner();
        variables.forEach(runner::fetch);
        try (Result r = runner.run()) {
            for (int i = 0; i < variables.size(); i++) {
                arrays.put(names.get(i), widen(StdArrays.array2dCopyOf((TFloat32) r.get(i))));
            }
        }
        return new PinnWeights(arrays);
    }

    private static double[][] widen(float[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                y[i][j] = x[i][j];
            }
        }
        return y;
    }

    public void save(Checkpoints checkpoints, Map<String, String> meta, Map<String, double[]> series) throws java.io.IOException {
        checkpoints.save(session, stepCount(), meta, series);
    }

    public void restore(Checkpoints.Saved saved) {
        Checkpoints.restore(session, saved);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
