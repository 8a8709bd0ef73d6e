package org.popcast.models.cohort;

import org.popcast.kernels.cohort.AgeRegrouping;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.models.cohort.slabs.MemorySlabs;
import org.popcast.models.cohort.slabs.SlabShape;
import org.popcast.models.cohort.slabs.YearSlabs;

/**
 * Results of a projection for the projected regions (leaves), kept step by step in the
 * projectors' layout (so recording a step is no copy): population per year index t as
 * [L][S][2][A], births [L][S] and deaths and net migration [L][S][2] of the step starting in
 * year index t ({@link CohortLayout}). The years are base, base + n, ..., base + horizon; the last
 * year starts no step. The population and the flows by age, most of a result, are kept in
 * {@link YearSlabs}: in memory, or for a large result in scratch files ({@link ResultStorage});
 * close the result to delete them.
 */
public final class ProjectionResult implements AutoCloseable {

    /** Makes the slabs of one kind of value. */
    @FunctionalInterface
    private interface SlabsMaker {
        YearSlabs make(SlabShape shape, int years);
    }

    private final CohortLayout layout;
    private final int[] years;
    /** [L][S][2][A] per year index: rows leaves, bands scenarios. */
    private final YearSlabs population;
    private final double[][] births;
    private final double[][] deaths;
    private final double[][] netMigration;
    /** The age groups of the flows by age: five years wide where the ages allow, else the projection's own. */
    private final AgeRegrouping flowAges;
    /** Per step: births by age of mother [L][S][G], deaths and net migrants by sex and age [L][S][2][G]. */
    private final YearSlabs birthsByAge;
    private final YearSlabs deathsByAge;
    private final YearSlabs migrantsByAge;

    /** A result kept in memory. */
    public ProjectionResult(CohortLayout layout, int[] years, double[] ages) {
        this(layout, years, ages, MemorySlabs::new);
    }

    private ProjectionResult(CohortLayout layout, int[] years, double[] ages, SlabsMaker slabs) {
        this.layout = layout;
        this.years = years.clone();
        int steps = years.length - 1, leaves = layout.leaves(), scen = layout.scenarios();
        births = new double[steps][];
        deaths = new double[steps][];
        netMigration = new double[steps][];
        flowAges = flowGroups(ages);
        int groups = flowAges.groups();
        population = slabs.make(new SlabShape(leaves, scen, layout.cells()), years.length);
        birthsByAge = slabs.make(new SlabShape(leaves, scen, groups), steps);
        deathsByAge = slabs.make(new SlabShape(leaves, scen, CohortLayout.SEXES * groups), steps);
        migrantsByAge = slabs.make(new SlabShape(leaves, scen, CohortLayout.SEXES * groups), steps);
    }

    /** Five-year groups (standard abridged flows, a fifth of the memory of single years) where the ages allow. */
    public static AgeRegrouping flowGroups(double[] ages) {
        double width = ages[1] - ages[0];
        boolean fives = width <= 5 && 5 % width == 0 && ages[ages.length - 1] % 5 == 0;
        return new AgeRegrouping(ages, fives ? 5 : (int) width);
    }

    /** An empty result with the plan's scenarios, leaves, ages and years. */
    static ProjectionResult of(ProjectionPlan plan) {
        int[] years = new int[plan.steps() + 1];
        for (int k = 0; k < years.length; k++) {
            years[k] = plan.year(k);
        }
        return new ProjectionResult(plan.layout(), years, plan.input().ages(), (shape, n) -> plan.storage().slabs(plan, shape, n));
    }

    /** Keeps the population [L][S][2][A] at year index {@code t} (not copied: the array must not change after). */
    void recordPopulation(int t, double[] state) {
        population.put(t, state);
    }

    /** Keeps the flows of the step starting at year index {@code t}: births [L][S], deaths and net [L][S][2]. */
    void recordFlows(int t, double[] birthsLs, double[] deathsLs2, double[] netLs2) {
        births[t] = birthsLs;
        deaths[t] = deathsLs2;
        netMigration[t] = netLs2;
    }

    /**
     * Keeps the flows by age of the step starting at year index t, summed into {@link #flowAges()}:
     * births by age of mother [L][S][A], deaths and net migrants [L][S][2][A] (the arrays may be reused after).
     */
    void recordAgeFlows(int t, double[] birthsLsa, double[] deathsLs2a, double[] migrantsLs2a) {
        birthsByAge.put(t, flowAges.sumRows(birthsLsa));
        deathsByAge.put(t, flowAges.sumRows(deathsLs2a));
        migrantsByAge.put(t, flowAges.sumRows(migrantsLs2a));
    }

    /** Keeps flows by age already summed into {@link #flowAges()}: births [L][S][G], deaths and net migrants [L][S][2][G]. */
    void recordGroupedAgeFlows(int t, double[] birthsLsg, double[] deathsLs2g, double[] migrantsLs2g) {
        birthsByAge.put(t, birthsLsg);
        deathsByAge.put(t, deathsLs2g);
        migrantsByAge.put(t, migrantsLs2g);
    }

    /** The age groups of the flows by age. */
    public AgeRegrouping flowAges() {
        return flowAges;
    }

    /** Births to mothers in flow age group g in the step starting at year index t (NaN for the last year). */
    public double birthsByAge(int s, int l, int g, int t) {
        return t < birthsByAge.years() ? birthsByAge.value(t, layout.series(l, s) * flowAges.groups() + g) : Double.NaN;
    }

    /** Deaths of the cohort in flow age group g at the start of the step (group 0 also those born in it). */
    public double deathsByAge(int s, int l, int sex, int g, int t) {
        return t < deathsByAge.years() ? deathsByAge.value(t, layout.bySex(l, s, sex) * flowAges.groups() + g) : Double.NaN;
    }

    /** Net migrants of the step in flow age group g (by age when they join). */
    public double migrantsByAge(int s, int l, int sex, int g, int t) {
        return t < migrantsByAge.years() ? migrantsByAge.value(t, layout.bySex(l, s, sex) * flowAges.groups() + g) : Double.NaN;
    }

    /** Births by age of mother of leaf l, scenario s, years t .. t + n - 1 into dst[k * G + g] (NaN for the last year). */
    void birthsByAgeRows(int l, int s, int t, int n, double[] dst) {
        flowRows(birthsByAge, l, s, t, n, dst);
    }

    /** Deaths by sex and age group, dst[k * 2G + sex * G + g]. */
    void deathsByAgeRows(int l, int s, int t, int n, double[] dst) {
        flowRows(deathsByAge, l, s, t, n, dst);
    }

    /** Net migrants by sex and age group, dst[k * 2G + sex * G + g]. */
    void migrantsByAgeRows(int l, int s, int t, int n, double[] dst) {
        flowRows(migrantsByAge, l, s, t, n, dst);
    }

    /** A run of years of one leaf and scenario: the steps' values, NaN for years that start none. */
    private static void flowRows(YearSlabs flows, int l, int s, int t, int n, double[] dst) {
        int width = flows.shape().width(), kept = Math.max(0, Math.min(n, flows.years() - t));
        if (kept > 0) {
            flows.read(s, l, t, kept, dst, 0);
        }
        java.util.Arrays.fill(dst, kept * width, n * width, Double.NaN);
    }

    public CohortLayout layout() {
        return layout;
    }

    public int scenarios() {
        return layout.scenarios();
    }

    public int leaves() {
        return layout.leaves();
    }

    public int ages() {
        return layout.ages();
    }

    public int[] years() {
        return years.clone();
    }

    public double population(int s, int l, int sex, int age, int t) {
        return population.value(t, layout.index(l, s, sex, age));
    }

    /** The sex x age cells of leaf l, scenario s, years t .. t + n - 1 into dst[k * cells + cell]. */
    void populationRows(int l, int s, int t, int n, double[] dst) {
        population.read(s, l, t, n, dst, 0);
    }

    /** Births in the step starting at year index t (NaN for the last year). */
    public double births(int s, int l, int t) {
        return t < births.length ? births[t][layout.series(l, s)] : Double.NaN;
    }

    public double deaths(int s, int l, int sex, int t) {
        return t < deaths.length ? deaths[t][layout.bySex(l, s, sex)] : Double.NaN;
    }

    public double netMigration(int s, int l, int sex, int t) {
        return t < netMigration.length ? netMigration[t][layout.bySex(l, s, sex)] : Double.NaN;
    }

    /** Total population of a leaf in a year. */
    public double total(int s, int l, int t) {
        return population.sum(t, layout.offset(l, s), layout.cells());
    }

    /** The population [L][S][2][A] at year index t (shared or a copy: do not modify). */
    double[] populationAt(int t) {
        return population.year(t);
    }

    /** Births [L][S] of the step starting at year index t (shared, do not modify). */
    double[] birthsAt(int t) {
        return births[t];
    }

    /** Deaths [L][S][2] of the step starting at year index t (shared, do not modify). */
    double[] deathsAt(int t) {
        return deaths[t];
    }

    /** Net migration [L][S][2] of the step starting at year index t (shared, do not modify). */
    double[] netMigrationAt(int t) {
        return netMigration[t];
    }

    /** Deletes the scratch files, if the result has them; the result cannot be read after. */
    @Override
    public void close() {
        population.close();
        birthsByAge.close();
        deathsByAge.close();
        migrantsByAge.close();
    }
}
