package org.popcast.kernels.cohort;

/**
 * Balancing of internal net migration over a city -> province -> nation hierarchy, in plain Java
 * (the reference for {@link BatchedMigrationBalance}). One call handles one cell (scenario, sex,
 * age group) of one step.
 *
 * <p>The rule, for a group of members with raw nets x_i that must sum to a target T: with
 * P = sum of the positive x_i (inflows) and N = sum of the negative ones' magnitudes (outflows),
 * the excess E = P - N - T is cut back proportionally from the side that is in excess:
 *
 * <pre>
 *   E >= 0:  P' = max(P - E, 0),  N' = P' - T        (inflows scaled by P'/P)
 *   E <  0:  N' = max(N + E, 0),  P' = T + N'        (outflows scaled by N'/N)
 *   x_i' = x_i P'/P for inflows, x_i N'/N for outflows
 * </pre>
 *
 * The other side is untouched unless the excess side cannot absorb E alone (then it is scaled
 * up); if a side is empty but must carry a flow, that flow is spread over the members in
 * proportion to their population. Provinces are balanced to sum to zero across the nation
 * (T = 0, always feasible by cutting back); a province's cities are then balanced to sum to the
 * province's balanced net. Inactive members (capped cities) keep zero and take no share; a
 * province whose cities are all inactive has net zero and is left out of the national balance,
 * so inflows blocked by a cap stay with the sending provinces.
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
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!active[i]) {
                continue;
            }
            int g = group[i];
            double excess = pos[g] - neg[g] - target[g];
            double newPos = excess >= 0 ? Math.max(pos[g] - excess, 0) : target[g] + Math.max(neg[g] + excess, 0);
            double newNeg = newPos - target[g];
            double share = w[g] > 0 ? weight[i] / w[g] : 0;
            out[i] = x[i] > 0 ? x[i] * ratio(newPos, pos[g]) : x[i] < 0 ? x[i] * ratio(newNeg, neg[g]) : 0;
            // a side with no members but a flow to carry: spread by population
            if (pos[g] == 0) {
                out[i] += newPos * share;
            }
            if (neg[g] == 0) {
                out[i] -= newNeg * share;
            }
        }
        return out;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
