package org.popcast.models.balance;

/**
 * The 13 indicators of seed 002 (section 7.1.2), with their netCDF names and units. Rates are per
 * mille of the mean of the population on 1 January of the year and of the next year (the seed's
 * K = 2000 X / (N[y] + N[y+1])).
 */
public enum Indicator {
    POPULATION("population", "persons", "population on 1 January", Band.LOG, true),
    BIRTHS("births", "persons per year", "births in the year", Band.LOG, true),
    DEATHS("deaths", "persons per year", "deaths in the year", Band.LOG, true),
    ARRIVALS("arrivals", "persons per year", "arrivals in the year", Band.LOG, false),
    DEPARTURES("departures", "persons per year", "departures in the year", Band.LOG, false),
    BIRTH_RATE("birth_rate", "per mille per year", "births per 1000 of the mean population", Band.LOG, false),
    DEATH_RATE("death_rate", "per mille per year", "deaths per 1000 of the mean population", Band.LOG, false),
    ARRIVAL_RATE("arrival_rate", "per mille per year", "arrivals per 1000 of the mean population", Band.LOG, false),
    DEPARTURE_RATE("departure_rate", "per mille per year", "departures per 1000 of the mean population", Band.LOG, false),
    NATURAL_INCREASE("natural_increase", "persons per year", "births minus deaths", Band.ABSOLUTE, false),
    NATURAL_INCREASE_RATE("natural_increase_rate", "per mille per year", "natural increase per 1000 of the mean population",
            Band.ABSOLUTE, false),
    MIGRATION_INCREASE("migration_increase", "persons per year", "arrivals minus departures (net migration)",
            Band.ABSOLUTE, false),
    MIGRATION_INCREASE_RATE("migration_increase_rate", "per mille per year", "net migration per 1000 of the mean population",
            Band.ABSOLUTE, false);

    /** How the forecast band is built: N e^{+-z err} for positive quantities, X +- z err for differences. */
    public enum Band { LOG, ABSOLUTE }

    private final String label;
    private final String units;
    private final String longName;
    private final Band band;
    private final boolean scalesWithPopulation;

    Indicator(String label, String units, String longName, Band band, boolean scalesWithPopulation) {
        this.label = label;
        this.units = units;
        this.longName = longName;
        this.band = band;
        this.scalesWithPopulation = scalesWithPopulation;
    }

    public String label() {
        return label;
    }

    public String units() {
        return units;
    }

    public String longName() {
        return longName;
    }

    public Band band() {
        return band;
    }

    /** Counts proportional to the population inherit its random-walk error (the h sigma_g^2 term). */
    public boolean scalesWithPopulation() {
        return scalesWithPopulation;
    }

    /** Population is a stock on 1 January: its data end one step after the flows'. */
    public boolean isStock() {
        return this == POPULATION;
    }

    /**
     * The indicator in year index y from a population on 1 January (y and y + 1 are read) and the
     * flows of the year; any of them may be NaN.
     */
    public Dual of(Dual[] population, Dual births, Dual deaths, Dual arrivals, Dual departures, Dual netMigration,
                   Dual naturalIncrease, int y) {
        Dual n0 = population[y], n1 = population[y + 1];
        return switch (this) {
            case POPULATION -> n0;
            case BIRTHS -> births;
            case DEATHS -> deaths;
            case ARRIVALS -> arrivals;
            case DEPARTURES -> departures;
            case BIRTH_RATE -> births.perMilleOf(n0, n1);
            case DEATH_RATE -> deaths.perMilleOf(n0, n1);
            case ARRIVAL_RATE -> arrivals.perMilleOf(n0, n1);
            case DEPARTURE_RATE -> departures.perMilleOf(n0, n1);
            case NATURAL_INCREASE -> naturalIncrease;
            case NATURAL_INCREASE_RATE -> naturalIncrease.perMilleOf(n0, n1);
            case MIGRATION_INCREASE -> netMigration;
            case MIGRATION_INCREASE_RATE -> netMigration.perMilleOf(n0, n1);
        };
    }
}
