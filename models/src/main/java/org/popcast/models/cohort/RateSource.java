package org.popcast.models.cohort;

/**
 * Where each projected region's fertility and mortality come from (projection.yaml {@code rates}).
 * {@code NATIONAL}: the input's rate files as given (a {@code *} row serves every region).
 * {@code CITY}: those rates moved to each region's own level, estimated from its own data
 * ({@link CityRates}: fertility by the child-woman ratio of the base population, mortality by a
 * Brass relational logit to the region's life expectancy relative to the nation's).
 */
public enum RateSource {
    NATIONAL, CITY
}
