package org.popcast.kernels.cohort;

/**
 * {@link MigrationBalance#balance}'s rule for every cell (sex x age) of one scenario at once, fed
 * city by city in one streaming pass: the caller adds each city's contiguous cells ({@link #add}
 * for an active city, {@link #addInactive} for a capped one), {@link #solve} balances the provinces
 * across the nation and derives each province's city factors, and {@link #migrants} gives a city's
 * balanced nets. Nothing is read across cities with a stride and nothing is allocated after
 * construction.
 *
 * <p>A city's raw net in cell i is {@code coefficient x profile[i] x population[i]}, made on the
 * fly from the population (the coefficient holds the step length, scale, rate and size factor of
 * the city). The sums run over cities in the order they are added, the order MigrationBalance
 * uses, and every formula is MigrationBalance's; two sums are kept in another form, which changes
 * only rounding: a province's raw net is its inflows minus its outflows (MigrationBalance sums the
 * signed nets), and the remainder a one-sided province spreads by population is kept per person.
 */
public final class ProvinceBalance {

    private final int provinces;
    private final int cells;
    private final boolean[] active;
    /** Per [G][cells]: population of active cities, of inactive cities; inflows and outflows of active cities. */
    private final double[] weight;
    private final double[] inactive;
    private final double[] inflow;
    private final double[] outflow;
    /** Per [G][cells], after solve: the city inflow and outflow factors, and the remainder spread per person. */
    private final double[] a;
    private final double[] b;
    private final double[] perPerson;
    /** Per [G][cells], after solve: a province's raw net (its own rate's, or its cities' inflows - outflows). */
    private final double[] raw;
    /** Per cell: the nation's inflows, outflows and weight over active provinces, its factors and remainder per person. */
    private final double[] nationIn;
    private final double[] nationOut;
    private final double[] nationWeight;
    private final double[] nationA;
    private final double[] nationB;
    private final double[] nationPerPerson;
    /** Per cell, during solve: one province's balanced net, the target of its cities. */
    private final double[] target;

    private final CellPasses passes;

    /** The fastest per-cell passes here ({@link CellPasses#best()}). */
    public ProvinceBalance(int provinces, int cells) {
        this(provinces, cells, CellPasses.best());
    }

    /** As above with the given passes (tests compare the scalar and vector ones). */
    public ProvinceBalance(int provinces, int cells, CellPasses passes) {
        this.passes = passes;
        this.provinces = provinces;
        this.cells = cells;
        int size = provinces * cells;
        active = new boolean[provinces];
        weight = new double[size];
        inactive = new double[size];
        inflow = new double[size];
        outflow = new double[size];
        a = new double[size];
        b = new double[size];
        perPerson = new double[size];
        raw = new double[size];
        nationIn = new double[cells];
        nationOut = new double[cells];
        nationWeight = new double[cells];
        nationA = new double[cells];
        nationB = new double[cells];
        nationPerPerson = new double[cells];
        target = new double[cells];
    }

    /** Starts a step: forgets every sum. */
    public void reset() {
        java.util.Arrays.fill(active, false);
        java.util.Arrays.fill(weight, 0);
        java.util.Arrays.fill(inactive, 0);
        java.util.Arrays.fill(inflow, 0);
        java.util.Arrays.fill(outflow, 0);
    }

    /**
     * Adds an active city of province {@code g}: its population cells from {@code popAt} and its raw
     * nets {@code coefficient x profile[i] x population}.
     */
    public void add(int g, double coefficient, double[] profile, double[] pop, int popAt) {
        active[g] = true;
        passes.accumulate(coefficient, profile, pop, popAt, weight, inflow, outflow, g * cells, cells);
    }

    /** Adds an inactive (capped) city of province {@code g}: its population counts for the province's own rate only. */
    public void addInactive(int g, double[] pop, int popAt) {
        int o = g * cells;
        for (int i = 0; i < cells; i++) {
            inactive[o + i] += pop[popAt + i];
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
            for (int i = 0; i < cells; i++) {
                raw[o + i] = !active[g] ? 0 : hasOwn[g] > 0 ? scale * ownRates[o + i] * (weight[o + i] + inactive[o + i])
                        : inflow[o + i] - outflow[o + i];
            }
            for (int i = 0; i < cells && active[g]; i++) {
                double x = raw[o + i];
                nationIn[i] += x > 0 ? x : 0;
                nationOut[i] += x < 0 ? -x : 0;
                nationWeight[i] += weight[o + i];
            }
        }
        // the nation's factors by the cities' rule: its provinces' nets sum to 0
        java.util.Arrays.fill(target, 0);
        passes.factors(nationIn, nationOut, nationWeight, target, 0, nationA, nationB, nationPerPerson, cells);
        for (int g = 0; g < provinces; g++) {
            for (int i = 0; i < cells; i++) {
                target[i] = active[g] ? provinceNet(g * cells + i, i) : 0;
            }
            passes.factors(inflow, outflow, weight, target, g * cells, a, b, perPerson, cells);
        }
    }

    /** An active province's balanced net in cell i (MigrationBalance.balanceGroups with target 0). */
    private double provinceNet(int at, int i) {
        double x = raw[at];
        double net = x > 0 ? x * nationA[i] : x * nationB[i];
        return net + nationPerPerson[i] * weight[at];
    }

    /**
     * The balanced nets of an active city of province {@code g} (raw nets {@code coefficient x
     * profile[i] x population}, population from {@code popAt}) plus {@code perCapita x population},
     * into {@code out[0, cells)}. An inactive city's balanced net is zero: the caller skips it.
     */
    public void migrants(int g, double coefficient, double[] profile, double[] pop, int popAt, double perCapita, double[] out) {
        passes.migrants(coefficient, profile, pop, popAt, a, b, perPerson, g * cells, perCapita, out, cells);
    }
}
