package org.popcast.kernels.cohort;

/**
 * Net migration of a region from one census age structure (a residual method on ages, after the
 * "working-age excess" reasoning of migrant-stock estimation: Shryock and Siegel 1976, ch. 21;
 * Rogers and Castro 1981 for the labour-age peak of migration). If the region's non-migrant adults
 * had the reference population's share w_ref of persons of working age among adults, and net
 * migrants were all of working age, then with A adults and an observed share w
 *
 * <pre>
 *   A w = (A - M) w_ref + M    =>    M = A (w - w_ref) / (1 - w_ref)
 * </pre>
 *
 * M &gt; 0 is a net migrant stock gained, M &lt; 0 one lost. Children are left out on purpose
 * (their share carries fertility, not migration). The stock becomes an annual flow with the
 * national stock's intercensal record: flow per unit of stock = (S_1 - S_0) / ((t_1 - t_0) S_1),
 * the average yearly addition to the stock over the period as a share of the stock at its end.
 */
public final class MigrantStock {

    private MigrantStock() {
    }

    /** Net migrant stock M = A (w - w_ref) / (1 - w_ref) for A adults with working-age share w. */
    public static double stock(double adults, double workingShare, double referenceShare) {
        if (!(referenceShare >= 0 && referenceShare < 1)) {
            throw new IllegalArgumentException("the reference working-age share must be in [0, 1), got " + referenceShare);
        }
        return adults * (workingShare - referenceShare) / (1 - referenceShare);
    }

    /** Yearly flow per unit of stock at t1: (s1 - s0) / ((t1 - t0) s1). */
    public static double flowPerStock(double t0, double s0, double t1, double s1) {
        if (!(t1 > t0) || !(s1 > 0) || !(s0 >= 0)) {
            throw new IllegalArgumentException("expected t1 > t0 and stocks s0 >= 0, s1 > 0, got (" + t0 + ", " + s0 + "), ("
                    + t1 + ", " + s1 + ")");
        }
        return (s1 - s0) / ((t1 - t0) * s1);
    }
}
