package org.popcast.models.cohort;

import org.popcast.kernels.cohort.AgeRegrouping;
import org.popcast.kernels.cohort.CohortLayout;

/**
 * Results of a projection for the projected regions (leaves), kept step by step in the
 * projectors' layout (so recording a step is no copy): population per year index t as
 * [L][S][2][A], births [L][S] and deaths and net migration [L][S][2] of the step starting in
 * year index t ({@link CohortLayout}). The years are base, base + n, ..., base + horizon; the last
 * year starts no step.
 */
public final class ProjectionResult {

    private final CohortLayout layout;
    private final int[] years;
    private final double[][] population;
    private final double[][] births;
    private final double[][] deaths;
    private final double[][] netMigration;
    /** The age groups of the flows by age: five years wide where the ages allow, else the projection's own. */
    private final AgeRegrouping flowAges;
    /** Per step: births by age of mother [L][S][G], deaths and net migrants by sex and age [L][S][2][G]. */
    private final double[][] birthsByAge;
    private final double[][] deathsByAge;
    private final double[][] migrantsByAge;

    public ProjectionResult(CohortLayout layout, int[] years, double[] ages) {
        this.layout = layout;
        this.years = years.clone();
        population = new double[years.length][];
        births = new double[years.length - 1][];
        deaths = new double[years.length - 1][];
        netMigration = new double[years.length - 1][];
        flowAges = flowGroups(ages);
        birthsByAge = new double[years.length - 1][];
        deathsByAge = new double[years.length - 1][];
        migrantsByAge = new double[years.length - 1][];
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
        return new ProjectionResult(plan.layout(), years, plan.input().ages());
    }

    /** Keeps (does not copy) the population [L][S][2][A] at year index {@code t}. */
    void recordPopulation(int t, double[] state) {
        population[t] = state;
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
        birthsByAge[t] = flowAges.sumRows(birthsLsa);
        deathsByAge[t] = flowAges.sumRows(deathsLs2a);
        migrantsByAge[t] = flowAges.sumRows(migrantsLs2a);
    }

    /** Keeps flows by age already summed into {@link #flowAges()}: births [L][S][G], deaths and net migrants [L][S][2][G]. */
    void recordGroupedAgeFlows(int t, double[] birthsLsg, double[] deathsLs2g, double[] migrantsLs2g) {
        birthsByAge[t] = birthsLsg;
        deathsByAge[t] = deathsLs2g;
        migrantsByAge[t] = migrantsLs2g;
    }

    /** The age groups of the flows by age. */
    public AgeRegrouping flowAges() {
        return flowAges;
    }

    /** Births to mothers in flow age group g in the step starting at year index t (NaN for the last year). */
    public double birthsByAge(int s, int l, int g, int t) {
        return t < birthsByAge.length ? birthsByAge[t][layout.series(l, s) * flowAges.groups() + g] : Double.NaN;
    }

    /** Deaths of the cohort in flow age group g at the start of the step (group 0 also those born in it). */
    public double deathsByAge(int s, int l, int sex, int g, int t) {
        return t < deathsByAge.length ? deathsByAge[t][layout.bySex(l, s, sex) * flowAges.groups() + g] : Double.NaN;
    }

    /** Net migrants of the step in flow age group g (by age when they join). */
    public double migrantsByAge(int s, int l, int sex, int g, int t) {
        return t < migrantsByAge.length ? migrantsByAge[t][layout.bySex(l, s, sex) * flowAges.groups() + g] : Double.NaN;
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
        return population[t][layout.index(l, s, sex, age)];
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
        double sum = 0;
        int from = layout.offset(l, s), cells = layout.cells();
        for (int i = 0; i < cells; i++) {
            sum += population[t][from + i];
        }
        return sum;
    }

    /** The population [L][S][2][A] at year index t (shared, do not modify). */
    double[] populationAt(int t) {
        return population[t];
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
}
