package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.engine.optim.Lbfgs;
import org.popcast.engine.runtime.Device;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * The float64 L-BFGS phase after Adam (float32 L-BFGS stalls after a few iterations: pinn-notes.md).
 * The same loss as Adam's, at one fixed batch ({@code lbfgsPoints} interior points drawn as at the
 * step after Adam's last), with Adam's final loss weights. The weights are fed as placeholders, so
 * one evaluation is one graph run; only the weights and their gradient cross to the host.
 */
final class PinnLbfgsPhase implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session;
    private final List<Placeholder<TFloat64>> inputs = new ArrayList<>();
    /** For each input, its index among the gradients, or -1 for weights the loss does not read (PinnBody#trains). */
    private final List<Integer> gradientIndex = new ArrayList<>();
    private final Operand<TFloat64> total;
    private final PinnLoss.Terms<TFloat64> terms;
    private final Gradients gradients;
    private final PinnWeights shape;
    /** The loss terms of recent evaluations, by the evaluated array (L-BFGS reports points by identity). */
    private final Map<double[], PinnTrainer.StepLosses> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<double[], PinnTrainer.StepLosses> eldest) {
            return size() > 64;
        }
    };

    PinnLbfgsPhase(AgePdeProblem problem, PinnSettings s, PinnWeights shape, double[] lossWeights, long pointsStep, Device device) {
        this.shape = shape;
        Ops tf = Ops.create(graph);
        Map<String, org.tensorflow.Operand<TFloat64>> named = new LinkedHashMap<>();
        List<Placeholder<TFloat64>> trained = new ArrayList<>();
        for (String name : shape.arrays().keySet()) {
            Placeholder<TFloat64> p = tf.placeholder(TFloat64.class);
            inputs.add(p);
            named.put(name, p);
            gradientIndex.add(s.body().trains(name) ? trained.size() : -1);
            if (s.body().trains(name)) {
                trained.add(p);
            }
        }
        PinnNetwork<TFloat64> net = new PinnNetwork<>(named, problem, s);
        terms = PinnLoss.build(tf, net, problem, s, tf.constant(pointsStep), s.optimisation().lbfgsPoints(), TFloat64.class);
        total = PinnTrainer.weighted(tf, terms, tf.constant(lossWeights));
        gradients = tf.gradients(total, trained);
        session = new Session(graph, device.config());
    }

    private double evaluate(double[] x, double[] gradient) {
        PinnWeights w = shape.reshape(x);
        Session.Runner runner = session.runner();
        List<TFloat64> fed = new ArrayList<>();
        try {
            int slot = 0;
            for (double[][] a : w.arrays().values()) {
                TFloat64 t = TFloat64.tensorOf(StdArrays.ndCopyOf(a));
                fed.add(t);
                runner.feed(inputs.get(slot++), t);
            }
            runner.fetch(total).fetch(terms.pde()).fetch(terms.initial()).fetch(terms.boundary());
            for (int index : gradientIndex) {
                if (index >= 0) {
                    runner.fetch(gradients.dy(index)); // in index order: r.get(4 + index)
                }
            }
            try (Result r = runner.run()) {
                int at = 0;
                List<double[][]> arrays = new ArrayList<>(w.arrays().values());
                for (int i = 0; i < inputs.size(); i++) {
                    int index = gradientIndex.get(i);
                    double[][] g = index >= 0 ? StdArrays.array2dCopyOf((TFloat64) r.get(4 + index)) : null;
                    for (int row = 0; row < arrays.get(i).length; row++) {
                        int n = arrays.get(i)[row].length;
                        if (g != null) {
                            System.arraycopy(g[row], 0, gradient, at, n);
                        } else {
                            java.util.Arrays.fill(gradient, at, at + n, 0.0);
                        }
                        at += n;
                    }
                }
                double value = ((TFloat64) r.get(0)).getDouble();
                recent.put(x, new PinnTrainer.StepLosses(value, ((TFloat64) r.get(1)).getDouble(),
                        ((TFloat64) r.get(2)).getDouble(), ((TFloat64) r.get(3)).getDouble()));
                return value;
            }
        } finally {
            fed.forEach(TFloat64::close);
        }
    }

    /** Listens to the iterations with their loss terms; return false to stop. */
    interface Listener {
        boolean iterated(int iteration, PinnTrainer.StepLosses losses);
    }

    /** Runs L-BFGS from {@code start}; returns the final weights. */
    PinnWeights run(PinnWeights start, int iterations, Listener listener) {
        Lbfgs.Result r = Lbfgs.minimize(this::evaluate, start.flatten(), Lbfgs.Settings.of(iterations),
                (it, x, value, gnorm) -> listener.iterated(it, recent.get(x)));
        return shape.reshape(r.x());
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
