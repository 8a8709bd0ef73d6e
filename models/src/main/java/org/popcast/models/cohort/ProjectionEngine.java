package org.popcast.models.cohort;

/** Which engine projects the cohorts; all give the same numbers (ProjectionEnginesTest). */
public enum ProjectionEngine {
    /** Plain Java streaming the year slabs region by region, scenarios over all cores: the fastest, the default. */
    STREAM,
    /** Plain Java, region by region, one cell at a time: the reference the others are tested against. */
    LOOP;

    public Projector projector() {
        return switch (this) {
            case STREAM -> new StreamProjector();
            case LOOP -> new LoopProjector();
        };
    }
}
