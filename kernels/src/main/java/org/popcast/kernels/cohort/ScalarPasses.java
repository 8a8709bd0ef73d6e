package org.popcast.kernels.cohort;

/**
 * {@link CellPasses} one cell at a time: the reference for {@link VectorPasses}, and the passes where
 * it does not run. The static forms start at a given cell, so the vector passes run their tails here.
 */
public final class ScalarPasses implements CellPasses {

    @Override
    public void migrants(double coefficient, double[] profile, double[] pop, int popAt, double[] a, double[] b, double[] perPerson,
                         int o, double perCapita, double[] out, int cells) {
        migrants(0, coefficient, profile, pop, popAt, a, b, perPerson, o, perCapita, out, cells);
    }

    static void migrants(int from, double coefficient, double[] profile, double[] pop, int popAt, double[] a, double[] b,
                         double[] perPerson, int o, double perCapita, double[] out, int cells) {
        for (int i = from; i < cells; i++) {
            double p = pop[popAt + i], x = coefficient * profile[i] * p;
            out[i] = (x > 0 ? x * a[o + i] : x * b[o + i]) + p * perPerson[o + i] + perCapita * p;
        }
    }

    @Override
    public void accumulate(double coefficient, double[] profile, double[] pop, int popAt, double[] weight, double[] inflow,
                           double[] outflow, int o, int cells) {
        accumulate(0, coefficient, profile, pop, popAt, weight, inflow, outflow, o, cells);
    }

    static void accumulate(int from, double coefficient, double[] profile, double[] pop, int popAt, double[] weight,
                           double[] inflow, double[] outflow, int o, int cells) {
        for (int i = from; i < cells; i++) {
            double p = pop[popAt + i], x = coefficient * profile[i] * p;
            weight[o + i] += p;
            // x > 0 ? x : 0 is Math.max(x, 0) for every non-NaN x (and -0 adds as 0), without its NaN branches
            inflow[o + i] += x > 0 ? x : 0;
            outflow[o + i] += x < 0 ? -x : 0;
        }
    }

    @Override
    public void factors(double[] inflow, double[] outflow, double[] weight, double[] target, int o, double[] a, double[] b,
                        double[] perPerson, int cells) {
        factors(0, inflow, outflow, weight, target, o, a, b, perPerson, cells);
    }

    static void factors(int from, double[] inflow, double[] outflow, double[] weight, double[] target, int o, double[] a,
                        double[] b, double[] perPerson, int cells) {
        for (int i = from; i < cells; i++) {
            int at = o + i;
            double pos = inflow[at], neg = outflow[at], t = target[i];
            double s = Math.sqrt(t * t + 4 * pos * neg);
            double u = t >= 0 ? t + s : 2 * neg, v = t >= 0 ? 2 * pos : s - t;
            double inFactor = v == 0 ? 0 : u / v, outFactor = u == 0 ? 0 : v / u;
            double remainder = pos == 0 || neg == 0 ? t - (inFactor * pos - outFactor * neg) : 0;
            a[at] = inFactor;
            b[at] = outFactor;
            perPerson[at] = weight[at] == 0 ? 0 : remainder / weight[at];
        }
    }

    @Override
    public void survive(double[] pop, int p, double[] m, int c, double[] survival, int r, double startShare, double[] start,
                        double[] died, double[] survivors, int ages) {
        survive(0, pop, p, m, c, survival, r, startShare, start, died, survivors, ages);
    }

    static void survive(int from, double[] pop, int p, double[] m, int c, double[] survival, int r, double startShare,
                        double[] start, double[] died, double[] survivors, int ages) {
        for (int x = from; x < ages; x++) {
            double st = pop[p + x] + startShare * m[c + x], s = survival[r + x];
            start[x] = st;
            died[x] = (1 - s) * st;
            survivors[x] = s * st;
        }
    }

    @Override
    public double advance(double[] survivors, double[] m, int c, double endShare, double[] next, int p, int last) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int x = 1, bound = 1 + (last - 1) / LANES * LANES;
        for (; x < bound; x += LANES) {
            s0 += next[p + x] = survivors[x - 1] + endShare * m[c + x];
            s1 += next[p + x + 1] = survivors[x] + endShare * m[c + x + 1];
            s2 += next[p + x + 2] = survivors[x + 1] + endShare * m[c + x + 2];
            s3 += next[p + x + 3] = survivors[x + 2] + endShare * m[c + x + 3];
        }
        return advance(x, (s0 + s1) + (s2 + s3), survivors, m, c, endShare, next, p, last);
    }

    /** The end population of ages [from, last), each added to {@code sum} in turn. */
    static double advance(int from, double sum, double[] survivors, double[] m, int c, double endShare, double[] next, int p, int last) {
        for (int x = from; x < last; x++) {
            sum += next[p + x] = survivors[x - 1] + endShare * m[c + x];
        }
        return sum;
    }

    @Override
    public void births(double[] fertility, int f, double factor, double[] start, double[] survivors, double[] m, int c,
                       double endShareInBirths, double[] born, int last) {
        births(1, fertility, f, factor, start, survivors, m, c, endShareInBirths, born, last);
    }

    static void births(int from, double[] fertility, int f, double factor, double[] start, double[] survivors, double[] m, int c,
                       double endShareInBirths, double[] born, int last) {
        for (int x = from; x < last; x++) {
            born[x] = fertility[f + x] * factor * (start[x] + (survivors[x - 1] + endShareInBirths * m[c + x])) / 2;
        }
    }
}
