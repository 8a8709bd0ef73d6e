package org.popcast.models.cohort;

/** What a hindcast scores: the projection and three naive baselines (docs/cohort.md, "Hindcast"). */
public enum HindcastMethod {
    MODEL("model", "the cohort-component projection launched at L"),
    NATIONAL_RATE("national rate", "city population at L x the national annual growth of the last two censuses <= L"),
    CITY_TREND("city trend", "city population at L x the city's own annual registered-population growth in the panel, 2009..L"),
    PERSISTENCE("persistence", "city population at L unchanged");

    private final String label;
    private final String description;

    HindcastMethod(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Name in file attributes and CSV columns: model, national_rate, city_trend, persistence. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
