package org.popcast.kernels.cohort;

/**
 * {@link CohortStep}'s equations on flat arrays in {@link CohortLayout}'s layout, for one region
 * and scenario at a time, writing straight into the caller's next-year slab and flow arrays. The
 * operations and their order are CohortStep's, so both give the same numbers; it differs only in
 * allocating nothing per call: the migrated start population lives in a scratch buffer owned by
 * the instance, so an instance belongs to one thread.
 */
public final class CohortKernel {

    private final int ages;
    private final double n;
    private final double startShare;
    private final double endShare;
    private final double endShareInBirths;
    /** P' = P + f_s M of the current region and scenario, [2][A]. */
    private final double[] start;
    /** Of the last call: deaths by age [2][A] and births by age of mother [A] (as in {@link CohortStep.Result}). */
    private final double[] deathsByAge;
    private final double[] birthsByAge;

    public CohortKernel(int ages, double n, MigrationTiming timing) {
        if (ages < 2) {
            throw new IllegalArgumentException("the step needs at least two age groups, got " + ages);
        }
        this.ages = ages;
        this.n = n;
        this.startShare = timing.startShare();
        this.endShare = timing.endShare();
        this.endShareInBirths = timing.endShareInBirths();
        this.start = new double[CohortLayout.SEXES * ages];
        this.deathsByAge = new double[CohortLayout.SEXES * ages];
        this.birthsByAge = new double[ages];
    }

    /**
     * Projects the cells [2][A] of one region and scenario starting at {@code at} in {@code population}
     * into the same cells of {@code next}; deaths and net migrants of F and M go to
     * {@code deaths[sexAt]}, {@code deaths[sexAt + 1]} (and {@code net}).
     *
     * @param migrants  [2][A] the step's net migrants of this region and scenario, from index 0
     * @param survival  survival ratios, [2][A] from {@code survivalAt}
     * @param fertility births per woman per year, [A] from {@code fertilityAt}
     * @return the births of the step
     */
    public double step(double[] population, int at, double[] migrants, double[] survival, int survivalAt, double[] fertility,
                       int fertilityAt, double birthSurvivalF, double birthSurvivalM, double femaleShare, double[] next,
                       double[] deaths, double[] net, int sexAt) {
        survive(population, at, migrants, survival, survivalAt, next, deaths, net, sexAt);
        double births = births(migrants, fertility, fertilityAt, next, at) * n;
        double girls = births * femaleShare, boys = births * (1 - femaleShare);
        next[at] = girls * birthSurvivalF;
        next[at + ages] = boys * birthSurvivalM;
        deaths[sexAt] += girls * (1 - birthSurvivalF);
        deaths[sexAt + 1] += boys * (1 - birthSurvivalM);
        deathsByAge[0] += girls * (1 - birthSurvivalF);
        deathsByAge[ages] += boys * (1 - birthSurvivalM);
        int cells = CohortLayout.SEXES * ages;
        for (int i = 0; i < cells; i++) {
            next[at + i] += endShare * migrants[i];
        }
        return births;
    }

    /** Deaths by age [2][A] of the last step (the first group includes those born in it); overwritten by the next call. */
    public double[] deathsByAge() {
        return deathsByAge;
    }

    /** Births by age of mother [A] of the last step; overwritten by the next call. */
    public double[] birthsByAge() {
        return birthsByAge;
    }

    /** P', deaths and nets of both sexes, and the survivors Q into next (age 0 left for the births). */
    private void survive(double[] population, int at, double[] migrants, double[] survival, int survivalAt, double[] next,
                         double[] deaths, double[] net, int sexAt) {
        for (int sex = 0; sex < CohortLayout.SEXES; sex++) {
            int c = sex * ages, p = at + c, r = survivalAt + c;
            double died = 0, moved = 0;
            for (int x = 0; x < ages; x++) {
                double s = population[p + x] + startShare * migrants[c + x];
                start[c + x] = s;
                moved += migrants[c + x];
                deathsByAge[c + x] = (1 - survival[r + x]) * s;
                died += deathsByAge[c + x];
            }
            for (int x = 0; x < ages - 2; x++) {
                next[p + x + 1] = survival[r + x] * start[c + x];
            }
            next[p + ages - 1] = survival[r + ages - 2] * start[c + ages - 2] + survival[r + ages - 1] * start[c + ages - 1];
            deaths[sexAt + sex] = died;
            net[sexAt + sex] = moved;
        }
    }

    /** sum_x f_x (W_start,x + W_end,x) / 2 per year; next's female age 0 is not yet set and counts as 0. */
    private double births(double[] migrants, double[] fertility, int fertilityAt, double[] next, int at) {
        double births = fertility[fertilityAt] * (start[0] + endShareInBirths * migrants[0]) / 2;
        birthsByAge[0] = n * births;
        for (int x = 1; x < ages; x++) {
            double wEnd = next[at + x] + endShareInBirths * migrants[x];
            double b = fertility[fertilityAt + x] * (start[x] + wEnd) / 2;
            birthsByAge[x] = n * b;
            births += b;
        }
        return births;
    }
}
