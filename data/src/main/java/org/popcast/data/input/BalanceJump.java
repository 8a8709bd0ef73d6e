package org.popcast.data.input;

/**
 * A planned or known change of one indicator of the balance model (seed 002, task 4): {@code amount}
 * persons added to {@code indicator} in {@code year}; once only, or (with {@code changesTrend})
 * every year from then on.
 *
 * @param indicator population (a step on 1 January), births, deaths, arrivals, departures or net_migration
 */
public record BalanceJump(int year, String indicator, double amount, boolean changesTrend) {

    public static final java.util.List<String> INDICATORS =
            java.util.List.of("population", "births", "deaths", "arrivals", "departures", "net_migration");
}
