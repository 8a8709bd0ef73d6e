package org.popcast.kernels.cohort;

/**
 * {@link CohortStep}'s equations on flat arrays in {@link CohortLayout}'s layout, for one region
 * and scenario at a time, writing straight into the caller's next-year slab and flow arrays, with
 * the flows by age summed into age groups (e.g. five-year groups of single ages) on the way.
 *
 * <p>Each sex is one pass over its ages that forms the start population, deaths, survivors, births
 * and the end population together: every sum is then one of several independent chains in a loop
 * with a long body, so the CPU overlaps them instead of waiting on one add after another (a short
 * loop per sum waits on each add). The operations on each value are CohortStep's; only the sums
 * over the start population's deaths in group 0 and over the end population (the region total) add
 * in another order, within rounding of CohortStep's. An instance keeps the group sums of its last
 * call, so it belongs to one thread.
 */
public final class CohortKernel {

    private final int ages;
    private final double n;
    private final double startShare;
    private final double endShare;
    private final double endShareInBirths;
    /** Age groups of the flows by age: group g holds ages [end[g - 1], end[g]). */
    private final int[] groupEnd;
    /** Of the last call: births by age group of mother [G], deaths and net migrants by sex and group [2][G]. */
    private final double[] birthsByGroup;
    private final double[] deathsByGroup;
    private final double[] migrantsByGroup;
    private double births;
    private double total;

    /** Flows by age summed into {@code groups}, whose input ages are the step's ages. */
    public CohortKernel(double n, MigrationTiming timing, AgeRegrouping groups) {
        int[] groupOf = groups.groupOf();
        if (groupOf.length < 2) {
            throw new IllegalArgumentException("the step needs at least two age groups, got " + groupOf.length);
        }
        this.ages = groupOf.length;
        this.n = n;
        this.startShare = timing.startShare();
        this.endShare = timing.endShare();
        this.endShareInBirths = timing.endShareInBirths();
        this.groupEnd = new int[groups.groups()];
        for (int x = 0; x < ages; x++) {
            groupEnd[groupOf[x]] = x + 1;
        }
        this.birthsByGroup = new double[groupEnd.length];
        this.deathsByGroup = new double[CohortLayout.SEXES * groupEnd.length];
        this.migrantsByGroup = new double[CohortLayout.SEXES * groupEnd.length];
    }

    /**
     * Projects the cells [2][A] of one region and scenario starting at {@code at} in {@code population}
     * into the same cells of {@code next}; deaths and net migrants of F and M go to
     * {@code deaths[sexAt]}, {@code deaths[sexAt + 1]} (and {@code net}).
     *
     * @param migrants  [2][A] the step's net migrants of this region and scenario, from index 0
     * @param survival  survival ratios, [2][A] from {@code survivalAt}
     * @param fertility births per woman per year, [A] from {@code fertilityAt}, times {@code fertilityFactor}
     * @return the births of the step
     */
    public double step(double[] population, int at, double[] migrants, double[] survival, int survivalAt, double[] fertility,
                       int fertilityAt, double fertilityFactor, double birthSurvivalF, double birthSurvivalM, double femaleShare,
                       double[] next, double[] deaths, double[] net, int sexAt) {
        births = 0;
        total = 0;
        for (int sex = 0; sex < CohortLayout.SEXES; sex++) {
            sex(sex, population, at, migrants, survival, survivalAt, fertility, fertilityAt, fertilityFactor, next, deaths, net, sexAt);
        }
        births *= n;
        double girls = births * femaleShare, boys = births * (1 - femaleShare);
        newborns(0, girls, birthSurvivalF, migrants, next, at, deaths, sexAt);
        newborns(1, boys, birthSurvivalM, migrants, next, at, deaths, sexAt);
        return births;
    }

    /** Population at the end of the last step, both sexes: the region's total. */
    public double total() {
        return total;
    }

    /** Births by age group of mother [G] of the last step; overwritten by the next call. */
    public double[] birthsByGroup() {
        return birthsByGroup;
    }

    /** Deaths by sex and age group [2][G] of the last step (group 0 includes those born in it); overwritten by the next call. */
    public double[] deathsByGroup() {
        return deathsByGroup;
    }

    /** Net migrants by sex and age group [2][G] of the last step; overwritten by the next call. */
    public double[] migrantsByGroup() {
        return migrantsByGroup;
    }

    /**
     * One sex in one pass: P' = P + f_s M, deaths (1 - s) P', survivors Q moved up an age (the open
     * group keeping its own), the end population Q + f_e M from age 1, and for women the births.
     */
    private void sex(int sex, double[] population, int at, double[] migrants, double[] survival, int survivalAt, double[] fertility,
                     int fertilityAt, double fertilityFactor, double[] next, double[] deaths, double[] net, int sexAt) {
        int c = sex * ages, p = at + c, r = survivalAt + c, g0 = sex * groupEnd.length, last = ages - 1;
        boolean women = sex == 0;
        double died = 0, moved = 0, born = 0, end = 0, survivors = 0; // survivors: Q of age x, made at age x - 1
        for (int g = 0, x = 0; g < groupEnd.length; g++) {
            double groupDied = 0, groupMoved = 0, groupBorn = 0;
            for (; x < groupEnd[g]; x++) {
                double m = migrants[c + x], start = population[p + x] + startShare * m, s = survival[r + x];
                double d = (1 - s) * start;
                died += d;
                groupDied += d;
                moved += m;
                groupMoved += m;
                double q = x == last ? survivors + s * start : survivors;
                if (women) {
                    double b = fertility[fertilityAt + x] * fertilityFactor * (start + (q + endShareInBirths * m)) / 2;
                    born += b;
                    groupBorn += n * b;
                }
                if (x > 0) {
                    double e = q + endShare * m;
                    next[p + x] = e;
                    end += e;
                }
                survivors = s * start;
            }
            deathsByGroup[g0 + g] = groupDied;
            migrantsByGroup[g0 + g] = groupMoved;
            if (women) {
                birthsByGroup[g] = groupBorn;
            }
        }
        deaths[sexAt + sex] = died;
        net[sexAt + sex] = moved;
        births += born;
        total += end;
    }

    /** The newborns of one sex, B share Sb, into age 0 (with the end share of age 0's migrants); the rest died. */
    private void newborns(int sex, double born, double birthSurvival, double[] migrants, double[] next, int at, double[] deaths,
                          int sexAt) {
        double died = born * (1 - birthSurvival), e = born * birthSurvival + endShare * migrants[sex * ages];
        next[at + sex * ages] = e;
        total += e;
        deaths[sexAt + sex] += died;
        deathsByGroup[sex * groupEnd.length] += died;
    }
}
