package org.popcast.engine.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one training loop of popcast: takes {@link TrainingStep}s until the planned last step or
 * until a {@link StepListener} asks to stop. What happens around the steps (checkpoints, deadline,
 * progress, loss weights, early stopping) lives in listeners, in the manner of Hipparchus' ODE
 * step handlers, so every model's training reads the same and each concern is tested once.
 *
 * <p>Steps are counted from the start of training, not of this loop: a run resumed after
 * {@code first} steps runs steps {@code first + 1 .. last}, and listeners that act every N steps
 * act at the same steps as an uninterrupted run would.
 *
 * @param <L> the losses a step reports
 */
public final class TrainingLoop<L> {

    /**
     * A step just taken: it is step {@code done} (1-based, counted from the start of training) of
     * {@code last}, the {@code thisRun}-th of this loop, and reported {@code losses}.
     */
    public record Step<L>(long done, long last, long thisRun, L losses) {
    }

    /**
     * How a loop ended: at step {@code done} of {@code last}, having started after step
     * {@code first}; {@code stoppedBy} is the listener that ended it before {@code last}, or null
     * when it ran to the end (a stop asked for at the last step ends nothing early).
     */
    public record Ending(long first, long done, long last, StepListener<?> stoppedBy) {

        /** Whether a listener ended the loop before its last step. */
        public boolean stopped() {
            return stoppedBy != null;
        }

        /** The steps this loop took. */
        public long thisRun() {
            return done - first;
        }
    }

    private final TrainingStep<? extends L> step;
    private final List<StepListener<? super L>> listeners = new ArrayList<>();

    public TrainingLoop(TrainingStep<? extends L> step) {
        this.step = step;
    }

    /** Adds a listener; listeners see each step in the order they were added. Returns this loop. */
    public TrainingLoop<L> addStepListener(StepListener<? super L> listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Takes steps {@code first + 1 .. last} (none if {@code first >= last}), each seen by every
     * listener, until the last or until a listener asks to stop.
     */
    public Ending run(long first, long last) throws IOException {
        for (StepListener<? super L> l : listeners) {
            l.loopStarted(first, last);
        }
        long done = first;
        StepListener<?> stopper = null;
        while (done < last && stopper == null) {
            L losses = step.take();
            done++;
            Step<L> taken = new Step<>(done, last, done - first, losses);
            for (StepListener<? super L> l : listeners) {
                if (l.stepDone(taken) == StepListener.Action.STOP && stopper == null) {
                    stopper = l;
                }
            }
        }
        Ending ending = new Ending(first, done, last, done < last ? stopper : null);
        for (StepListener<? super L> l : listeners) {
            l.loopEnded(ending);
        }
        return ending;
    }
}
