package org.popcast.kernels.balance;

/**
 * A solution of the balance equation year by year: the population on 1 January of each year
 * ({@code years + 1} values) and the births, deaths, arrivals and departures during each year.
 * With sensitivities, {@code d*[i][p]} is the derivative of value i with respect to parameter p of
 * the vector (N0, 16 curve parameters) of {@link TrapezoidBalanceOde}; otherwise they are null.
 */
public record BalancePath(int firstYear, double[] population, double[] births, double[] deaths,
                          double[] arrivals, double[] departures,
                          double[][] dPopulation, double[][] dBirths, double[][] dDeaths,
                          double[][] dArrivals, double[][] dDepartures) {

    /** Number of years covered by the flows. */
    public int years() {
        return births.length;
    }

    public boolean hasSensitivities() {
        return dPopulation != null;
    }
}
