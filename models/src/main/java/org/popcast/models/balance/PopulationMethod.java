package org.popcast.models.balance;

/**
 * What {@code balance forecast} and the single-city {@code balance backtest} report as the
 * population forecast ({@code --method}): the raw balance model, the {@link ForecastCombination}
 * of all {@link ForecastMethod}s (the default: it beats the benchmarks in the rolling-origin
 * backtests of docs/balance-model.md), or one benchmark alone.
 */
public enum PopulationMethod {
    BALANCE("balance", ForecastMethod.BALANCE),
    COMBINATION("combination", null),
    PERSISTENCE("persistence", ForecastMethod.PERSISTENCE),
    DRIFT("drift", ForecastMethod.DRIFT),
    DAMPED_TREND("damped-trend", ForecastMethod.DAMPED_TREND);

    private final String label;
    private final ForecastMethod single;

    PopulationMethod(String label, ForecastMethod single) {
        this.label = label;
        this.single = single;
    }

    /** The name on the command line and in the result files. */
    public String label() {
        return label;
    }

    /** The one method forecasting alone; null for the combination. */
    ForecastMethod single() {
        return single;
    }

    /** The method named {@code label} (as {@link #label()}, or the constant's name, any case). */
    public static PopulationMethod parse(String label) {
        for (PopulationMethod m : values()) {
            if (m.label.equalsIgnoreCase(label) || m.name().equalsIgnoreCase(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + label + "'; expected one of " + labels());
    }

    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(PopulationMethod::label).toList());
    }
}
