package org.popcast.models.cohort;

/**
 * Everything one step needs besides the population, in the projectors' region-first layouts
 * (L leaves, S scenarios, A age groups, sex F then M).
 *
 * @param survival          [L][2][A] survival ratios of the step
 * @param birthSurvival     [L][2] L_0 / (n l_0)
 * @param fertility         [L][S][A] births per woman per year
 * @param femaleShare       [L] 1 / (1 + srb)
 * @param internationalRate net international migrants per person per year
 * @param migrationScale    [S] multiplier of internal migration rates
 * @param smallFactor       factor on internal migration of cities below the small-city size
 * @param middleFactor      factor on cities below the middle-city size
 * @param explicitCount     [L][2][A] net migrants of the step from migration.csv (counts)
 * @param explicitRate      [L][2][A] net migration rates from migration.csv (per person per year)
 */
public record StepRates(int year, double[] survival, double[] birthSurvival, double[] fertility, double[] femaleShare,
                        double internationalRate, double[] migrationScale, double smallFactor, double middleFactor,
                        double[] explicitCount, double[] explicitRate) {
}
