package org.popcast.engine.train;

import java.io.IOException;

/**
 * Saves a checkpoint every {@code every} steps, at the last step, and when the loop is stopped
 * early (by a deadline, say), so that a resumed run goes on exactly where this one ended. Steps
 * count from the start of training, so a resumed run checkpoints at the same steps as an
 * uninterrupted one. A step already saved is not saved again.
 */
public final class Checkpointing implements StepListener<Object> {

    /** Writes one checkpoint of the training state as it is now. */
    @FunctionalInterface
    public interface Saver {
        void save() throws IOException;
    }

    private final long every;
    private final Saver saver;
    private long savedAt = -1;

    public Checkpointing(long every, Saver saver) {
        if (every < 1) {
            throw new IllegalArgumentException("steps between checkpoints must be >= 1, got " + every);
        }
        this.every = every;
        this.saver = saver;
    }

    @Override
    public void loopStarted(long first, long last) {
        savedAt = -1;
    }

    @Override
    public Action stepDone(TrainingLoop.Step<?> step) throws IOException {
        if (step.done() % every == 0 || step.done() == step.last()) {
            save(step.done());
        }
        return Action.CONTINUE;
    }

    @Override
    public void loopEnded(TrainingLoop.Ending ending) throws IOException {
        if (ending.stopped() && savedAt != ending.done()) {
            save(ending.done());
        }
    }

    private void save(long step) throws IOException {
        saver.save();
        savedAt = step;
    }
}
