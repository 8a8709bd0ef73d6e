package org.popcast.kernels.cohort;

/**
 * The flat, row-major layout of the cohort-component arrays: L projected regions (leaves), S
 * scenarios, 2 sexes (F then M, {@link Sex}) and A age groups, region-first so that a step streams
 * each region's cells once, contiguously:
 *
 * <pre>
 *   state (population, migrants)   [L][S][2][A]   index(l, s, sex, age)
 *   births                         [L][S]         series(l, s)
 *   deaths, net migration          [L][S][2]      bySex(l, s, sex)
 *   per-region rates (survival)    [L][2][A]      leafIndex(l, sex, age)
 *   birth survival                 [L][2]         leafSex(l, sex)
 *   fertility                      [L][S][A]      fertilityIndex(l, s, age)
 *   an age profile                 [2][A]         cell(sex, age)
 * </pre>
 *
 * A region and scenario's sex x age cells are contiguous: they start at {@link #offset(int, int)}
 * and are {@link #cells()} long, and {@link #cell(int, int)} is the position inside them. Every
 * index is plain int arithmetic on the record's fields, so the JIT inlines it in the hot loops.
 *
 * @param leaves    L, the projected regions
 * @param scenarios S
 * @param ages      A, the age groups (the last one open)
 */
public record CohortLayout(int leaves, int scenarios, int ages) {

    /** The sex axis: F, M. */
    public static final int SEXES = 2;

    public CohortLayout {
        if (leaves < 0 || scenarios < 0 || ages < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0, got " + leaves + " x " + scenarios + " x " + ages);
        }
    }

    /** The layout of per-region arrays without scenarios ([L][2][A], e.g. a base population): one scenario. */
    public static CohortLayout ofLeaves(int leaves, int ages) {
        return new CohortLayout(leaves, 1, ages);
    }

    /** Sex x age cells of one region and scenario: 2A. */
    public int cells() {
        return SEXES * ages;
    }

    /** Regions x scenarios: the length of a [L][S] array. */
    public int seriesCount() {
        return leaves * scenarios;
    }

    /** The length of a [L][S][2][A] array. */
    public int size() {
        return seriesCount() * cells();
    }

    /** The length of a [L][2][A] array. */
    public int leafSize() {
        return leaves * cells();
    }

    /** Position of (region, scenario) in a [L][S] array. */
    public int series(int l, int s) {
        return l * scenarios + s;
    }

    /** Position of (sex, age) among a region and scenario's cells, or in a [2][A] array. */
    public int cell(int sex, int age) {
        return sex * ages + age;
    }

    /** Start of the cells of (region, scenario) in a [L][S][2][A] array. */
    public int offset(int l, int s) {
        return series(l, s) * cells();
    }

    /** Position of (region, scenario, sex, age) in a [L][S][2][A] array. */
    public int index(int l, int s, int sex, int age) {
        return offset(l, s) + cell(sex, age);
    }

    /** Position of (region, scenario, sex) in a [L][S][2] array. */
    public int bySex(int l, int s, int sex) {
        return series(l, s) * SEXES + sex;
    }

    /** Start of a region's cells in a [L][2][A] array. */
    public int leafOffset(int l) {
        return l * cells();
    }

    /** Position of (region, sex, age) in a [L][2][A] array. */
    public int leafIndex(int l, int sex, int age) {
        return leafOffset(l) + cell(sex, age);
    }

    /** Position of (region, sex) in a [L][2] array. */
    public int leafSex(int l, int sex) {
        return l * SEXES + sex;
    }

    /** Start of (region, scenario)'s ages in a [L][S][A] array. */
    public int fertilityOffset(int l, int s) {
        return series(l, s) * ages;
    }

    /** Position of (region, scenario, age) in a [L][S][A] array. */
    public int fertilityIndex(int l, int s, int age) {
        return fertilityOffset(l, s) + age;
    }

    /** The tensor shape of the state, {L, S, 2, A}. */
    public long[] stateShape() {
        return new long[] {leaves, scenarios, SEXES, ages};
    }

    /** The tensor shape of a per-(region, scenario) value broadcast over sexes and ages, {L, S, 1, 1}. */
    public long[] seriesShape() {
        return new long[] {leaves, scenarios, 1, 1};
    }

    /** The tensor shape of per-region rates broadcast over scenarios, {L, 1, 2, A}. */
    public long[] leafShape() {
        return new long[] {leaves, 1, SEXES, ages};
    }
}
