package org.popcast.models.cohort;

/**
 * One stochastic trajectory's departures from its scenario (probabilistic projections): what a
 * {@link ProjectionPlan#shifted shifted plan} changes and nothing else.
 *
 * @param logTfr    per step: the log of the factor on every region's fertility (the TFR's relative departure)
 * @param e0        per step: years added to every life table's e_0 (both sexes)
 * @param migration per leaf: added to the internal net migration rate (per person per year, before the age profile)
 */
public record PathShift(double[] logTfr, double[] e0, double[] migration) {
}
