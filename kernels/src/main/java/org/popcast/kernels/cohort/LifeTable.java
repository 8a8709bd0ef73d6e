package org.popcast.kernels.cohort;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * A period life table over age groups starting at {@code ages[x]} (widths n_x = ages[x+1] - ages[x],
 * any widths, the last group open), built from central death rates m_x, probabilities q_x or
 * person-years L_x.
 *
 * <pre>
 *   q_x = n_x m_x / (1 + (n_x - a_x) m_x)        (closed groups, capped at 1)
 *   l_{x+1} = l_x (1 - q_x),  d_x = l_x - l_{x+1}
 *   L_x = n_x l_{x+1} + a_x d_x,  L_open = l_open / m_open,  e_0 = sum L_x / l_0
 * </pre>
 *
 * a_x = n_x / 2 except at the youngest ages, where deaths come early: 1a0 and 4a1 from Coale and
 * Demeny's rules as given by Preston, Heuveline and Guillot (2001, table 3.3), by sex, from m_0.
 * A five-year first group keeps n/2 (an approximation worth about 0.1 % of L_0 at today's infant
 * mortality; give L_x or an abridged table when that matters).
 *
 * <p>Projection ratios (UN conventions, formats.md): births survive into the first group with
 * L_0 / (n l_0); group x into x+1 with L_{x+1} / L_x; the last closed group and the open group
 * both into the open group with L_open / (L_{open-1} + L_open).
 */
public final class LifeTable {

    /** Default radix l_0. */
    public static final double RADIX = 100_000;

    private final double[] ages;
    private final double[] lx;
    private final double[] personYears;
    /** Central death rates, or null when the table came from L_x (then it cannot be rescaled). */
    private final double[] mx;
    private final Sex sex;

    private LifeTable(double[] ages, double[] lx, double[] personYears, double[] mx, Sex sex) {
        this.ages = ages;
        this.lx = lx;
        this.personYears = personYears;
        this.mx = mx;
        this.sex = sex;
    }

    /** From central death rates m_x (per person-year), one per group, the last for the open group. */
    public static LifeTable fromMx(double[] ages, double[] mx, Sex sex) {
        checkAges(ages, mx.length);
        int k = ages.length;
        double[] l = new double[k];
        double[] big = new double[k];
        l[0] = RADIX;
        for (int x = 0; x < k - 1; x++) {
            double m = nonNegative(mx[x], "m_x", ages[x]);
            double n = ages[x + 1] - ages[x];
            double a = separationFactor(ages, x, mx[0], sex);
            double q = Math.min(1, n * m / (1 + (n - a) * m));
            l[x + 1] = l[x] * (1 - q);
            big[x] = n * l[x + 1] + a * (l[x] - l[x + 1]);
        }
        double mOpen = mx[k - 1];
        if (!(mOpen > 0)) {
            throw new IllegalArgumentException("m_x of the open group (age " + ages[k - 1] + "+) must be > 0, got " + mOpen);
        }
        big[k - 1] = l[k - 1] / mOpen;
        return new LifeTable(ages.clone(), l, big, mx.clone(), sex);
    }

    /**
     * From probabilities of dying q_x in each closed group; the open group's value is ignored (it
     * is 1), and its life expectancy is 1 / m of the last closed group (constant hazard beyond).
     */
    public static LifeTable fromQx(double[] ages, double[] qx, Sex sex) {
        checkAges(ages, qx.length);
        int k = ages.length;
        double[] mx = new double[k];
        for (int x = 0; x < k - 1; x++) {
            double q = qx[x];
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("q_x at age " + ages[x] + " must be in [0, 1], got " + q);
            }
            double n = ages[x + 1] - ages[x];
            // Invert q = n m / (1 + (n - a) m); a depends on m_0 only at the youngest ages, where
            // a fixed-point pass on m_0 converges in a few rounds.
            double m = q / (n - (n - n / 2) * q);
            for (int it = 0; it < 20; it++) {
                double a = separationFactor(ages, x, x == 0 ? m : mx[0], sex);
                m = q >= 1 ? 1e6 : q / (n - (n - a) * q);
            }
            mx[x] = m;
        }
        mx[k - 1] = Math.max(mx[k - 2], 1e-12);
        return fromMx(ages, mx, sex);
    }

    /** From person-years L_x (last value the open group's) and the radix l_0 they refer to. */
    public static LifeTable fromLx(double[] ages, double[] big, double radix) {
        checkAges(ages, big.length);
        for (int x = 0; x < big.length; x++) {
            if (!(big[x] > 0)) {
                throw new IllegalArgumentException("L_x at age " + ages[x] + " must be > 0, got " + big[x]);
            }
        }
        if (!(radix > 0)) {
            throw new IllegalArgumentException("the radix l_0 must be > 0, got " + radix);
        }
        double[] l = new double[ages.length];
        l[0] = radix;
        return new LifeTable(ages.clone(), l, big.clone(), null, null);
    }

    /**
     * a_x, the mean years lived in the group by those who die in it: Coale-Demeny 1a0 and 4a1
     * (Preston et al. 2001, table 3.3) for groups [0,1) and [1,5), n/2 elsewhere.
     */
    static double separationFactor(double[] ages, int x, double m0, Sex sex) {
        double n = ages[x + 1] - ages[x];
        boolean high = m0 >= 0.107;
        if (ages[x] == 0 && n == 1) {
            return sex == Sex.M ? (high ? 0.330 : 0.045 + 2.684 * m0) : (high ? 0.350 : 0.053 + 2.800 * m0);
        }
        if (ages[x] == 1 && n == 4) {
            return sex == Sex.M ? (high ? 1.352 : 1.651 - 2.816 * m0) : (high ? 1.361 : 1.522 - 1.518 * m0);
        }
        return n / 2;
    }

    public double[] ages() {
        return ages.clone();
    }

    /** l_x (only l_0 is known for a table made from L_x). */
    public double[] lx() {
        return lx.clone();
    }

    /** L_x, the last one the open group's. */
    public double[] personYears() {
        return personYears.clone();
    }

    /** Life expectancy at birth. */
    public double e0() {
        double sum = 0;
        for (double v : personYears) {
            sum += v;
        }
        return sum / lx[0];
    }

    /**
     * Life expectancy at exact age {@code age}, a group start: e_x = sum of L from x on / l_x.
     * NaN for a table made from L_x beyond age 0 (its l_x are unknown).
     */
    public double expectancy(double age) {
        int x = groupStarting(age);
        if (x > 0 && mx == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = x; i < personYears.length; i++) {
            sum += personYears[i];
        }
        return sum / lx[x];
    }

    /**
     * The probability that a person alive at exact age {@code from} dies before exact age
     * {@code to} (both group starts, from < to): 1 - l_to / l_from, e.g. 5q0 and 45q15. NaN for
     * a table made from L_x.
     */
    public double deathProbability(double from, double to) {
        int a = groupStarting(from), b = groupStarting(to);
        if (!(b > a)) {
            throw new IllegalArgumentException("the interval must end after it starts, got " + from + " to " + to);
        }
        return mx == null ? Double.NaN : 1 - lx[b] / lx[a];
    }

    /** Whether {@code age} starts one of the table's groups. */
    public boolean startsGroup(double age) {
        return java.util.Arrays.binarySearch(ages, age) >= 0;
    }

    private int groupStarting(double age) {
        int x = java.util.Arrays.binarySearch(ages, age);
        if (x < 0) {
            throw new IllegalArgumentException("age " + age + " does not start an age group of the life table");
        }
        return x;
    }

    /** The central death rates m_x (the open group's last); null for a table made from L_x. */
    public double[] rates() {
        return mx == null ? null : mx.clone();
    }

    /** Whether {@link #scaled} works: only tables made from m_x or q_x know their rates. */
    public boolean hasRates() {
        return mx != null;
    }

    /** The table with every m_x multiplied by {@code factor} (proportional hazards). */
    public LifeTable scaled(double factor) {
        if (mx == null) {
            throw new IllegalStateException("a life table made from L_x has no death rates to scale");
        }
        double[] m = mx.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] *= factor;
        }
        return fromMx(ages, m, sex);
    }

    /**
     * The table whose e_0 equals {@code targetE0} (to 1e-11 years), by scaling all m_x by one
     * factor: the secant method of {@link #shiftedE0}, Brent's method if it does not settle.
     * Mortality improvement "+g years of e_0 per decade" uses this for every table of every step.
     */
    public LifeTable withE0(double targetE0) {
        if (Math.abs(targetE0 - e0()) < 1e-12) {
            return this;
        }
        LifeTable t = secantToE0(targetE0, 1e-11);
        return t != null ? t : withE0ByBrent(targetE0);
    }

    /** {@link #withE0} by Brent's method alone (bracket, then about a dozen tables): the fallback, and the tests' reference. */
    LifeTable withE0ByBrent(double targetE0) {
        if (Math.abs(targetE0 - e0()) < 1e-12) {
            return this;
        }
        double hi = 1;
        while (scaled(hi).e0() > targetE0 && hi < 1e6) {
            hi *= 2;
        }
        double lo = 1;
        while (scaled(lo).e0() < targetE0 && lo > 1e-9) {
            lo /= 2;
        }
        if (scaled(lo).e0() < targetE0 || scaled(hi).e0() > targetE0) {
            throw new IllegalArgumentException("no rescaling of the death rates gives e0 = " + targetE0
                    + " (current " + e0() + ")");
        }
        double factor = new BrentSolver(1e-13, 1e-12).solve(200, f -> scaled(f).e0() - targetE0, lo, hi);
        return scaled(factor);
    }

    /**
     * The table with every m_x scaled by one factor so that e_0 = e0() + delta (to 1e-9 years):
     * see {@link #secantToE0}; Brent's method if it does not settle. Probabilistic projections
     * shift e_0 this way in every step of every trajectory.
     */
    public LifeTable shiftedE0(double delta) {
        if (delta == 0) {
            return this;
        }
        LifeTable t = secantToE0(e0() + delta, 1e-9);
        return t != null ? t : withE0ByBrent(e0() + delta);
    }

    /**
     * The secant method on the log of the factor from a first guess by Keyfitz's entropy (e_0
     * falls by about H e_0 per unit of log factor, H ~ 0.2): four or five life tables instead of
     * Brent's fifteen or more. Null if |e_0 - target| does not fall to {@code tolerance}.
     */
    private LifeTable secantToE0(double target, double tolerance) {
        if (mx == null) {
            throw new IllegalStateException("a life table made from L_x has no death rates to scale");
        }
        double delta = target - e0(), u0 = 0, g0 = -delta, u1 = -delta / (0.2 * e0());
        double g1 = scaledE0(Math.exp(u1)) - target;
        for (int i = 0; i < 20 && Math.abs(g1) > tolerance && g1 != g0; i++) {
            double u2 = u1 - g1 * (u1 - u0) / (g1 - g0);
            u0 = u1;
            g0 = g1;
            u1 = u2;
            g1 = scaledE0(Math.exp(u1)) - target;
        }
        return Math.abs(g1) <= tolerance ? scaled(Math.exp(u1)) : null;
    }

    /**
     * {@code scaled(factor).e0()} without making the table: the same operations in the same order
     * (so the same bits), in one pass that allocates nothing; the secant's trial tables are never kept.
     */
    double scaledE0(double factor) {
        int k = ages.length;
        double m0 = mx[0] * factor, l = RADIX, sum = 0;
        for (int x = 0; x < k - 1; x++) {
            double m = mx[x] * factor, n = ages[x + 1] - ages[x], a = separationFactor(ages, x, m0, sex);
            double q = Math.min(1, n * m / (1 + (n - a) * m)), next = l * (1 - q);
            sum += n * next + a * (l - next);
            l = next;
        }
        sum += l / (mx[k - 1] * factor);
        return sum / RADIX;
    }

    /**
     * Survival ratios for a projection step as long as the (uniform) group width: entry x takes
     * group x forward one step (into x+1, or into the open group for the last two entries).
     */
    public double[] survivalRatios() {
        int k = ages.length;
        double[] s = new double[k];
        for (int x = 0; x < k - 2; x++) {
            s[x] = personYears[x + 1] / personYears[x];
        }
        double open = personYears[k - 1] / (personYears[k - 2] + personYears[k - 1]);
        s[k - 2] = open;
        s[k - 1] = open;
        return s;
    }

    /** Survival of the births of a step into the first group: L_0 / (n l_0). */
    public double birthSurvival() {
        return personYears[0] / ((ages[1] - ages[0]) * lx[0]);
    }

    private static void checkAges(double[] ages, int values) {
        if (ages.length < 3) {
            throw new IllegalArgumentException("a life table needs at least three age groups, got " + ages.length);
        }
        if (values != ages.length) {
            throw new IllegalArgumentException("expected one value per age group (" + ages.length + "), got " + values);
        }
        if (ages[0] != 0) {
            throw new IllegalArgumentException("the first age group must start at 0, got " + ages[0]);
        }
        for (int i = 1; i < ages.length; i++) {
            if (!(ages[i] > ages[i - 1])) {
                throw new IllegalArgumentException("age groups must increase, " + ages[i] + " follows " + ages[i - 1]);
            }
        }
    }

    private static double nonNegative(double v, String name, double age) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " at age " + age + " must be a finite number >= 0, got " + v);
        }
        return v;
    }
}
