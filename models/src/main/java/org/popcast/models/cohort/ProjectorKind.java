package org.popcast.models.cohort;

/** The two projection engines: {@link BatchedProjector} (TensorFlow) and {@link LoopProjector} (plain Java). */
public enum ProjectorKind {
    BATCHED, LOOP;

    public Projector create() {
        return this == BATCHED ? new BatchedProjector() : new LoopProjector();
    }
}
