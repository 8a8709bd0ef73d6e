package org.popcast.kernels.cohort;

/**
 * When a step's net migrants join the population (UN cohort-component conventions): all before
 * survival ({@code START}, they are survived and counted in W_start), all after the step and
 * after births were counted ({@code END}), or half at each ({@code EVEN}).
 */
public enum MigrationTiming {
    START(1.0), END(0.0), EVEN(0.5);

    private final double startShare;

    MigrationTiming(double startShare) {
        this.startShare = startShare;
    }

    /** Share of the step's migrants that join at the start. */
    public double startShare() {
        return startShare;
    }

    /** Share that joins at the end. */
    public double endShare() {
        return 1 - startShare;
    }

    /** Share of migrants counted in the end-of-step female population for births: only EVEN's second half. */
    public double endShareInBirths() {
        return this == EVEN ? 0.5 : 0.0;
    }

    public static MigrationTiming parse(String s) {
        return switch (s.trim()) {
            case "start" -> START;
            case "end" -> END;
            case "even" -> EVEN;
            default -> throw new IllegalArgumentException("migration timing must be start, end or even, got '" + s.trim() + "'");
        };
    }
}
