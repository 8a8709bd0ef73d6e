package org.popcast.models.cohort;

/**
 * One method's forecast of every projected city (leaf) in the scoring year.
 *
 * @param totals      total population by leaf
 * @param shares      broad age shares (percent, {@link AgeBand} order) by leaf
 * @param dataThrough the latest year of any data the method used
 * @param note        how the method was made (fallbacks counted), recorded in the result
 */
public record CityForecast(HindcastMethod method, double[] totals, double[][] shares, int dataThrough, String note) {
}
