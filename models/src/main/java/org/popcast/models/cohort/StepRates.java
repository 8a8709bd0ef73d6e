package org.popcast.models.cohort;

/**
 * Everything one step needs besides the population, in the projectors' region-first layouts
 * (L leaves, S scenarios, A age groups, sex F then M). Survival ratios are kept once per distinct
 * pair of life tables (leaves given their province's rates share one) and fertility once per leaf
 * with a factor per leaf and scenario, so a step's rates are small beside its population and a
 * trajectory's rates are made without copying the base's.
 *
 * @param survival          [T][2][A] survival ratios of the step, one block per distinct pair of tables
 * @param survivalOf        [L] where leaf l's [2][A] block starts in {@code survival}
 * @param birthSurvival     [L][2] L_0 / (n l_0)
 * @param fertility         [L][A] the input's births per woman per year
 * @param fertilityFactor   [L][S] the scenario's rescaling of a leaf's fertility to its TFR path (1 before it starts)
 * @param fertilityScale    one more factor on every leaf's fertility: a trajectory's TFR departure (1 for a plan of the input);
 *                          leaf l's births per woman per year in scenario s are fertility[l][a] x (factor[l][s] x scale)
 * @param femaleShare       [L] 1 / (1 + srb)
 * @param internationalRate net international migrants per person per year
 * @param migrationScale    [S] multiplier of internal migration rates
 * @param smallFactor       factor on internal migration of cities below the small-city size
 * @param middleFactor      factor on cities below the middle-city size
 * @param explicitCount     [L][2][A] net migrants of the step from migration.csv (counts)
 * @param explicitRate      [L][2][A] net migration rates from migration.csv (per person per year)
 */
public record StepRates(int year, double[] survival, int[] survivalOf, double[] birthSurvival, double[] fertility,
                        double[] fertilityFactor, double fertilityScale, double[] femaleShare, double internationalRate,
                        double[] migrationScale, double smallFactor, double middleFactor, double[] explicitCount,
                        double[] explicitRate) {
}
