package org.popcast.engine.train;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A wall-clock limit on training: stops the loop after the first step that ends past it. The
 * clock starts when the deadline is made, so a run makes it before building its graph and the
 * limit bounds the user's wait, not only the steps. One deadline can bound several phases (Adam,
 * then L-BFGS) through {@link #passed()}.
 */
public final class Deadline implements StepListener<Object> {

    private final LongSupplier nanoTime;
    private final long at;

    private Deadline(LongSupplier nanoTime, long at) {
        this.nanoTime = nanoTime;
        this.at = at;
    }

    /** A deadline {@code limit} from now on {@link System#nanoTime()}; a null limit never passes. */
    public static Deadline after(Duration limit) {
        return after(limit, System::nanoTime);
    }

    /** A deadline {@code limit} from now on the given clock (nanoseconds); a null limit never passes. */
    public static Deadline after(Duration limit, LongSupplier nanoTime) {
        return new Deadline(nanoTime, limit == null ? Long.MAX_VALUE : nanoTime.getAsLong() + limit.toNanos());
    }

    /** Whether the clock is past the deadline now. */
    public boolean passed() {
        return nanoTime.getAsLong() > at;
    }

    @Override
    public Action stepDone(TrainingLoop.Step<?> step) {
        return passed() ? Action.STOP : Action.CONTINUE;
    }
}
