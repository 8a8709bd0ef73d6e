package org.popcast.kernels.cohort;

/** The two sexes, in the order of the {@code sex} dimension of results ("F", "M"). */
public enum Sex {
    F, M;

    /** "F"/"M", or IllegalArgumentException naming what was expected. */
    public static Sex parse(String s) {
        return switch (s.trim()) {
            case "F" -> F;
            case "M" -> M;
            default -> throw new IllegalArgumentException("sex must be F or M, got '" + s.trim() + "'");
        };
    }
}
