package org.popcast.models.cohort;

/**
 * One projection scenario: a TFR path (null keeps the input's fertility) and a scale path of
 * internal migration (null keeps the input's rates).
 */
public record Scenario(String name, TimePath tfr, TimePath migrationScale) {
}
