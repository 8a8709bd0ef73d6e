package org.popcast.engine.train;

import java.util.function.ToDoubleFunction;

/**
 * Stops when a monitored loss (a validation loss) has not decreased for {@code patience} steps and
 * leaves the model at its best step, as Keras' EarlyStopping with restore_best_weights does: every
 * strict improvement calls {@code keepBest} (copy the weights aside), and the end of the loop,
 * stopped or not, calls {@code restoreBest} (copy them back). A value that never improves (NaN)
 * stops the loop after {@code patience} steps, with the best step left at the loop's start.
 *
 * @param <L> the losses a step reports
 */
public final class EarlyStopping<L> implements StepListener<L> {

    private final ToDoubleFunction<? super L> monitored;
    private final int patience;
    private final Runnable keepBest;
    private final Runnable restoreBest;
    private double best = Double.POSITIVE_INFINITY;
    private long bestStep;

    public EarlyStopping(ToDoubleFunction<? super L> monitored, int patience, Runnable keepBest, Runnable restoreBest) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.monitored = monitored;
        this.patience = patience;
        this.keepBest = keepBest;
        this.restoreBest = restoreBest;
    }

    @Override
    public void loopStarted(long first, long last) {
        best = Double.POSITIVE_INFINITY;
        bestStep = first;
    }

    @Override
    public Action stepDone(TrainingLoop.Step<? extends L> step) {
        double value = monitored.applyAsDouble(step.losses());
        if (value < best) {
            best = value;
            bestStep = step.done();
            keepBest.run();
        }
        return step.done() - bestStep >= patience ? Action.STOP : Action.CONTINUE;
    }

    @Override
    public void loopEnded(TrainingLoop.Ending ending) {
        restoreBest.run();
    }

    /** The step with the lowest monitored value so far (the loop's start if none was finite). */
    public long bestStep() {
        return bestStep;
    }

    /** The lowest monitored value so far. */
    public double best() {
        return best;
    }
}
