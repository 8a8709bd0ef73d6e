package org.popcast.kernels.cohort;

/**
 * The per-cell passes of the cohort step and the streaming migration balance, over contiguous
 * cells: the loops that run once per region, scenario and year. Two implementations give the same
 * numbers to the bit: {@link ScalarPasses} and {@link VectorPasses} (SIMD through the JDK's
 * incubating Vector API, 4 doubles a lane group). Elementwise they make the same IEEE operations
 * in the same order; a sum runs in {@link #LANES} interleaved partial sums combined as
 * (s0 + s1) + (s2 + s3), then the cells past the last full group one by one, in both.
 *
 * <p>{@link #best()} is the vector passes where the JVM has the Vector API (the {@code popcast}
 * launcher adds {@code --add-modules jdk.incubator.vector} for cohort commands) and the machine has
 * 256-bit vectors, else the scalar ones; {@code -Dpopcast.vector=false} forces the scalar ones.
 */
public interface CellPasses {

    /** Partial sums of a lane-ordered sum: the lanes of a 256-bit vector of doubles. */
    int LANES = 4;

    /** The fastest passes this JVM runs (the same numbers whichever). */
    static CellPasses best() {
        return Best.PASSES;
    }

    /** What {@link #best()} chose, for benchmark headers: "vector (4 lanes)" or "scalar (...)". */
    static String describe() {
        return Best.DESCRIPTION;
    }

    /**
     * Migrants of an active city: out[i] = balanced(x) + p x perPerson[o + i] + perCapita x p for i in
     * [0, cells), with population p = pop[popAt + i], raw net x = coefficient x profile[i] x p and
     * balanced(x) = x a[o + i] if x > 0, else x b[o + i].
     */
    void migrants(double coefficient, double[] profile, double[] pop, int popAt, double[] a, double[] b, double[] perPerson,
                  int o, double perCapita, double[] out, int cells);

    /**
     * Adds an active city to its province's sums for i in [0, cells): weight[o + i] += p,
     * inflow[o + i] += max(x, 0), outflow[o + i] += max(-x, 0), with p and x as in {@link #migrants}.
     */
    void accumulate(double coefficient, double[] profile, double[] pop, int popAt, double[] weight, double[] inflow,
                    double[] outflow, int o, int cells);

    /**
     * The city factors of one province that make its cities' nets sum to target[i], for i in
     * [0, cells) at o + i of the province arrays: MigrationBalance's rule, with
     * s = sqrt(t^2 + 4 P N), (u, v) = (t + s, 2P) if t >= 0 else (2N, s - t), a = u / v, b = v / u
     * (0 for a zero denominator), and for a one-sided province (P = 0 or N = 0) the remainder
     * t - (a P - b N) spread per person of weight.
     */
    void factors(double[] inflow, double[] outflow, double[] weight, double[] target, int o, double[] a, double[] b,
                 double[] perPerson, int cells);

    /**
     * The start of a step for ages [0, ages) of one sex: start[x] = pop[p + x] + startShare x m[c + x],
     * died[x] = (1 - s) start[x] and survivors[x] = s start[x], with s = survival[r + x].
     */
    void survive(double[] pop, int p, double[] m, int c, double[] survival, int r, double startShare, double[] start,
                 double[] died, double[] survivors, int ages);

    /**
     * The end population of ages [1, last): next[p + x] = survivors[x - 1] + endShare x m[c + x];
     * returns their lane-ordered sum.
     */
    double advance(double[] survivors, double[] m, int c, double endShare, double[] next, int p, int last);

    /**
     * Births by age of mother for ages [1, last) (per year, before the step length):
     * born[x] = fertility[f + x] x factor x (start[x] + (survivors[x - 1] + endShareInBirths x m[c + x])) / 2.
     */
    void births(double[] fertility, int f, double factor, double[] start, double[] survivors, double[] m, int c,
                double endShareInBirths, double[] born, int last);

    /** Holds the choice, made once. */
    final class Best {
        private static final CellPasses PASSES;
        private static final String DESCRIPTION;

        static {
            CellPasses chosen = new ScalarPasses();
            String why = "scalar (-Dpopcast.vector=false)";
            if (!"false".equals(System.getProperty("popcast.vector"))) {
                why = "scalar (no jdk.incubator.vector module: run java with --add-modules jdk.incubator.vector)";
                if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                    try {
                        chosen = VectorPasses.ifFast();
                        why = chosen == null ? "scalar (vectors narrower than 256 bits here)" : "vector (4 lanes, jdk.incubator.vector)";
                        chosen = chosen == null ? new ScalarPasses() : chosen;
                    } catch (LinkageError e) {
                        chosen = new ScalarPasses();
                        why = "scalar (the Vector API did not load: " + e + ")";
                    }
                }
            }
            PASSES = chosen;
            DESCRIPTION = why;
        }

        private Best() {
        }
    }
}
