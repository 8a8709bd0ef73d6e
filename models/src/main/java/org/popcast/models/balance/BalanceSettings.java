package org.popcast.models.balance;

/**
 * Settings of a balance-model fit and forecast.
 *
 * @param origin           1 January of this year is t = 0 of the curves (null: the year before the data, as the seed's 1999 for data from 2000)
 * @param stepsPerYear     trapezoidal sub-steps per year
 * @param fullCurves       true: every curve with four free parameters; false: the form follows the amount of data ({@link CurveForm#forObservations})
 * @param confidence       probability of the forecast bands
 * @param anomalyThreshold modified z-score beyond which an observation is flagged
 * @param replaceAnomalies refit without the flagged observations and restore them from the model
 * @param maxEvaluations   limit of model evaluations of each least-squares fit
 * @param anchor           start the forecast from the last observed population instead of the fitted curve's value
 */
public record BalanceSettings(Integer origin, int stepsPerYear, boolean fullCurves, double confidence,
                              double anomalyThreshold, boolean replaceAnomalies, int maxEvaluations, boolean anchor) {

    public static final int STEPS_PER_YEAR_DEFAULT = 4;
    /** A named limit (docs/reliability.md): daily steps are already far finer than yearly data. */
    public static final int STEPS_PER_YEAR_MAX = 365;
    public static final double CONFIDENCE_DEFAULT = 0.90;
    /** Iglewicz and Hoaglin's cut-off for the modified z-score. */
    public static final double ANOMALY_THRESHOLD_DEFAULT = 3.5;
    /**
     * Converging fits take tens to a few hundred evaluations; one that needs more sits in a flat
     * valley (curves the data cannot pin down) and is better replaced by simpler curve forms.
     */
    public static final int MAX_EVALUATIONS_DEFAULT = 500;

    public static final BalanceSettings DEFAULT = new BalanceSettings(null, STEPS_PER_YEAR_DEFAULT, false,
            CONFIDENCE_DEFAULT, ANOMALY_THRESHOLD_DEFAULT, false, MAX_EVALUATIONS_DEFAULT, false);

    public BalanceSettings {
        if (stepsPerYear < 1 || stepsPerYear > STEPS_PER_YEAR_MAX) {
            throw new IllegalArgumentException("steps per year must be within 1 .. " + STEPS_PER_YEAR_MAX + ", got " + stepsPerYear);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        if (!(anomalyThreshold > 0)) {
            throw new IllegalArgumentException("anomaly threshold must be > 0, got " + anomalyThreshold);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("max evaluations must be >= 1, got " + maxEvaluations);
        }
    }

    public BalanceSettings withReplaceAnomalies(boolean replace) {
        return new BalanceSettings(origin, stepsPerYear, fullCurves, confidence, anomalyThreshold, replace, maxEvaluations, anchor);
    }

    public BalanceSettings withFullCurves(boolean full) {
        return new BalanceSettings(origin, stepsPerYear, full, confidence, anomalyThreshold, replaceAnomalies, maxEvaluations, anchor);
    }

    public BalanceSettings withAnchor(boolean anchored) {
        return new BalanceSettings(origin, stepsPerYear, fullCurves, confidence, anomalyThreshold, replaceAnomalies,
                maxEvaluations, anchored);
    }

    public int originFor(int firstYear) {
        return origin != null ? origin : firstYear - 1;
    }
}
