package org.popcast.models.cohort;

/**
 * Where each city's internal net migration rate comes from (projection.yaml {@code migration}).
 * {@code TIERS}: the rates file of {@code internal_migration} (stated assumptions by province group
 * and city tier). {@code ESTIMATED}: from the base population's age structure and the national
 * migrant stock's intercensal growth ({@link EstimatedMigration}).
 */
public enum MigrationSource {
    TIERS, ESTIMATED
}
