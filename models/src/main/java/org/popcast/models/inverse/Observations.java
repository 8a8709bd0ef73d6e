package org.popcast.models.inverse;

/**
 * Observed densities (persons per year of age) at points (year, age) of a scenario's domain, read
 * from {@code source}; {@code lines} are the lines of the file they came from.
 */
public record Observations(String source, double[] years, double[] ages, double[] densities, int[] lines) {

    public Observations {
        if (years.length != ages.length || years.length != densities.length || years.length != lines.length) {
            throw new IllegalArgumentException("observations need one year, age, density and line each");
        }
        years = years.clone();
        ages = ages.clone();
        densities = densities.clone();
        lines = lines.clone();
    }

    public int size() {
        return years.length;
    }

    public double[] years() {
        return years.clone();
    }

    public double[] ages() {
        return ages.clone();
    }

    public double[] densities() {
        return densities.clone();
    }

    public double year(int i) {
        return years[i];
    }

    public double age(int i) {
        return ages[i];
    }

    public double density(int i) {
        return densities[i];
    }
}
