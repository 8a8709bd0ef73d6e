package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;

import org.popcast.engine.train.Progress;
import org.popcast.kernels.cohort.BatchedCohortStep;
import org.popcast.kernels.cohort.BatchedMigrationBalance;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat64;

/**
 * The projection of all regions x scenarios x sexes x ages as one TensorFlow graph per step:
 * migration (caps, size factors, scenario scales, hierarchical balance, international and given
 * migration) and the cohort-component step, both batched. The host builds only the step's rates
 * (life tables, fertility paths) and copies each step's results out once. Runs on the
 * CPU, or on a GPU with the {@code gpu} build. Owns its graph and session for one run.
 */
public final class BatchedProjector implements Projector {

    @Override
    public String name() {
        return "tensorflow-batched";
    }

    @Override
    public ProjectionResult run(ProjectionPlan plan, Progress progress) {
        CohortLayout layout = plan.layout();
        int steps = plan.steps();
        ProjectionResult result = ProjectionResult.of(plan);
        try (Graph g = new Graph(); Session session = new Session(g)) {
            StepGraph step = new StepGraph(Ops.create(g), plan);
            double[] initial = LoopProjector.initialState(plan.input(), layout);
            result.recordPopulation(0, initial);
            Tensor initialState = Tensors.of(initial, layout.stateShape());
            Tensor initialCapped = Tensors.of(new double[layout.seriesCount()], layout.seriesShape());
            Tensor state = initialState, capped = initialCapped;
            Result previous = null;
            try {
                for (int k = 0; k < steps; k++) {
                    StepRates r = plan.rates(k);
                    List<Tensor> feeds = step.feeds(r, layout);
                    Result out;
                    try {
                        Session.Runner runner = session.runner().feed(step.population, state).feed(step.capped, capped);
                        for (int i = 0; i < feeds.size(); i++) {
                            runner.feed(step.inputs.get(i), feeds.get(i));
                        }
                        out = runner.fetch(step.outputs.population()).fetch(step.outputs.births()).fetch(step.outputs.deaths())
                                .fetch(step.outputs.netMigration()).fetch(step.cappedAfter).fetch(step.outputs.birthsByAge())
                                .fetch(step.outputs.deathsByAge()).fetch(step.migrants).run();
                    } finally {
                        feeds.forEach(Tensor::close);
                    }
                    if (previous != null) {
                        previous.close();
                    }
                    previous = out;
                    result.recordFlows(k, Tensors.flat(out.get(1)), Tensors.flat(out.get(2)), Tensors.flat(out.get(3)));
                    result.recordAgeFlows(k, Tensors.flat(out.get(5)), Tensors.flat(out.get(6)), Tensors.flat(out.get(7)));
                    result.recordPopulation(k + 1, Tensors.flat(out.get(0)));
                    // the next step is fed the fetched tensors themselves: no copy back into the runtime
                    state = out.get(0);
                    capped = out.get(4);
                    progress.update("project", k + 1, steps, k + 1, "year " + result.years()[k + 1]);
                }
            } finally {
                if (previous != null) {
                    previous.close();
                }
                initialState.close();
                initialCapped.close();
            }
        }
        return result;
    }

    /** The graph of one step: placeholders for the state and the step's rates, constants for the rest. */
    private static final class StepGraph {
        final Placeholder<TFloat64> population;
        final Placeholder<TFloat64> capped;
        final List<Placeholder<TFloat64>> inputs = new ArrayList<>();
        final BatchedCohortStep.Outputs outputs;
        final Operand<TFloat64> cappedAfter;
        final Operand<TFloat64> migrants;

        StepGraph(Ops tf, ProjectionPlan plan) {
            CohortInput in = plan.input();
            CohortLayout layout = plan.layout();
            int leaves = layout.leaves(), ages = layout.ages();
            double n = plan.stepLength();
            population = tf.placeholder(TFloat64.class);
            capped = tf.placeholder(TFloat64.class);
            Placeholder<TFloat64> survival = input(tf), birthSurvival = input(tf), fertility = input(tf), femaleShare = input(tf);
            Placeholder<TFloat64> intRate = input(tf), scale = input(tf), smallFactor = input(tf), middleFactor = input(tf);
            Placeholder<TFloat64> explicitCount = input(tf), explicitRate = input(tf);

            Operand<TFloat64> one = tf.constant(1.0);
            Operand<TFloat64> total = tf.reduceSum(population, tf.constant(new int[] {2, 3}), ReduceSum.keepDims(true));
            Operand<TFloat64> caps = constant(tf, plan.caps(), leaves, 1, 1, 1);
            cappedAfter = tf.math.maximum(capped, tf.dtypes.cast(tf.math.greaterEqual(total, caps), TFloat64.class));
            Operand<TFloat64> given = tf.math.add(tf.math.mul(tf.math.mul(tf.constant(n), intRate), population), explicitCount);
            given = tf.math.add(given, tf.math.mul(tf.math.mul(tf.constant(n), explicitRate), population));
            if (in.hasInternalMigration()) {
                double[] size = plan.sizeThresholds();
                Operand<TFloat64> factor = tf.select(tf.math.less(total, tf.constant(size[0])), tf.math.mul(smallFactor, tf.onesLike(total)),
                        tf.select(tf.math.less(total, tf.constant(size[1])), tf.math.mul(middleFactor, tf.onesLike(total)), tf.onesLike(total)));
                Operand<TFloat64> active = tf.math.sub(one, cappedAfter);
                Operand<TFloat64> scaled = tf.math.mul(tf.constant(n), scale);
                Operand<TFloat64> raw = tf.math.mul(tf.math.mul(tf.math.mul(scaled, constant(tf, plan.leafRates(), layout.leafShape())),
                        tf.math.mul(factor, population)), active);
                int provinces = plan.hasOwnRate().length;
                var provinceOf = tf.constant(in.provinceOf());
                Operand<TFloat64> provincePop = tf.math.unsortedSegmentSum(population, provinceOf, tf.constant(provinces));
                long[] byProvince = CohortLayout.ofLeaves(provinces, ages).leafShape();
                Operand<TFloat64> own = tf.math.mul(tf.math.mul(scaled, constant(tf, plan.provinceRates(), byProvince)), provincePop);
                Operand<TFloat64> internal = BatchedMigrationBalance.balance(tf, raw, active, population, provinceOf, provinces, own,
                        constant(tf, plan.hasOwnRate(), provinces, 1, 1, 1));
                given = tf.math.add(internal, given);
            }
            migrants = given;
            outputs = BatchedCohortStep.project(tf, population, migrants, survival, birthSurvival, fertility, femaleShare,
                    ages, n, plan.timing());
        }

        private Placeholder<TFloat64> input(Ops tf) {
            Placeholder<TFloat64> p = tf.placeholder(TFloat64.class);
            inputs.add(p);
            return p;
        }

        /** The step's rates as tensors, in the order of {@link #inputs}. */
        List<Tensor> feeds(StepRates r, CohortLayout layout) {
            int leaves = layout.leaves(), scen = layout.scenarios(), ages = layout.ages();
            return List.of(Tensors.of(r.survival(), layout.leafShape()), Tensors.of(r.birthSurvival(), leaves, 1, CohortLayout.SEXES),
                    Tensors.of(r.fertility(), leaves, scen, ages), Tensors.of(r.femaleShare(), leaves, 1),
                    TFloat64.scalarOf(r.internationalRate()), Tensors.of(r.migrationScale(), 1, scen, 1, 1),
                    TFloat64.scalarOf(r.smallFactor()), TFloat64.scalarOf(r.middleFactor()),
                    Tensors.of(r.explicitCount(), layout.leafShape()), Tensors.of(r.explicitRate(), layout.leafShape()));
        }

        private static Operand<TFloat64> constant(Ops tf, double[] values, long... shape) {
            try (TFloat64 t = Tensors.of(values, shape)) {
                return tf.constantOf(t);
            }
        }
    }
}
