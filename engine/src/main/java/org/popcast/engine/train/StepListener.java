package org.popcast.engine.train;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Observes the steps of a {@link TrainingLoop} and may end it, as Hipparchus' step handlers
 * observe an ODE integrator's steps: checkpoints, a wall-clock deadline, progress, loss-weight
 * updates and early stopping are each one listener, so a training loop is the same few lines
 * for every model and each concern is written and tested once.
 *
 * <p>Every listener sees every step, in the order the listeners were added; a listener that asks
 * to stop ends the loop after the current step, once the listeners after it have seen that step
 * too (progress still shows the step an early stop ended on).
 *
 * @param <L> the losses a step reports
 */
public interface StepListener<L> {

    /** What the loop does after a step. */
    enum Action {
        /** Take the next step (if any is left). */
        CONTINUE,
        /** End the loop after this step. */
        STOP
    }

    /**
     * Called once before the first step. {@code first} steps were done before this loop (a resumed
     * run), {@code last} is the step the loop ends at if nothing stops it.
     */
    default void loopStarted(long first, long last) {
    }

    /** Called after every step; returns whether the loop goes on. */
    Action stepDone(TrainingLoop.Step<? extends L> step) throws IOException;

    /** Called once after the last step taken, whether the loop ran to its end or was stopped. */
    default void loopEnded(TrainingLoop.Ending ending) throws IOException {
    }

    /** A listener that hands every step's losses to {@code sink} (a loss history) and never stops the loop. */
    static <L> StepListener<L> recorder(Consumer<? super L> sink) {
        return step -> {
            sink.accept(step.losses());
            return Action.CONTINUE;
        };
    }
}
