package org.popcast.models.cohort;

import org.popcast.engine.train.Progress;

/** Runs a {@link ProjectionPlan}: {@link BatchedProjector} (TensorFlow) or {@link LoopProjector} (plain Java). */
public interface Projector {

    /** Projects every step, reporting each to {@code progress} as phase "project". */
    ProjectionResult run(ProjectionPlan plan, Progress progress);

    /** The projector's name for provenance ("tensorflow-batched" or "java-loop"). */
    String name();
}
