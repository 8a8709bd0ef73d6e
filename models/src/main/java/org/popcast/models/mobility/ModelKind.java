package org.popcast.models.mobility;

import java.util.Locale;

/** The regressors and baselines compared by {@code popcast mobility evaluate}. */
public enum ModelKind {
    MEAN("training mean (baseline)"),
    LAST_YEAR("last year's value of the city (baseline; training mean where the city has none)"),
    DRIFT("drift: last year's value plus the city's last change (baseline; last year's value where the year before it is unknown, "
            + "the training mean where both are)"),
    RIDGE("ridge regression on the features"),
    FNN("feed-forward network (the source paper's)"),
    LSTM("LSTM over yearly windows (the source paper's)"),
    GBT("gradient-boosted trees (XGBoost, comparator)"),
    DAMPED("damped persistence: last year's value plus phi times the city's last change, phi fitted on the training rows"),
    RIDGE_CV("ridge on the change from last year's value, fitted on the rows that have it, penalty and shrinkage toward no change "
            + "chosen by cross-validation over training cities");

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

    /** Everything but the baselines (mean, last year's value, drift): a model fitted to the training rows. */
    public boolean isLearned() {
        return !isBaseline();
    }

    /** The training mean, last year's value and drift: nothing fitted but the training mean they fall back on. */
    public boolean isBaseline() {
        return this == MEAN || this == LAST_YEAR || this == DRIFT;
    }

    /**
     * Whether the model always predicts the change from last year's value, whatever the run's
     * {@link TargetForm} (damped persistence and the cross-validated change ridge).
     */
    public boolean alwaysChange() {
        return this == DAMPED || this == RIDGE_CV;
    }

    public static ModelKind ofKey(String key) {
        for (ModelKind m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + key + "', expected one of mean, last_year, drift, ridge, fnn, lstm, gbt, damped, ridge_cv");
    }
}
