package org.popcast.engine.train;

/**
 * Updates a loss's term weights every {@code every} steps (the PINN's gradient-norm balancing):
 * the update is part of the trained state, so it runs at steps counted from the start of training
 * and a resumed run re-weights at the same steps as an uninterrupted one. It runs after the step
 * and before that step's checkpoint, so the checkpoint holds the new weights.
 */
public final class LossWeightUpdate implements StepListener<Object> {

    private final long every;
    private final Runnable update;

    public LossWeightUpdate(long every, Runnable update) {
        if (every < 1) {
            throw new IllegalArgumentException("steps between loss-weight updates must be >= 1, got " + every);
        }
        this.every = every;
        this.update = update;
    }

    @Override
    public Action stepDone(TrainingLoop.Step<?> step) {
        if (step.done() % every == 0) {
            update.run();
        }
        return Action.CONTINUE;
    }
}
