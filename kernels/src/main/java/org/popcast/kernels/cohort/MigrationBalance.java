package org.popcast.kernels.cohort;

/**
 * Balancing of internal net migration over a city -> province -> nation hierarchy, in plain Java
 * (the reference for {@link ProvinceBalance}). One call handles one cell (scenario, sex,
 * age group) of one step.
 *
 * <p>The rule, for a group of members with raw nets x_i that must sum to a target T: with
 * P = sum of the positive x_i (inflows) and N = sum of the negative ones' magnitudes (outflows),
 * every inflow is scaled by a and every outflow by b = 1 / a, with a > 0 chosen so that
 * a P - N / a = T:
 *
 * <pre>
 *   s = sqrt(T^2 + 4 P N)
 *   T >= 0:  a = (T + s) / (2 P),  b = 2 P / (T + s)
 *   T <  0:  b = (s - T) / (2 N),  a = 2 N / (s - T)        (the same roots, written without cancellation)
 *   x_i' = a x_i for inflows, b x_i for outflows
 * </pre>
 *
 * This is the adjustment of least information (it minimises sum x_i' ln(x_i' / x_i) - x_i' over
 * both sides subject to the sum, whose solution is a = e^lambda, b = e^-lambda: what iterative
 * proportional fitting converges to for this one constraint), in closed form. The sums are exact,
 * no city's net is zeroed or changes sign, and the ratios between the cities of one side are kept.
 * Only when a side is empty (P = 0 or N = 0) and the target needs it does the rule fall back: the
 * other side's factor comes from the same formulas (0 if the target has its sign), and the
 * remainder T - (a P - b N) is spread over the members in proportion to their population.
 * Provinces are balanced to sum to zero across the nation (a = sqrt(N / P)); a province's cities
 * are then balanced to sum to the province's balanced net. Inactive members (capped cities) keep
 * zero and take no share; a province whose cities are all inactive has net zero and is left out of
 * the national balance, so inflows blocked by a cap stay with the sending provinces.
 */
public final class MigrationBalance {

    private MigrationBalance() {
    }

    /**
     * @param leafRaw       raw net migrants of each city (zero for inactive cities)
     * @param active        whether each city takes part (false once capped)
     * @param weight        population of each city in the cell, for spreading a flow over an empty side
     * @param provinceOf    province index of each city
     * @param provinceOwn   raw net of each province from its own rate, or NaN to use the sum of its cities
     * @return balanced net migrants of each city
     */
    public static double[] balance(double[] leafRaw, boolean[] active, double[] weight, int[] provinceOf, double[] provinceOwn) {
        int provinces = provinceOwn.length;
        double[] provinceRaw = new double[provinces];
        double[] provinceWeight = new double[provinces];
        boolean[] provinceActive = new boolean[provinces];
        for (int r = 0; r < leafRaw.length; r++) {
            if (active[r]) {
                provinceActive[provinceOf[r]] = true;
                provinceRaw[provinceOf[r]] += leafRaw[r];
                provinceWeight[provinceOf[r]] += weight[r];
            }
        }
        for (int g = 0; g < provinces; g++) {
            if (!Double.isNaN(provinceOwn[g])) {
                provinceRaw[g] = provinceActive[g] ? provinceOwn[g] : 0;
            }
        }
        double[] provinceNet = balanceGroups(provinceRaw, new int[provinces], provinceActive, provinceWeight, new double[] {0});
        return balanceGroups(leafRaw, provinceOf, active, weight, provinceNet);
    }

    /** Balances the members of each group to sum to the group's target (the rule above). */
    public static double[] balanceGroups(double[] x, int[] group, boolean[] active, double[] weight, double[] target) {
        int groups = target.length;
        double[] pos = new double[groups], neg = new double[groups], w = new double[groups];
        for (int i = 0; i < x.length; i++) {
            if (active[i]) {
                pos[group[i]] += Math.max(x[i], 0);
                neg[group[i]] += Math.max(-x[i], 0);
                w[group[i]] += weight[i];
            }
        }
        double[][] factors = new double[groups][];
        for (int g = 0; g < groups; g++) {
            factors[g] = factors(pos[g], neg[g], target[g]);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!active[i]) {
                continue;
            }
            int g = group[i];
            double a = factors[g][0], b = factors[g][1];
            out[i] = x[i] > 0 ? x[i] * a : x[i] * b;
            // a side with no members but a flow to carry: spread the remainder by population
            if (pos[g] == 0 || neg[g] == 0) {
                double remainder = target[g] - (a * pos[g] - b * neg[g]);
                out[i] += remainder * ratio(weight[i], w[g]);
            }
        }
        return out;
    }

    /**
     * The inflow and outflow factors {a, b} with a P - b N = T and a b = 1 (P, N > 0); a side with
     * no flow gets 0, the other side the root of the same formulas.
     */
    public static double[] factors(double pos, double neg, double target) {
        return new double[] {inflowFactor(pos, neg, target), outflowFactor(pos, neg, target)};
    }

    /** a of {@link #factors}, without allocating (for the streaming balance's hot loops). */
    public static double inflowFactor(double pos, double neg, double target) {
        double s = Math.sqrt(target * target + 4 * pos * neg);
        return target >= 0 ? ratio(target + s, 2 * pos) : ratio(2 * neg, s - target);
    }

    /** b of {@link #factors}, without allocating. */
    public static double outflowFactor(double pos, double neg, double target) {
        double s = Math.sqrt(target * target + 4 * pos * neg);
        return target >= 0 ? ratio(2 * pos, target + s) : ratio(s - target, 2 * neg);
    }

    /** a / b, or 0 when b = 0 (an empty side, or a member of a group without weight). */
    static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
