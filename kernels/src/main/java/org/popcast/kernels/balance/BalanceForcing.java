package org.popcast.kernels.balance;

/**
 * Known one-off or lasting changes ("jumps", seed 002 task 4) added on top of the curves, year by
 * year: extra births, deaths, arrivals and departures in year index y (persons in that year,
 * spread evenly over it), and a population step at 1 January of year index y (persons, e.g. a
 * territory change). Index 0 is the first year of the solution.
 */
public record BalanceForcing(double[] births, double[] deaths, double[] arrivals, double[] departures,
                             double[] populationStep) {

    public BalanceForcing {
        int years = births.length;
        if (deaths.length != years || arrivals.length != years || departures.length != years
                || populationStep.length != years + 1) {
            throw new IllegalArgumentException("forcing arrays must all cover the same years (population steps one more)");
        }
    }

    /** No jumps over {@code years} years. */
    public static BalanceForcing none(int years) {
        return new BalanceForcing(new double[years], new double[years], new double[years], new double[years],
                new double[years + 1]);
    }

    public int years() {
        return births.length;
    }

    /** Extra net inflow in year index y, persons per year. */
    double netFlow(int y) {
        return births[y] - deaths[y] + arrivals[y] - departures[y];
    }
}
