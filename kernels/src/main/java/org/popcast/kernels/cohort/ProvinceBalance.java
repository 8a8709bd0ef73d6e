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
    /** Per cell: the nation's inflows, outflows and weight over active provinces, its factors and remainder. */
    private final double[] nationIn;
    private final double[] nationOut;
    private final double[] nationWeight;
    private final double[] nationA;
    private final double[] nationB;
    private final double[] nationRest;

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
        nationIn = new double[cells];
        nationOut = new double[cells];
        nationWeight = new double[cells];
        nationA = new double[cells];
        nationB = new double[cells];
        nationRest = new double[cells];
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
            // x > 0 ? x : 0 is Math.max(x, 0) for every non-NaN x (and -0 adds as 0), without its NaN branches
            inflow[o + i] += x > 0 ? x : 0;
            outflow[o + i] += x < 0 ? -x : 0;
        }
    }

    /**
     * Balances the provinces to sum to zero and sets every province's city factors. Runs province
     * by province over contiguous cells (the national sums first, then the factors), never across
     * provinces with a stride.
     *
     * @param ownRates [G][cells] a province's own rate times the age profile (used where hasOwn[g] > 0)
     * @param hasOwn   [G] 1 where a province's raw net comes from its own rate, not its cities' sum
     * @param scale    n times the scenario's migration scale: own raw net = scale x rate x population
     */
    public void solve(double[] ownRates, double[] hasOwn, double scale) {
        java.util.Arrays.fill(nationIn, 0);
        java.util.Arrays.fill(nationOut, 0);
        java.util.Arrays.fill(nationWeight, 0);
        for (int g = 0; g < provinces; g++) {
            int o = g * cells;
            if (hasOwn[g] > 0) {
                for (int i = 0; i < cells; i++) {
                    raw[o + i] = active[g] ? scale * ownRates[o + i] * population[o + i] : 0;
                }
            }
            for (int i = 0; i < cells && active[g]; i++) {
                double x = raw[o + i];
                nationIn[i] += x > 0 ? x : 0;
                nationOut[i] += x < 0 ? -x : 0;
                nationWeight[i] += weight[o + i];
            }
        }
        for (int i = 0; i < cells; i++) {
            double pos = nationIn[i], neg = nationOut[i];
            factors(pos, neg, 0, nationA, nationB, i);
            nationRest[i] = pos == 0 || neg == 0 ? 0 - (nationA[i] * pos - nationB[i] * neg) : 0;
        }
        for (int g = 0; g < provinces; g++) {
            for (int i = 0; i < cells; i++) {
                cityFactors(g * cells + i, active[g] ? provinceNet(g * cells + i, i) : 0);
            }
        }
    }

    /** An active province's balanced net in cell i (MigrationBalance.balanceGroups with target 0). */
    private double provinceNet(int at, int i) {
        double x = raw[at];
        double net = x > 0 ? x * nationA[i] : x * nationB[i];
        return nationRest[i] == 0 ? net : net + nationRest[i] * MigrationBalance.ratio(weight[at], nationWeight[i]);
    }

    /** The factors of the cities of one province and cell that make their nets sum to {@code target}. */
    private void cityFactors(int at, double target) {
        double pos = inflow[at], neg = outflow[at];
        factors(pos, neg, target, a, b, at);
        remainder[at] = pos == 0 || neg == 0 ? target - (a[at] * pos - b[at] * neg) : 0;
    }

    /** {@link MigrationBalance#factors} into a[at], b[at], with one square root. */
    private static void factors(double pos, double neg, double target, double[] a, double[] b, int at) {
        double s = Math.sqrt(target * target + 4 * pos * neg);
        if (target >= 0) {
            a[at] = MigrationBalance.ratio(target + s, 2 * pos);
            b[at] = MigrationBalance.ratio(2 * pos, target + s);
        } else {
            a[at] = MigrationBalance.ratio(2 * neg, s - target);
            b[at] = MigrationBalance.ratio(s - target, 2 * neg);
        }
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
