package org.popcast.kernels.cohort;

/**
 * The child-woman ratio, an indirect measure of fertility from one census age distribution
 * (UN Manual X, 1983, ch. VIII; Preston, Heuveline and Guillot 2001, section 5.6; Hauer, Baker
 * and Brown 2013 for its use in sub-national projections): children aged 0-4 of both sexes per
 * woman aged 15-49. Relative to a reference population with known fertility, it scales that
 * population's fertility: TFR_region ~ TFR_ref x CWR_region / CWR_ref. It assumes the
 * reference's age pattern of fertility, child survival and age structure of women within 15-49,
 * and it mixes in the migration of children and of women (see docs/cohort.md).
 */
public final class ChildWomanRatio {

    /** Children aged [0, CHILD_END) per woman aged [WOMEN_FROM, WOMEN_END). */
    public static final double CHILD_END = 5, WOMEN_FROM = 15, WOMEN_END = 50;

    private ChildWomanRatio() {
    }

    /**
     * The ratio from populations by age group ({@code ages[x]} the start of group x, the last open):
     * children of both sexes aged 0-4 over women aged 15-49. The groups must have boundaries at 5,
     * 15 and 50; NaN if there are no women of those ages.
     */
    public static double of(double[] ages, double[] females, double[] males) {
        double children = 0, women = 0;
        for (int x = 0; x < ages.length; x++) {
            double end = x + 1 < ages.length ? ages[x + 1] : Double.POSITIVE_INFINITY;
            if (end <= CHILD_END) {
                children += females[x] + males[x];
            } else if (ages[x] >= WOMEN_FROM && end <= WOMEN_END) {
                women += females[x];
            } else if (ages[x] < CHILD_END || (ages[x] < WOMEN_END && end > WOMEN_FROM)) {
                throw new IllegalArgumentException("age group " + ages[x] + "-" + end + " crosses 5, 15 or 50; the child-woman ratio"
                        + " needs groups with those boundaries");
            }
        }
        return women > 0 ? children / women : Double.NaN;
    }

    /**
     * Fertility multipliers of regions from their child-woman ratios and women aged 15-49:
     * k_r = CWR_r / CWR_pooled (the pooled ratio of all regions with a ratio: sum CWR_r W_r / sum W_r),
     * then rescaled so that sum_r k_r b_r = sum_r b_r, where b_r are the births the regions would
     * have with the reference fertility (the total of births is kept; only their distribution
     * changes). Regions with a NaN ratio (no women) get NaN: the caller's fallback.
     */
    public static double[] multipliers(double[] ratios, double[] women, double[] births) {
        double c = 0, w = 0;
        for (int r = 0; r < ratios.length; r++) {
            if (!Double.isNaN(ratios[r])) {
                c += ratios[r] * women[r];
                w += women[r];
            }
        }
        double[] k = new double[ratios.length];
        double kept = 0, total = 0;
        for (int r = 0; r < k.length; r++) {
            k[r] = ratios[r] / (c / w);
            if (!Double.isNaN(k[r])) {
                kept += k[r] * births[r];
                total += births[r];
            }
        }
        for (int r = 0; r < k.length; r++) {
            k[r] *= total / kept;
        }
        return k;
    }
}
