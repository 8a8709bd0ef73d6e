package org.popcast.kernels.balance;

/**
 * Level II of the balance model (seed 002, equation 3): the population split into three age
 * groups, i = young (below working age), working, old, each with its own death rate and share of
 * migration, and ageing transitions between neighbours:
 *
 * <pre>
 *   dN_young/dt   = B(t)               - nuD_young N_young   + s_young w(t)   - N_young / W_young
 *   dN_working/dt = N_young / W_young  - nuD_working N_working + s_working w(t) - N_working / W_working
 *   dN_old/dt     = N_working / W_working - nuD_old N_old    + s_old w(t)
 * </pre>
 *
 * B = nuB N, w = wI - wO and N are those of Level I (its curves, stepped on the same sub-steps);
 * births enter the young group. The ageing flow out of a group of width W years is N_i / W: the
 * flow of a group whose members are spread evenly over its ages (an approximation; the seed leaves
 * these functions to the age structure). Group death rates are relative multipliers m_i of the
 * Level I rate, allocated so that the groups' deaths add up to Level I's:
 * nuD_i = m_i nuD N / sum_j m_j N_j (the allocation is taken at the start of each sub-step).
 * Each sub-step is the trapezoidal rule; the ageing chain makes its linear system lower triangular.
 * The groups' sum then differs from Level I's N by O(h^2) per step (the lagged allocation); it is
 * projected back onto N after every sub-step, and the largest relative correction is reported.
 */
public final class AgeGroupOde {

    public static final int GROUPS = 3;

    private final int stepsPerYear;

    public AgeGroupOde(int stepsPerYear) {
        if (stepsPerYear < 1) {
            throw new IllegalArgumentException("steps per year must be >= 1, got " + stepsPerYear);
        }
        this.stepsPerYear = stepsPerYear;
    }

    /** Group populations on 1 January of each year ([years + 1][3]) and the largest projection correction. */
    public record Solution(double[][] groups, double maxCorrection) {
    }

    /**
     * @param curves      Level I curves
     * @param n0          Level I population on 1 January of {@code firstYear}
     * @param groups0     group populations then (rescaled to add up to n0)
     * @param shares      share of net migration of each group (must add up to 1)
     * @param multipliers relative death rates of the groups (> 0)
     * @param widths      widths in years of the young and the working group
     * @param forcing     Level I jumps from {@code firstYear} on: flows shared as migration, population steps by group size
     */
    public Solution solve(BalanceCurves curves, double n0, int originYear, int firstYear, double[] groups0,
                          double[] shares, double[] multipliers, double[] widths, BalanceForcing forcing) {
        check(groups0, shares, multipliers, widths);
        int years = forcing.years();
        double h = 1.0 / stepsPerYear;
        double[][] out = new double[years + 1][];
        double n = n0 + forcing.populationStep()[0];
        double[] g = scaled(groups0, n);
        out[0] = g.clone();
        double maxCorrection = 0;
        double t0 = firstYear - originYear;
        for (int y = 0; y < years; y++) {
            // jumps: extra births join the young, extra deaths leave every group in proportion,
            // extra migration is shared like the rest of migration
            double migration = forcing.arrivals()[y] - forcing.departures()[y];
            double births = forcing.births()[y], deaths = forcing.deaths()[y];
            for (int j = 1; j <= stepsPerYear; j++) {
                double t1 = firstYear - originYear + y + (double) j / stepsPerYear;
                double b0 = curves.birthRate().value(t0), b1 = curves.birthRate().value(t1);
                double d0 = curves.deathRate().value(t0), d1 = curves.deathRate().value(t1);
                double w0 = curves.arrivals().value(t0) - curves.departures().value(t0) + migration;
                double w1 = curves.arrivals().value(t1) - curves.departures().value(t1) + migration;
                // Level I on the same step, as TrapezoidBalanceOde takes it
                double n1 = (n * (1 + h * (b0 - d0) / 2) + h * (w0 + w1) / 2 + h * (births - deaths))
                        / (1 - h * (b1 - d1) / 2);
                // N / sum_j m_j N_j, taken at the start of the step
                double allocation = n / (multipliers[0] * g[0] + multipliers[1] * g[1] + multipliers[2] * g[2]);
                double total = sum(g);
                double[] next = new double[GROUPS];
                double inflow0 = b0 * n + births, inflow1 = b1 * n1 + births;
                for (int i = 0; i < GROUPS; i++) {
                    double k0 = multipliers[i] * d0 * allocation, k1 = multipliers[i] * d1 * allocation;
                    double ageing = i < 2 ? 1 / widths[i] : 0;
                    double rhs = g[i] * (1 - h * (k0 + ageing) / 2) + h * shares[i] * (w0 + w1) / 2
                            + h * (inflow0 + inflow1) / 2 - h * deaths * g[i] / total;
                    next[i] = rhs / (1 + h * (k1 + ageing) / 2);
                    // what leaves group i by ageing enters group i + 1, at both ends of the step
                    inflow0 = g[i] * ageing;
                    inflow1 = next[i] * ageing;
                }
                double correction = n1 / sum(next);
                maxCorrection = Math.max(maxCorrection, Math.abs(correction - 1));
                g = scaled(next, n1);
                n = n1;
                t0 = t1;
            }
            n += forcing.populationStep()[y + 1];
            g = scaled(g, n);
            out[y + 1] = g.clone();
        }
        return new Solution(out, maxCorrection);
    }

    private static void check(double[] groups0, double[] shares, double[] multipliers, double[] widths) {
        if (groups0.length != GROUPS || shares.length != GROUPS || multipliers.length != GROUPS || widths.length != 2) {
            throw new IllegalArgumentException("three groups (young, working, old) and two widths are needed");
        }
        if (Math.abs(sum(shares) - 1) > 1e-9) {
            throw new IllegalArgumentException("migration shares must add up to 1, got " + sum(shares));
        }
        for (int i = 0; i < GROUPS; i++) {
            if (!(groups0[i] > 0) || !(multipliers[i] > 0)) {
                throw new IllegalArgumentException("group populations and death-rate multipliers must be > 0");
            }
        }
        if (!(widths[0] > 0) || !(widths[1] > 0)) {
            throw new IllegalArgumentException("group widths must be > 0 years");
        }
    }

    private static double[] scaled(double[] g, double total) {
        double f = total / sum(g);
        return new double[] {g[0] * f, g[1] * f, g[2] * f};
    }

    private static double sum(double[] a) {
        return a[0] + a[1] + a[2];
    }
}
