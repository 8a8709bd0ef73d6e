package org.popcast.models.balance;

/**
 * A planned or known change of one quantity of the balance model (the source paper's task 4):
 * {@code amount} persons added to {@code indicator} in {@code year}; once only, or (with
 * {@code changesTrend}) every year from then on.
 *
 * @param indicator population (a step on 1 January), births, deaths, arrivals, departures or net
 *                  migration (as arrivals; negative for a net loss); not natural increase, which
 *                  is births minus deaths
 */
public record BalanceJump(int year, Measure indicator, double amount, boolean changesTrend) {

    /** The measures a jump can change, in the order files name them. */
    public static final java.util.List<Measure> INDICATORS = java.util.List.of(Measure.POPULATION, Measure.BIRTHS,
            Measure.DEATHS, Measure.ARRIVALS, Measure.DEPARTURES, Measure.NET_MIGRATION);

    public BalanceJump {
        if (!INDICATORS.contains(indicator)) {
            throw new IllegalArgumentException("a jump cannot change " + indicator.label());
        }
    }

    /** The measure with this file label, or null. */
    static Measure indicator(String label) {
        return INDICATORS.stream().filter(m -> m.label().equals(label)).findFirst().orElse(null);
    }
}
