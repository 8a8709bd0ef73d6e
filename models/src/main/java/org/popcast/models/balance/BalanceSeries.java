package org.popcast.models.balance;

import java.util.Arrays;

/**
 * The retrospective series of one city for the demographic balance model, one entry per calendar
 * year, consecutive: population on 1 January of the year; births, deaths, arrivals and departures
 * during the year; natural increase (births - deaths) and net migration (arrivals - departures)
 * where only the difference is known. Missing values are NaN.
 *
 * @param source where the series came from, for messages ("series.csv", "Wan_stage5.csv city 500000")
 */
public record BalanceSeries(String source, int firstYear, double[] population, double[] births, double[] deaths,
                            double[] naturalIncrease, double[] arrivals, double[] departures, double[] netMigration) {

    public BalanceSeries {
        int n = population.length;
        for (double[] a : new double[][] {births, deaths, naturalIncrease, arrivals, departures, netMigration}) {
            if (a.length != n) {
                throw new IllegalArgumentException(source + ": all columns must cover the same years");
            }
        }
    }

    public int years() {
        return population.length;
    }

    public int lastYear() {
        return firstYear + years() - 1;
    }

    public int year(int i) {
        return firstYear + i;
    }

    /** Index of a calendar year, or -1 outside the series. */
    public int index(int year) {
        int i = year - firstYear;
        return i >= 0 && i < years() ? i : -1;
    }

    /** The same series restricted to the years [from, to], both inclusive and inside the series. */
    public BalanceSeries between(int from, int to) {
        int a = from - firstYear, b = to - firstYear + 1;
        if (a < 0 || b > years() || a >= b) {
            throw new IllegalArgumentException(source + ": years " + from + "-" + to + " are not inside "
                    + firstYear + "-" + lastYear());
        }
        return new BalanceSeries(source, from, Arrays.copyOfRange(population, a, b), Arrays.copyOfRange(births, a, b),
                Arrays.copyOfRange(deaths, a, b), Arrays.copyOfRange(naturalIncrease, a, b), Arrays.copyOfRange(arrivals, a, b),
                Arrays.copyOfRange(departures, a, b), Arrays.copyOfRange(netMigration, a, b));
    }

    /** Count of known (non-NaN) values in a column. */
    public static int known(double[] column) {
        return (int) Arrays.stream(column).filter(v -> !Double.isNaN(v)).count();
    }
}
