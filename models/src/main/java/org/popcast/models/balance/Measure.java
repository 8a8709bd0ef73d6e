package org.popcast.models.balance;

import org.popcast.kernels.balance.BalancePath;

/**
 * The quantities a series can report and the model can be compared with: population on 1 January,
 * and per year births, deaths, arrivals, departures and the two differences known on their own.
 */
public enum Measure {
    POPULATION("population", false),
    BIRTHS("births", false),
    DEATHS("deaths", false),
    NATURAL_INCREASE("natural_increase", true),
    ARRIVALS("arrivals", false),
    DEPARTURES("departures", false),
    NET_MIGRATION("net_migration", true);

    private final String label;
    private final boolean signed;

    Measure(String label, boolean signed) {
        this.label = label;
        this.signed = signed;
    }

    public String label() {
        return label;
    }

    /** Differences may be negative: their errors are absolute, not relative. */
    public boolean signed() {
        return signed;
    }

    /** The series column of this measure (index = year - first year). */
    public double[] column(BalanceSeries s) {
        return switch (this) {
            case POPULATION -> s.population();
            case BIRTHS -> s.births();
            case DEATHS -> s.deaths();
            case NATURAL_INCREASE -> s.naturalIncrease();
            case ARRIVALS -> s.arrivals();
            case DEPARTURES -> s.departures();
            case NET_MIGRATION -> s.netMigration();
        };
    }

    /** The model's value at index i of a path. */
    public double value(BalancePath p, int i) {
        return switch (this) {
            case POPULATION -> p.population()[i];
            case BIRTHS -> p.births()[i];
            case DEATHS -> p.deaths()[i];
            case NATURAL_INCREASE -> p.births()[i] - p.deaths()[i];
            case ARRIVALS -> p.arrivals()[i];
            case DEPARTURES -> p.departures()[i];
            case NET_MIGRATION -> p.arrivals()[i] - p.departures()[i];
        };
    }

    /** d value / d parameter q (of the full parameter vector), from a path with sensitivities. */
    public double derivative(BalancePath p, int i, int q) {
        return switch (this) {
            case POPULATION -> p.dPopulation()[i][q];
            case BIRTHS -> p.dBirths()[i][q];
            case DEATHS -> p.dDeaths()[i][q];
            case NATURAL_INCREASE -> p.dBirths()[i][q] - p.dDeaths()[i][q];
            case ARRIVALS -> p.dArrivals()[i][q];
            case DEPARTURES -> p.dDepartures()[i][q];
            case NET_MIGRATION -> p.dArrivals()[i][q] - p.dDepartures()[i][q];
        };
    }
}
