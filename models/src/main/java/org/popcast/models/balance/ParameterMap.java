package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.LogLogisticCurve;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/**
 * Maps the vector the optimiser moves (N0, then each curve's free parameters per its
 * {@link CurveForm}) to the full vector of the ODE (N0, a, b, c, d of four curves), and Jacobians
 * back. Free c and d are logarithms, so they stay positive. A fitted curve must have
 * 0.1 <= c <= 10 (a steeper curve is a jump, which jumps model explicitly) and 0.25 <= d <= 500
 * years ({@link #violation}); these are checked after the fit rather than imposed on the
 * optimiser, because clamping makes Levenberg-Marquardt bounce off a bound without converging.
 * Rates and separate flows keep a, b >= 0 (by clamping: that bound rarely binds).
 */
public final class ParameterMap {

    /** Bounds of a free curve's steepness and inflection date (years from the origin). */
    static final double C_MIN = 0.1, C_MAX = 10, D_MIN = 0.25, D_MAX = 500;
    private static final double LOG_GUARD = 15;

    private final CurveForm[] forms;
    private final double[] fixedD;
    private final boolean[] nonNegative;
    private final int[] offset = new int[4];
    private final int size;

    /**
     * @param forms       form of each curve (births, deaths, arrivals, departures)
     * @param fixedD      inflection date used by {@link CurveForm#LEVELS}
     * @param nonNegative whether a and b of each curve must stay >= 0
     */
    public ParameterMap(CurveForm[] forms, double[] fixedD, boolean[] nonNegative) {
        this.forms = forms.clone();
        this.fixedD = fixedD.clone();
        this.nonNegative = nonNegative.clone();
        int o = 1;
        for (int k = 0; k < 4; k++) {
            offset[k] = o;
            o += forms[k].free();
        }
        this.size = o;
    }

    /** Length of the free vector. */
    public int size() {
        return size;
    }

    double fixedD(int curve) {
        return fixedD[curve];
    }

    CurveForm[] forms() {
        return forms.clone();
    }

    public CurveForm form(int curve) {
        return forms[curve];
    }

    /** Names of the free parameters, e.g. "birth_rate.a", "arrivals.ln_c". */
    public List<String> freeNames() {
        List<String> names = new ArrayList<>(List.of("N0"));
        for (int k = 0; k < 4; k++) {
            String[] own = switch (forms[k]) {
                case ZERO -> new String[0];
                case CONSTANT -> new String[] {"a"};
                case LEVELS -> new String[] {"a", "b"};
                case FULL -> new String[] {"a", "b", "ln_c", "ln_d"};
            };
            for (String n : own) {
                names.add(BalanceCurves.NAMES[k] + "." + n);
            }
        }
        return names;
    }

    /** The full ODE vector (N0 and 16 curve parameters) of a free vector. */
    public double[] full(double[] free) {
        double[] p = new double[TrapezoidBalanceOde.PARAMETERS];
        p[0] = free[0];
        for (int k = 0; k < 4; k++) {
            int o = offset[k], f = 1 + 4 * k;
            double[] abcd = switch (forms[k]) {
                case ZERO -> new double[] {0, 0, 1, 1};
                case CONSTANT -> new double[] {free[o], free[o], 1, 1};
                case LEVELS -> new double[] {free[o], free[o + 1], 1, fixedD[k]};
                case FULL -> new double[] {free[o], free[o + 1], Math.exp(free[o + 2]), Math.exp(free[o + 3])};
            };
            System.arraycopy(abcd, 0, p, f, 4);
        }
        return p;
    }

    public BalanceCurves curves(double[] free) {
        return BalanceCurves.of(full(free), 1);
    }

    /** The free vector of an initial population and curves (their forms must fit this map). */
    public double[] free(double n0, BalanceCurves curves) {
        double[] free = new double[size];
        free[0] = n0;
        for (int k = 0; k < 4; k++) {
            LogLogisticCurve c = curves.curve(k);
            int o = offset[k];
            switch (forms[k]) {
                case ZERO -> { }
                case CONSTANT -> free[o] = (c.a() + c.b()) / 2;
                case LEVELS -> {
                    free[o] = c.a();
                    free[o + 1] = c.b();
                }
                case FULL -> {
                    free[o] = c.a();
                    free[o + 1] = c.b();
                    free[o + 2] = Math.log(c.c());
                    free[o + 3] = Math.log(c.d());
                }
            }
        }
        return clamp(free);
    }

    /**
     * d full / d free as a matrix [17][size]: the chain rule for the Jacobian and the standard
     * errors of the full parameters.
     */
    public double[][] fullDerivative(double[] free) {
        double[][] m = new double[TrapezoidBalanceOde.PARAMETERS][size];
        m[0][0] = 1;
        for (int k = 0; k < 4; k++) {
            int o = offset[k], f = 1 + 4 * k;
            switch (forms[k]) {
                case ZERO -> { }
                case CONSTANT -> {
                    m[f][o] = 1;
                    m[f + 1][o] = 1;
                }
                case LEVELS -> {
                    m[f][o] = 1;
                    m[f + 1][o + 1] = 1;
                }
                case FULL -> {
                    m[f][o] = 1;
                    m[f + 1][o + 1] = 1;
                    m[f + 2][o + 2] = Math.exp(free[o + 2]);
                    m[f + 3][o + 3] = Math.exp(free[o + 3]);
                }
            }
        }
        return m;
    }

    /**
     * The weak prior of a fit with every curve full ({@code --full-curves}): for each full curve
     * three pseudo-observations {index of a, index of b, index of the parameter, centre, sd}, i.e.
     * (b - a) / level ~ N(0, 1) (toward a flat curve), ln c ~ N(0, 1) (steepness 1, within 0.14 ..
     * 7.4 at two sd) and ln d ~ N(ln of the data's middle, 1). Three points of births cannot pin
     * four parameters; with the prior the fit is the most probable curve instead of a divergent one.
     *
     * @param level the size of each curve's values (rates or flows), from its start values
     */
    double[][] flatPrior(double[] level) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            if (forms[k] == CurveForm.FULL) {
                int o = offset[k];
                double scale = Math.max(level[k], 1e-12);
                rows.add(new double[] {o, o + 1, -1, 0, scale});
                rows.add(new double[] {-1, -1, o + 2, 0, 1});
                rows.add(new double[] {-1, -1, o + 3, Math.log(fixedD[k]), 1});
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** The value of a prior row for a free vector, in sd units, and its gradient entries. */
    static double priorValue(double[] row, double[] free) {
        double x = row[2] >= 0 ? free[(int) row[2]] : free[(int) row[1]] - free[(int) row[0]];
        return (x - row[3]) / row[4];
    }

    /** Why the curves of a free vector are not acceptable trends, or null if they are. */
    String violation(double[] free) {
        for (int k = 0; k < 4; k++) {
            if (forms[k] == CurveForm.FULL) {
                double c = Math.exp(free[offset[k] + 2]), d = Math.exp(free[offset[k] + 3]);
                if (c < C_MIN || c > C_MAX || d < D_MIN || d > D_MAX) {
                    return BalanceCurves.NAMES[k] + " c = " + (float) c + ", d = " + (float) d + " outside " + C_MIN + " <= c <= "
                            + C_MAX + ", " + D_MIN + " <= d <= " + D_MAX;
                }
            }
        }
        return null;
    }

    /** Keeps a free vector inside the bounds (the optimiser's parameter validator). */
    public double[] clamp(double[] free) {
        double[] p = free.clone();
        p[0] = Math.max(p[0], 1);
        for (int k = 0; k < 4; k++) {
            int o = offset[k];
            int n = forms[k].free();
            if (nonNegative[k]) {
                for (int i = 0; i < Math.min(n, 2); i++) {
                    p[o + i] = Math.max(p[o + i], 0);
                }
            }
            if (forms[k] == CurveForm.FULL) {
                // only against overflow: the fit's result is checked against the real bounds
                for (int i = 2; i < 4; i++) {
                    p[o + i] = Math.min(Math.max(p[o + i], -LOG_GUARD), LOG_GUARD);
                }
            }
        }
        return p;
    }
}
