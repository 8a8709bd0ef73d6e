package org.popcast.models.balance;

/**
 * The forecasters of a city's population that a rolling-origin backtest scores side by side and
 * that {@link MethodSelection} chooses among: the balance model and the three benchmarks of
 * {@link BacktestBaselines}.
 */
public enum ForecastMethod {
    BALANCE("balance"),
    PERSISTENCE("persistence"),
    DRIFT("drift"),
    DAMPED_TREND("damped_trend");

    private final String label;

    ForecastMethod(String label) {
        this.label = label;
    }

    /** The column name in the summary tables. */
    public String label() {
        return label;
    }
}
