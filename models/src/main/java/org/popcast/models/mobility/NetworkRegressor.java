package org.popcast.models.mobility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.popcast.engine.optim.DeterministicAdam;
import org.popcast.engine.train.EarlyStopping;
import org.popcast.engine.train.Progress;
import org.popcast.engine.train.ProgressReport;
import org.popcast.engine.train.StepListener;
import org.popcast.engine.train.TrainingLoop;
import org.popcast.engine.train.TrainingStep;
import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.graph.Unjitted;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * An FNN or LSTM regressor on TensorFlow Java in graph mode: owns its graph and session. Training
 * is mini-batch Adam (popcast's deterministic Adam) on the mean squared error plus the
 * architecture's penalty, rows reshuffled every epoch with the seed; dropout masks come from
 * (seed, step), so a seed replays a run exactly. With validation samples, training stops after
 * {@code patience} epochs without a lower validation MSE and the best epoch's weights are restored
 * (Keras' EarlyStopping with restore_best_weights); validation samples never reach the gradient.
 */
public final class NetworkRegressor implements AutoCloseable {

    /** Training settings; {@code maxEpochs} is the fixed epoch count when there is no validation set. */
    public record Training(int maxEpochs, int batchSize, double learningRate, int patience, long seed) {
        public Training {
            if (maxEpochs < 1 || batchSize < 1 || !(learningRate > 0) || patience < 1) {
                throw new IllegalArgumentException("epochs, batch size and patience must be >= 1 and the learning rate > 0; got "
                        + maxEpochs + ", " + batchSize + ", " + patience + ", " + learningRate);
            }
        }
    }

    /** What training did: epochs run, the best epoch (1-based; the last one without validation) and the losses per epoch. */
    public record Log(int epochsRun, int bestEpoch, double[] trainLoss, double[] validationMse) {
    }

    private static final int PREDICT_BATCH = 4096;

    /**
     * Each network runs its ops on one thread of its own. The networks are small (batches of 32,
     * layers of tens of units), so TensorFlow's default pools (one thread per core, shared by every
     * session and spinning while they wait) spent more CPU handing ops between threads than computing,
     * and fought the other fold's lane: mobility evaluate fits folds in parallel instead. Measured
     * on one time fold (fnn, lstm): 23.0 s CPU with the default pools, 16.8 s with this, and
     * byte-identical predictions (these ops are too small for the thread count to change how they
     * are split and summed).
     */
    private static final ConfigProto ONE_THREAD = ConfigProto.newBuilder().setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1).setUsePerSessionThreads(true).build();

    private final NetworkKind kind;
    private final int inputs;
    private final int years;
    private final Graph graph;
    private final Session session;
    /** Variable operation names by weight name. */
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final String x;
    private final String y;
    private final String stepNumber;
    private final String step;
    private final String loss;
    private final String trainStep;
    private final String prediction;
    private final String save;
    private final String restore;

    /**
     * A network with the given weights (see {@link NetworkKind#initialWeights}); {@code years} is 1 for the FNN.
     *
     * <p>The graph runs without XLA ({@link Unjitted}), whatever {@code TF_XLA_FLAGS} says: with the
     * launcher's auto-clustering every fold's new graph and every new batch shape (the last, partial
     * batch of an epoch, the validation and test sets) was compiled again, which cost more than the
     * tiny ops it fused (docs/mobility.md, wall time). It also makes the networks' numbers the same
     * under the launcher as under the tests, which never set the flag.
     */
    public NetworkRegressor(NetworkKind kind, int inputs, int years, Map<String, float[][]> weights, double learningRate, long seed) {
        this.kind = kind;
        this.inputs = inputs;
        this.years = kind == NetworkKind.LSTM ? years : 1;
        try (Graph built = new Graph()) {
            Ops tf = Ops.create(built);
            List<Op> saves = new ArrayList<>(), restores = new ArrayList<>();
            // Every use goes through one Identity per variable: TensorFlow Java 1.1 crashes in native
            // code while building gradients for a (ref-typed) variable read by two ops on the loss's
            // path, as the LSTM kernel is (by the LSTM and by its L2 penalty).
            Map<String, Operand<TFloat32>> reads = new LinkedHashMap<>();
            List<Variable<TFloat32>> trained = new ArrayList<>();
            for (Map.Entry<String, float[][]> e : weights.entrySet()) {
                Variable<TFloat32> v = tf.withName(e.getKey()).variable(tf.constant(e.getValue()));
                Variable<TFloat32> best = tf.variable(tf.constant(e.getValue()));
                variables.put(e.getKey(), v.op().name());
                trained.add(v);
                reads.put(e.getKey(), tf.identity(v));
                saves.add(tf.assign(best, v));
                restores.add(tf.assign(v, best));
            }
            Placeholder<TFloat32> xIn = tf.placeholder(TFloat32.class);
            Placeholder<TFloat32> yIn = tf.placeholder(TFloat32.class);
            Placeholder<TFloat32> stepIn = tf.placeholder(TFloat32.class);
            Placeholder<TInt64> seedStep = tf.placeholder(TInt64.class);
            Operand<TInt64> seedPair = tf.stack(List.of(tf.constant(seed * 7919 + 17), seedStep));
            Operand<TFloat32> trainOut = kind.forward(tf, reads, xIn, this.years, seedPair);
            Operand<TFloat32> mse = tf.math.mean(tf.math.square(tf.math.sub(trainOut, yIn)), tf.constant(new int[] {0, 1}));
            Operand<TFloat32> lossOut = tf.math.add(mse, kind.penalty(tf, reads));
            Op minimize = DeterministicAdam.minimize(tf, lossOut, trained, Constants.scalar(tf, learningRate, TFloat32.class), stepIn);
            Operand<TFloat32> predictionOut = kind.forward(tf, reads, xIn, this.years, null);
            x = xIn.op().name();
            y = yIn.op().name();
            stepNumber = stepIn.op().name();
            step = seedStep.op().name();
            loss = lossOut.op().name();
            trainStep = minimize.op().name();
            prediction = predictionOut.op().name();
            save = tf.withControlDependencies(saves).noOp().op().name();
            restore = tf.withControlDependencies(restores).noOp().op().name();
            graph = Unjitted.copyOf(built);
        }
        session = new Session(graph, ONE_THREAD);
        session.initialize();
    }

    public NetworkKind kind() {
        return kind;
    }

    /**
     * Trains on {@code train}; {@code validation} (may be null) drives early stopping. Each epoch
     * is reported to {@code progress} as phase "epoch", its text starting with {@code label}.
     */
    public Log fit(Samples train, Samples validation, Training s, Progress progress, String label) {
        List<Double> trainLoss = new ArrayList<>(), valMse = new ArrayList<>();
        TrainingLoop<Epoch> loop = new TrainingLoop<Epoch>(new Epochs(train, validation, s)).addStepListener(StepListener.recorder(e -> {
            trainLoss.add(e.trainLoss());
            if (validation != null) {
                valMse.add(e.validationMse());
            }
        }));
        EarlyStopping<Epoch> early = validation == null ? null
                : new EarlyStopping<>(Epoch::validationMse, s.patience(), () -> runTarget(save), () -> runTarget(restore));
        if (early != null) {
            loop.addStepListener(early);
        }
        loop.addStepListener(new ProgressReport<>(progress, "epoch", e -> describe(label, e, early)));
        TrainingLoop.Ending end;
        try {
            end = loop.run(0, s.maxEpochs());
        } catch (IOException e) {
            throw new UncheckedIOException("no listener of a network's training writes files", e);
        }
        int bestEpoch = (int) (early == null ? end.done() : early.bestStep());
        return new Log(trainLoss.size(), bestEpoch, trainLoss.stream().mapToDouble(Double::doubleValue).toArray(),
                valMse.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** An epoch's progress text; with early stopping, the validation MSE and the best epoch so far. */
    private static String describe(String label, Epoch e, EarlyStopping<Epoch> early) {
        return early == null ? String.format(Locale.ROOT, "%s loss %.4g", label, e.trainLoss())
                : String.format(Locale.ROOT, "%s loss %.4g validation MSE %.4g (best epoch %d)", label, e.trainLoss(), e.validationMse(),
                        early.bestStep());
    }

    /** One epoch's mean training loss, and the validation MSE after it (NaN without validation samples). */
    private record Epoch(double trainLoss, double validationMse) {
    }

    /**
     * Epochs of mini-batch Adam: the rows reshuffled every epoch by a random generator seeded once
     * per fit, and the Adam step counter (which also seeds the dropout masks) running on across
     * epochs, so a seed replays a fit exactly.
     */
    private final class Epochs implements TrainingStep<Epoch> {

        private final Samples train;
        private final Samples validation;
        private final int batchSize;
        private final Random random;
        private final int[] order;
        private long steps;

        Epochs(Samples train, Samples validation, Training s) {
            this.train = train;
            this.validation = validation;
            this.batchSize = s.batchSize();
            this.random = new Random(s.seed());
            this.order = new int[train.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }

        @Override
        public Epoch take() {
            shuffle(order, random);
            double sum = 0;
            for (int from = 0; from < order.length; from += batchSize) {
                int to = Math.min(order.length, from + batchSize);
                sum += batchStep(train.subset(order, from, to), steps) * (to - from);
                steps++;
            }
            double validationMse = validation == null ? Double.NaN
                    : Metrics.of(toDouble(validation.targets()), predict(validation)).mse();
            return new Epoch(sum / order.length, validationMse);
        }
    }

    /** One Adam step on a batch as step {@code steps} of the fit; returns the batch's loss before the update. */
    private float batchStep(Samples batch, long steps) {
        try (TFloat32 xb = tensor(batch); TFloat32 yb = targets(batch);
             TFloat32 n = TFloat32.scalarOf(steps); TInt64 st = TInt64.scalarOf(steps);
             Result r = session.runner().feed(x, xb).feed(y, yb).feed(stepNumber, n).feed(step, st)
                     .addTarget(trainStep).fetch(loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    private void runTarget(String target) {
        session.runner().addTarget(target).run().close();
    }

    /** Predictions (dropout off) for every sample. */
    public double[] predict(Samples samples) {
        double[] out = new double[samples.count()];
        int[] all = new int[samples.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int from = 0; from < all.length; from += PREDICT_BATCH) {
            int to = Math.min(all.length, from + PREDICT_BATCH);
            try (TFloat32 xb = tensor(samples.subset(all, from, to));
                 Result r = session.runner().feed(x, xb).fetch(prediction).run()) {
                float[][] p = StdArrays.array2dCopyOf((TFloat32) r.get(0));
                for (int i = 0; i < p.length; i++) {
                    out[from + i] = p[i][0];
                }
            }
        }
        return out;
    }

    /** The current weights by name. */
    public Map<String, float[][]> weights() {
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : variables.entrySet()) {
            try (Result r = session.runner().fetch(e.getValue()).run()) {
                out.put(e.getKey(), StdArrays.array2dCopyOf((TFloat32) r.get(0)));
            }
        }
        return out;
    }

    private TFloat32 tensor(Samples s) {
        long[] dims = new long[s.shape().length + 1];
        dims[0] = s.count();
        System.arraycopy(s.shape(), 0, dims, 1, s.shape().length);
        long expected = kind == NetworkKind.LSTM ? (long) years * inputs : inputs;
        if (s.count() > 0 && s.sampleSize() != expected) {
            throw new IllegalArgumentException(kind.key() + " network expects samples of " + expected + " values, got " + s.sampleSize());
        }
        return TFloat32.tensorOf(Shape.of(dims), DataBuffers.of(s.data(), true, false));
    }

    private static TFloat32 targets(Samples s) {
        return TFloat32.tensorOf(Shape.of(s.count(), 1), DataBuffers.of(s.targets(), true, false));
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
