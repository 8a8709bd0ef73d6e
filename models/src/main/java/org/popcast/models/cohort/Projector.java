package org.popcast.models.cohort;

import org.popcast.engine.train.Progress;

/** Runs a {@link ProjectionPlan}: {@link StreamProjector} (the default) or {@link LoopProjector} (the reference). */
public interface Projector {

    /** Projects every step, reporting each to {@code progress} as phase "project". */
    ProjectionResult run(ProjectionPlan plan, Progress progress);

    /** The projector's name for provenance ("java-stream" or "java-loop"). */
    String name();
}
