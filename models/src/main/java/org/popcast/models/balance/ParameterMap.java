package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.LogLogisticCurve;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/**
 * Maps the vector the optimiser moves (N0, then each curve's free parameters per its
 * {@link CurveForm}) to the full vector of the ODE (N0, a, b, c, d of four curves), and Jacobians
 * back. Free c and d are logarithms: the optimiser cannot make them non-positive, and bounds on
 * them are bounds on ln c, ln d. Rates and separate flows keep a, b >= 0.
 */
public final class ParameterMap {

    /** Bounds of a free curve's steepness and inflection date (years from the origin). */
    static final double C_MIN = 0.1, C_MAX = 50, D_MIN = 0.25, D_MAX = 500;

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
                p[o + 2] = Math.min(Math.max(p[o + 2], Math.log(C_MIN)), Math.log(C_MAX));
                p[o + 3] = Math.min(Math.max(p[o + 3], Math.log(D_MIN)), Math.log(D_MAX));
            }
        }
        return p;
    }
}
