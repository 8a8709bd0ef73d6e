package org.popcast.kernels.cohort;

/**
 * {@link MigrationBalance#balance}'s rule for every cell (sex x age) of one scenario at once, fed
 * city by city in one streaming pass: the caller adds each city's contiguous cells ({@link #add}),
 * {@link #solve} balances the provinces across the nation and derives each province's city factors,
 * and {@link #balanced} gives a city's balanced net. Nothing is read across cities with a stride
 * and nothing is allocated after construction.
 *
 * <p>The sums run over cities in the order they are added, the order MigrationBalance uses, and
 * every formula is MigrationBalance's, so both give the same numbers.
 */
public final class ProvinceBalance {

    private final int provinces;
    private final int cells;
    private final boolean[] active;
    /** Per [G][cells]: population of all cities; of active cities; raw net, inflows, outflows of active cities. */
    private final double[] population;
    private final double[] weight;
    private final double[] raw;
    private final double[] inflow;
    private final double[] outflow;
    /** Per [G][cells], after solve: the city inflow and outflow factors, and the remainder spread by population. */
    private final double[] a;
    private final double[] b;
    private final double[] remainder;

    public ProvinceBalance(int provinces, int cells) {
        this.provinces = provinces;
        this.cells = cells;
        int size = provinces * cells;
        active = new boolean[provinces];
        population = new double[size];
        weight = new double[size];
        raw = new double[size];
        inflow = new double[size];
        outflow = new double[size];
        a = new double[size];
        b = new double[size];
        remainder = new double[size];
    }

    /** Starts a step: forgets every sum. */
    public void reset() {
        java.util.Arrays.fill(active, false);
        java.util.Arrays.fill(population, 0);
        java.util.Arrays.fill(weight, 0);
        java.util.Arrays.fill(raw, 0);
        java.util.Arrays.fill(inflow, 0);
        java.util.Arrays.fill(outflow, 0);
    }

    /**
     * Adds a city of province {@code g}: its population cells from {@code popAt} and raw nets from
     * {@code rawAt} (ignored, and zero by the caller's contract, when the city is inactive).
     */
    public void add(int g, boolean cityActive, double[] pop, int popAt, double[] cityRaw, int rawAt) {
        int o = g * cells;
        if (!cityActive) {
            for (int i = 0; i < cells; i++) {
                population[o + i] += pop[popAt + i];
            }
            return;
        }
        active[g] = true;
        for (int i = 0; i < cells; i++) {
            double p = pop[popAt + i], x = cityRaw[rawAt + i];
            population[o + i] += p;
            weight[o + i] += p;
            raw[o + i] += x;
            inflow[o + i] += Math.max(x, 0);
            outflow[o + i] += Math.max(-x, 0);
        }
    }

    /**
     * Balances the provinces to sum to zero and sets every province's city factors.
     *
     * @param ownRates [G][cells] a province's own rate times the age profile (used where hasOwn[g] > 0)
     * @param hasOwn   [G] 1 where a province's raw net comes from its own rate, not its cities' sum
     * @param scale    n times the scenario's migration scale: own raw net = scale x rate x population
     */
    public void solve(double[] ownRates, double[] hasOwn, double scale) {
        for (int g = 0; g < provinces; g++) {
            if (hasOwn[g] > 0) {
                int o = g * cells;
                for (int i = 0; i < cells; i++) {
                    raw[o + i] = active[g] ? scale * ownRates[o + i] * population[o + i] : 0;
                }
            }
        }
        for (int i = 0; i < cells; i++) {
            solveCell(i);
        }
    }

    /** One cell: the national balance of the provinces (target 0), then each province's city factors. */
    private void solveCell(int i) {
        double pos = 0, neg = 0, w = 0;
        for (int g = 0; g < provinces; g++) {
            if (active[g]) {
                double x = raw[g * cells + i];
                pos += Math.max(x, 0);
                neg += Math.max(-x, 0);
                w += weight[g * cells + i];
            }
        }
        double na = MigrationBalance.inflowFactor(pos, neg, 0), nb = MigrationBalance.outflowFactor(pos, neg, 0);
        boolean spread = pos == 0 || neg == 0;
        double rest = 0 - (na * pos - nb * neg);
        for (int g = 0; g < provinces; g++) {
            int at = g * cells + i;
            double target = 0;
            if (active[g]) {
                double x = raw[at];
                target = x > 0 ? x * na : x * nb;
                if (spread) {
                    target += rest * MigrationBalance.ratio(weight[at], w);
                }
            }
            cityFactors(at, target);
        }
    }

    /** The factors of the cities of one province and cell that make their nets sum to {@code target}. */
    private void cityFactors(int at, double target) {
        double pos = inflow[at], neg = outflow[at];
        a[at] = MigrationBalance.inflowFactor(pos, neg, target);
        b[at] = MigrationBalance.outflowFactor(pos, neg, target);
        remainder[at] = pos == 0 || neg == 0 ? target - (a[at] * pos - b[at] * neg) : 0;
    }

    /**
     * The balanced net of cell {@code i} of an active city of province {@code g} with raw net
     * {@code x} and population {@code p} (an inactive city's is zero: the caller skips it).
     */
    public double balanced(int g, int i, double x, double p) {
        int at = g * cells + i;
        double out = x > 0 ? x * a[at] : x * b[at];
        double r = remainder[at];
        return r == 0 ? out : out + r * MigrationBalance.ratio(p, weight[at]);
    }
}
