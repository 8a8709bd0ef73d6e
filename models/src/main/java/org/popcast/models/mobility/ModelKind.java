package org.popcast.models.mobility;

import java.util.Locale;

/** The regressors and baselines compared by {@code popcast mobility evaluate}. */
public enum ModelKind {
    MEAN("training mean (baseline)"),
    LAST_YEAR("last year's value of the city (baseline; training mean where the city has none)"),
    RIDGE("ridge regression on the features"),
    FNN("feed-forward network (seed 000)"),
    LSTM("LSTM over yearly windows (seed 000)"),
    GBT("gradient-boosted trees (XGBoost, comparator)");

    private final String description;

    ModelKind(String description) {
        this.description = description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public boolean isNetwork() {
        return this == FNN || this == LSTM;
    }

    /** Ridge, the networks and the boosted trees: fitted to the features in the chosen {@link TargetForm}. */
    public boolean isLearned() {
        return this != MEAN && this != LAST_YEAR;
    }

    public static ModelKind ofKey(String key) {
        for (ModelKind m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + key + "', expected one of mean, last_year, ridge, fnn, lstm, gbt");
    }
}
