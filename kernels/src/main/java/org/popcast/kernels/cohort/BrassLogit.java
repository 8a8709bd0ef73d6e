package org.popcast.kernels.cohort;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Brass's relational logit model of mortality (Brass 1971; Preston, Heuveline and Guillot 2001,
 * section 9.4; UN Manual X, 1983, ch. I): a life table's survivors are those of a standard
 * table moved on the logit scale,
 *
 * <pre>
 *   Y(x) = 1/2 ln((1 - l_x) / l_x)     (l_x with l_0 = 1)
 *   Y(x) = alpha + beta Y_s(x)         l_x = 1 / (1 + exp(2 (alpha + beta Y_s(x))))
 * </pre>
 *
 * alpha moves the level (alpha &lt; 0: lower mortality), beta the slope (kept 1 here: the
 * standard's age pattern). The new table's closed groups get q_x = 1 - l_{x+1} / l_x and central
 * rates through the standard's a_x; the open group's m is the standard's times the ratio of the
 * last closed group's new and old m (its hazard moves with the ages just below it).
 */
public final class BrassLogit {

    private BrassLogit() {
    }

    /** The logit Y(x) = 1/2 ln((1 - l) / l) of a survivorship l in (0, 1). */
    public static double logit(double l) {
        return 0.5 * Math.log((1 - l) / l);
    }

    /** Survivors l_x (l_0 = 1) of the relational model for a standard's survivors (any radix). */
    public static double[] survivors(double[] standardLx, double alpha, double beta) {
        double[] l = new double[standardLx.length];
        l[0] = 1;
        for (int x = 1; x < l.length; x++) {
            double ls = standardLx[x] / standardLx[0];
            l[x] = ls <= 0 ? 0 : ls >= 1 ? 1 : 1 / (1 + Math.exp(2 * (alpha + beta * logit(ls))));
        }
        return l;
    }

    /** The life table of the relational model with level alpha (beta = 1) for a standard made from m_x. */
    public static LifeTable table(LifeTable standard, double[] standardMx, Sex sex, double alpha) {
        double[] ages = standard.ages();
        double[] l = survivors(standard.lx(), alpha, 1);
        int k = ages.length;
        double[] q = new double[k];
        for (int x = 0; x < k - 1; x++) {
            q[x] = l[x] > 0 ? 1 - l[x + 1] / l[x] : 1;
        }
        double[] m = LifeTable.fromQx(ages, q, sex).rates();
        double old = standardMx[k - 2];
        m[k - 1] = standardMx[k - 1] * (old > 0 ? m[k - 2] / old : 1);
        return LifeTable.fromMx(ages, m, sex);
    }

    /** The level alpha (beta = 1) whose table has life expectancy {@code targetE0} at birth (Brent's method). */
    public static double alphaForE0(LifeTable standard, double[] standardMx, Sex sex, double targetE0) {
        double lo = -3, hi = 3;
        double atLo = table(standard, standardMx, sex, lo).e0() - targetE0;
        double atHi = table(standard, standardMx, sex, hi).e0() - targetE0;
        if (atLo < 0 || atHi > 0) {
            throw new IllegalArgumentException("no Brass level alpha in [-3, 3] gives e0 = " + targetE0
                    + " (standard e0 " + standard.e0() + ")");
        }
        return new BrentSolver(1e-12, 1e-10).solve(200, a -> table(standard, standardMx, sex, a).e0() - targetE0, lo, hi);
    }
}
