package org.popcast.models.pinn;

import org.popcast.engine.train.StepListener;
import org.popcast.engine.train.TrainingLoop;

/**
 * Runs RAR-D's resampling every {@code every} steps. Like the loss-weight update it is part of the
 * trained state: it runs at steps counted from the start of training, after the step and before that
 * step's checkpoint (listeners run in the order added), so the checkpoint holds the new points and a
 * resumed run resamples at the same steps as an uninterrupted one.
 */
final class Resampling implements StepListener<Object> {

    private final long every;
    private final Runnable resample;

    Resampling(long every, Runnable resample) {
        if (every < 1) {
            throw new IllegalArgumentException("steps between resamplings must be >= 1, got " + every);
        }
        this.every = every;
        this.resample = resample;
    }

    @Override
    public Action stepDone(TrainingLoop.Step<?> step) {
        if (step.done() % every == 0) {
            resample.run();
        }
        return Action.CONTINUE;
    }
}
