package org.popcast.kernels.cohort;

/**
 * {@link CohortStep}'s equations on flat arrays in {@link CohortLayout}'s layout, for one region
 * and scenario at a time, writing straight into the caller's next-year slab and flow arrays, with
 * the flows by age summed into age groups (e.g. five-year groups of single ages) on the way.
 *
 * <p>Each sex is a few passes over its ages ({@link CellPasses}: the start population, deaths and
 * survivors; the end population and its sum; the births), then one loop for the sums by age group.
 * The operations on each value are CohortStep's; the sums run by age group (a sex's total is the sum
 * of its groups) and the region total is lane-ordered, within rounding of CohortStep's order. The
 * scalar and vector passes give the same numbers to the bit. An instance keeps the group sums and
 * scratch of its last call, so it belongs to one thread.
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
    /** The per-cell passes, and their scratch per age of one sex: start population, deaths, survivors, births. */
    private final CellPasses passes;
    private final double[] start;
    private final double[] died;
    private final double[] survivors;
    private final double[] born;
    private double births;
    private double total;

    /** Flows by age summed into {@code groups}, whose input ages are the step's ages; the fastest passes here. */
    public CohortKernel(double n, MigrationTiming timing, AgeRegrouping groups) {
        this(n, timing, groups, CellPasses.best());
    }

    /** As above with the given passes (tests compare the scalar and vector ones). */
    public CohortKernel(double n, MigrationTiming timing, AgeRegrouping groups, CellPasses passes) {
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
        this.passes = passes;
        this.start = new double[ages];
        this.died = new double[ages];
        this.survivors = new double[ages];
        this.born = new double[ages];
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
     * One sex: P' = P + f_s M, deaths (1 - s) P', survivors Q = s P' moved up an age (the open group
     * keeping its own), the end population Q + f_e M from age 1, and for women the births; the
     * per-cell products in {@link CellPasses} (SIMD where it runs), the sums by age group here.
     */
    private void sex(int sex, double[] population, int at, double[] migrants, double[] survival, int survivalAt, double[] fertility,
                     int fertilityAt, double fertilityFactor, double[] next, double[] deaths, double[] net, int sexAt) {
        int c = sex * ages, p = at + c, last = ages - 1;
        boolean women = sex == 0;
        passes.survive(population, p, migrants, c, survival, survivalAt + c, startShare, start, died, survivors, ages);
        double q = survivors[last - 1] + survivors[last]; // the open group: survivors from below and its own
        double e = q + endShare * migrants[c + last];
        next[p + last] = e;
        total += passes.advance(survivors, migrants, c, endShare, next, p, last) + e;
        if (women) {
            passes.births(fertility, fertilityAt, fertilityFactor, start, survivors, migrants, c, endShareInBirths, born, last);
            born[0] = fertility[fertilityAt] * fertilityFactor * (start[0] + (0 + endShareInBirths * migrants[c])) / 2;
            born[last] = fertility[fertilityAt + last] * fertilityFactor * (start[last] + (q + endShareInBirths * migrants[c + last])) / 2;
        }
        sums(sex, migrants, c, women, deaths, net, sexAt);
    }

    /** The sex's deaths, migrants and (women) births by age group, each summed in age order, and their totals over the groups. */
    private void sums(int sex, double[] migrants, int c, boolean women, double[] deaths, double[] net, int sexAt) {
        int g0 = sex * groupEnd.length;
        double allDied = 0, moved = 0, allBorn = 0;
        for (int g = 0, x = 0; g < groupEnd.length; g++) {
            double groupDied = 0, groupMoved = 0, groupBorn = 0;
            for (; x < groupEnd[g]; x++) {
                groupDied += died[x];
                groupMoved += migrants[c + x];
                groupBorn += women ? born[x] : 0;
            }
            deathsByGroup[g0 + g] = groupDied;
            migrantsByGroup[g0 + g] = groupMoved;
            allDied += groupDied;
            moved += groupMoved;
            if (women) {
                birthsByGroup[g] = n * groupBorn;
                allBorn += groupBorn;
            }
        }
        deaths[sexAt + sex] = allDied;
        net[sexAt + sex] = moved;
        births += allBorn;
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
