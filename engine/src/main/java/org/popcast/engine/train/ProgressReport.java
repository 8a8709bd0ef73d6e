package org.popcast.engine.train;

import java.util.function.Function;

/**
 * Reports every step to a {@link Progress} as step {@code done} of {@code last} of a named phase;
 * the speed counts only this loop's steps, so a resumed run's earlier steps do not inflate it.
 * {@code Progress} decides how often a line is actually printed.
 *
 * @param <L> the losses a step reports
 */
public final class ProgressReport<L> implements StepListener<L> {

    private final Progress progress;
    private final String phase;
    private final Function<? super L, String> text;

    /** Reports as {@code phase}, with {@code text} saying what a step's losses were. */
    public ProgressReport(Progress progress, String phase, Function<? super L, String> text) {
        this.progress = progress;
        this.phase = phase;
        this.text = text;
    }

    @Override
    public Action stepDone(TrainingLoop.Step<? extends L> step) {
        progress.update(phase, step.done(), step.last(), step.thisRun(), text.apply(step.losses()));
        return Action.CONTINUE;
    }
}
