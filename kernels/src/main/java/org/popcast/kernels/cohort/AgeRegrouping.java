package org.popcast.kernels.cohort;

/**
 * Regrouping of evenly spaced age groups (from age 0, the last one open) into groups n years wide,
 * the last one open from the input's open age on; a cohort projection with n-year steps needs
 * n-year age groups. With G = a_open / n + 1 groups, input group a goes to g(a) = min(a / n, G - 1),
 * and:
 *
 * <pre>
 *   counts (population, net migrants)               X_g = sum_{a in g} X_a
 *   rates (fertility, migration rates, age profile) x_g = sum_{a in g} x_a / #{a in g}
 *   central death rates     m_g = (l_g - l_{g+1}) / L_g,   m_open = l_open / L_open
 *   death probabilities     q_g = 1 - l_{g+1} / l_g,       q_open = 1
 *   person-years            L_g = sum_{a in g} L_a
 * </pre>
 *
 * where l and L_a come from the life table of the input's groups, so the grouped table keeps the
 * survivors at every group boundary and the person-years of every group (m = deaths / person-years
 * of the group).
 */
public final class AgeRegrouping {

    private final double[] ages;
    private final double[] groupedAges;
    /** Group of each input age group. */
    private final int[] groupOf;
    /** Input groups in each group. */
    private final double[] members;
    /** Index of the first input group of each group. */
    private final int[] firstOf;

    /**
     * @param ages starts of the input age groups: 0, w, 2w, ..., the last one open
     * @param n    width of the new groups, a multiple of w; the open age must be a multiple of n
     * @throws IllegalArgumentException if the ages are not so
     */
    public AgeRegrouping(double[] ages, int n) {
        if (ages.length < 2 || ages[0] != 0 || n <= 0) {
            throw new IllegalArgumentException("expected age groups from 0 and a positive width, got " + ages.length + " groups and " + n);
        }
        double width = ages[1] - ages[0], last = ages[ages.length - 1];
        for (int i = 1; i < ages.length; i++) {
            if (ages[i] - ages[i - 1] != width) {
                throw new IllegalArgumentException("age groups must be evenly spaced: " + format(ages[i]) + " follows " + format(ages[i - 1]));
            }
        }
        if (n % width != 0) {
            throw new IllegalArgumentException("groups " + n + " years wide cannot be made of groups " + format(width) + " years wide");
        }
        if (last % n != 0) {
            throw new IllegalArgumentException("the open age group starts at " + format(last) + ", which is not a multiple of the step " + n);
        }
        this.ages = ages.clone();
        groupedAges = new double[(int) (last / n) + 1];
        for (int g = 0; g < groupedAges.length; g++) {
            groupedAges[g] = g * n;
        }
        groupOf = new int[ages.length];
        members = new double[groupedAges.length];
        firstOf = new int[groupedAges.length];
        for (int a = ages.length - 1; a >= 0; a--) {
            groupOf[a] = Math.min((int) (ages[a] / n), groupedAges.length - 1);
            members[groupOf[a]] += 1;
            firstOf[groupOf[a]] = a;
        }
    }

    /** Starts of the input age groups. */
    public double[] ages() {
        return ages.clone();
    }

    /** Starts of the new groups: 0, n, 2n, ..., the open age. */
    public double[] groupedAges() {
        return groupedAges.clone();
    }

    /** Number of new groups, G. */
    public int groups() {
        return groupedAges.length;
    }

    /** The new group of each input group. */
    public int[] groupOf() {
        return groupOf.clone();
    }

    /** Counts by input group summed into the new groups. */
    public double[] sum(double[] byAge) {
        checkLength(byAge.length);
        double[] out = new double[groupedAges.length];
        for (int a = 0; a < byAge.length; a++) {
            out[groupOf[a]] += byAge[a];
        }
        return out;
    }

    /** Rates by input group averaged over each new group's input groups. */
    public double[] mean(double[] byAge) {
        double[] out = sum(byAge);
        for (int g = 0; g < out.length; g++) {
            out[g] /= members[g];
        }
        return out;
    }

    /** {@link #sum} of every row of a row-major [...][A] array (e.g. a population [L][2][A]), as [...][G]. */
    public double[] sumRows(double[] rows) {
        return byRow(rows, false);
    }

    /** {@link #mean} of every row of a row-major [...][A] array (e.g. an age profile [2][A]), as [...][G]. */
    public double[] meanRows(double[] rows) {
        return byRow(rows, true);
    }

    /** Central death rates of the new groups from the life table of the input groups. */
    public double[] deathRates(LifeTable single) {
        checkLength(single.ages().length);
        double[] l = single.lx(), big = sum(single.personYears());
        int open = groupedAges.length - 1;
        double[] out = new double[groupedAges.length];
        for (int g = 0; g < open; g++) {
            out[g] = (l[firstOf[g]] - l[firstOf[g + 1]]) / big[g];
        }
        out[open] = l[firstOf[open]] / big[open];
        return out;
    }

    /** Death probabilities of the new groups (1 for the open one) from the life table of the input groups. */
    public double[] deathProbabilities(LifeTable single) {
        checkLength(single.ages().length);
        double[] l = single.lx();
        int open = groupedAges.length - 1;
        double[] out = new double[groupedAges.length];
        for (int g = 0; g < open; g++) {
            out[g] = 1 - l[firstOf[g + 1]] / l[firstOf[g]];
        }
        out[open] = 1;
        return out;
    }

    private double[] byRow(double[] rows, boolean mean) {
        int a = ages.length, g = groupedAges.length;
        if (rows.length % a != 0) {
            throw new IllegalArgumentException("expected rows of " + a + " age groups, got " + rows.length + " values");
        }
        double[] out = new double[rows.length / a * g];
        double[] row = new double[a];
        for (int r = 0; r < rows.length / a; r++) {
            System.arraycopy(rows, r * a, row, 0, a);
            System.arraycopy(mean ? mean(row) : sum(row), 0, out, r * g, g);
        }
        return out;
    }

    private void checkLength(int length) {
        if (length != ages.length) {
            throw new IllegalArgumentException("expected one value per age group (" + ages.length + "), got " + length);
        }
    }

    private static String format(double age) {
        return age == Math.rint(age) ? Long.toString((long) age) : Double.toString(age);
    }
}
