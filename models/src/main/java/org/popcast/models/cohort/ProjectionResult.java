package org.popcast.models.cohort;

import java.util.Arrays;

/**
 * Results of a projection for the projected regions (leaves), in the output layout (formats.md):
 * population [S][L][2][A][Y], births [S][L][Y], deaths and net migration [S][L][2][Y], with Y the
 * years base, base + n, ..., base + horizon. Flows are those of the step starting in the year
 * (NaN in the last year, which starts no step).
 */
public final class ProjectionResult {

    private final int scenarios;
    private final int leaves;
    private final int ages;
    private final int[] years;
    private final double[] population;
    private final double[] births;
    private final double[] deaths;
    private final double[] netMigration;

    public ProjectionResult(int scenarios, int leaves, int ages, int[] years) {
        this.scenarios = scenarios;
        this.leaves = leaves;
        this.ages = ages;
        this.years = years.clone();
        int y = years.length;
        population = new double[scenarios * leaves * 2 * ages * y];
        births = new double[scenarios * leaves * y];
        deaths = new double[scenarios * leaves * 2 * y];
        netMigration = new double[scenarios * leaves * 2 * y];
        Arrays.fill(births, Double.NaN);
        Arrays.fill(deaths, Double.NaN);
        Arrays.fill(netMigration, Double.NaN);
    }

    /** Stores the population at year index {@code t} from the projectors' layout [L][S][2][A]. */
    void recordPopulation(int t, double[] state) {
        int y = years.length;
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scenarios; s++) {
                for (int i = 0; i < 2 * ages; i++) {
                    population[((s * leaves + l) * 2 * ages + i) * y + t] = state[(l * scenarios + s) * 2 * ages + i];
                }
            }
        }
    }

    /** Stores the flows of the step starting at year index {@code t}: births [L][S], deaths and net [L][S][2]. */
    void recordFlows(int t, double[] birthsLs, double[] deathsLs2, double[] netLs2) {
        int y = years.length;
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scenarios; s++) {
                births[(s * leaves + l) * y + t] = birthsLs[l * scenarios + s];
                for (int sex = 0; sex < 2; sex++) {
                    deaths[((s * leaves + l) * 2 + sex) * y + t] = deathsLs2[(l * scenarios + s) * 2 + sex];
                    netMigration[((s * leaves + l) * 2 + sex) * y + t] = netLs2[(l * scenarios + s) * 2 + sex];
                }
            }
        }
    }

    public int scenarios() {
        return scenarios;
    }

    public int leaves() {
        return leaves;
    }

    public int ages() {
        return ages;
    }

    public int[] years() {
        return years.clone();
    }

    /** Population of one cell over the years (a view copy). */
    public double population(int s, int l, int sex, int age, int t) {
        return population[(((s * leaves + l) * 2 + sex) * ages + age) * years.length + t];
    }

    public double births(int s, int l, int t) {
        return births[(s * leaves + l) * years.length + t];
    }

    public double deaths(int s, int l, int sex, int t) {
        return deaths[((s * leaves + l) * 2 + sex) * years.length + t];
    }

    public double netMigration(int s, int l, int sex, int t) {
        return netMigration[((s * leaves + l) * 2 + sex) * years.length + t];
    }

    /** Total population of a leaf in a year. */
    public double total(int s, int l, int t) {
        double sum = 0;
        for (int i = 0; i < 2 * ages; i++) {
            sum += population[((s * leaves + l) * 2 * ages + i) * years.length + t];
        }
        return sum;
    }

    double[] populationArray() {
        return population;
    }

    double[] birthsArray() {
        return births;
    }

    double[] deathsArray() {
        return deaths;
    }

    double[] netMigrationArray() {
        return netMigration;
    }
}
