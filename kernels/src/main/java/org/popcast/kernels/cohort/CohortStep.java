package org.popcast.kernels.cohort;

/**
 * One cohort-component step of length n for one region, in plain Java: the reference ("oracle")
 * for {@link CohortKernel}. Ages are groups of width n, the last one open; sex index 0 = F,
 * 1 = M. With start share f_s and end share f_e = 1 - f_s of the step's net migrants M:
 *
 * <pre>
 *   P'_x      = P_x + f_s M_x                                     (joined at the start, survived)
 *   Q_{x+1}   = s_x P'_x,  Q_open = s_{open-1} P'_{open-1} + s_open P'_open
 *   B         = n sum_x f_x (W_start,x + W_end,x) / 2,   W_start = P'_F,
 *               W_end = Q_F + (1/2 M_F if timing is even)
 *   Q_0       = B share_sex Sb_sex,   share_F = 1 / (1 + srb)
 *   P(t+n)_x  = Q_x + f_e M_x
 *   D_sex     = sum_x (1 - s_x) P'_x + B share_sex (1 - Sb_sex)
 * </pre>
 *
 * so that P(t+n) = P(t) + B - D + M for each sex (the accounting identity).
 */
public final class CohortStep {

    /** Rates of one step: survival ratios [sex][age] and of births [sex], fertility [age], sex ratio at birth. */
    public record Rates(double[][] survival, double[] birthSurvival, double[] fertility, double srb) {
    }

    /**
     * The population at the end [sex][age], births (total and [sex]), deaths [sex] and net migrants
     * [sex]; by age: births by age group of the mother [age] (n f_x (W_start,x + W_end,x) / 2) and
     * deaths [sex][age] of the cohort in group x at the start (those born in the step in group 0).
     */
    public record Result(double[][] population, double births, double[] birthsBySex, double[] deaths, double[] netMigration,
                         double[] birthsByAge, double[][] deathsByAge) {
    }

    private CohortStep() {
    }

    /**
     * @param population [sex][age] at the start of the step
     * @param migrants   [sex][age] net migrants of the whole step (by age group at the start)
     */
    public static Result project(double[][] population, double[][] migrants, Rates rates, double n, MigrationTiming timing) {
        int ages = population[0].length;
        double[][] start = new double[2][ages];
        double[][] end = new double[2][ages];
        double[][] deathsByAge = new double[2][ages];
        double[] birthsByAge = new double[ages];
        double[] deaths = new double[2];
        double[] net = new double[2];
        for (int s = 0; s < 2; s++) {
            double[] surv = rates.survival()[s];
            for (int x = 0; x < ages; x++) {
                start[s][x] = population[s][x] + timing.startShare() * migrants[s][x];
                net[s] += migrants[s][x];
                deathsByAge[s][x] = (1 - surv[x]) * start[s][x];
                deaths[s] += deathsByAge[s][x];
            }
            for (int x = 0; x < ages - 2; x++) {
                end[s][x + 1] = surv[x] * start[s][x];
            }
            end[s][ages - 1] = surv[ages - 2] * start[s][ages - 2] + surv[ages - 1] * start[s][ages - 1];
        }
        double births = 0;
        for (int x = 0; x < ages; x++) {
            double wEnd = end[0][x] + timing.endShareInBirths() * migrants[0][x];
            birthsByAge[x] = n * rates.fertility()[x] * (start[0][x] + wEnd) / 2;
            births += rates.fertility()[x] * (start[0][x] + wEnd) / 2;
        }
        births *= n;
        double femaleShare = 1 / (1 + rates.srb());
        double[] bySex = {births * femaleShare, births * (1 - femaleShare)};
        for (int s = 0; s < 2; s++) {
            end[s][0] = bySex[s] * rates.birthSurvival()[s];
            deaths[s] += bySex[s] * (1 - rates.birthSurvival()[s]);
            deathsByAge[s][0] += bySex[s] * (1 - rates.birthSurvival()[s]);
            for (int x = 0; x < ages; x++) {
                end[s][x] += timing.endShare() * migrants[s][x];
            }
        }
        return new Result(end, births, bySex, deaths, net, birthsByAge, deathsByAge);
    }
}
