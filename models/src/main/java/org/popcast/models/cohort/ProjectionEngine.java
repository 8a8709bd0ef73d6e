package org.popcast.models.cohort;

/** Which engine projects the cohorts; both give the same numbers (ProjectionEnginesTest). */
public enum ProjectionEngine {
    /** Every region and scenario as TensorFlow tensors, one step at a time. */
    BATCHED,
    /** Plain Java, region by region. */
    LOOP;

    public Projector projector() {
        return this == BATCHED ? new BatchedProjector() : new LoopProjector();
    }
}
