package org.popcast.models.balance;

/**
 * The demographic balance model of a city (docs/balance-model.md): dN/dt = N (nuB - nuD) + (wI - wO)
 * with log-logistic rate and flow curves fitted to the series, then run forward with bands. The
 * one entry point of {@code popcast balance fit} and {@code forecast}; {@link Backtest} and
 * {@link AgeGroupFit} build on it.
 */
public final class BalanceModel {

    private BalanceModel() {
    }

    /** Fits {@code input} and forecasts to {@code lastYear} (the last data year: the fit alone). */
    public static BalanceForecast run(BalanceSettings settings, BalanceInput input, int lastYear) {
        FittedBalance fit = BalanceFit.fit(input.series(), input.jumps(), settings);
        return BalanceForecast.of(fit, lastYear);
    }
}
