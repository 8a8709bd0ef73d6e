package org.popcast.models.cohort;

/** Runs a {@link ProjectionPlan}: {@link BatchedProjector} (TensorFlow) or {@link LoopProjector} (plain Java). */
public interface Projector {

    ProjectionResult run(ProjectionPlan plan);

    /** The projector's name for provenance ("tensorflow-batched" or "java-loop"). */
    String name();
}
