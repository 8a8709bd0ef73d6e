package org.popcast.models.balance;

/**
 * A value with its gradient with respect to the fitted parameters, so each indicator's formula is
 * written once and gives both the value and what the delta method needs. Observed values carry an
 * empty gradient.
 */
record Dual(double v, double[] g) {

    static Dual of(double v) {
        return new Dual(v, new double[0]);
    }

    Dual plus(Dual o) {
        return combine(o, v + o.v, 1, 1);
    }

    Dual minus(Dual o) {
        return combine(o, v - o.v, 1, -1);
    }

    /** 2000 x this / (n0 + n1): per mille of the mean of the two 1-January populations (the seed's K). */
    Dual perMilleOf(Dual n0, Dual n1) {
        Dual sum = n0.plus(n1);
        double value = 2000 * v / sum.v;
        int len = Math.max(g.length, sum.g.length);
        double[] grad = new double[len];
        for (int i = 0; i < len; i++) {
            grad[i] = 2000 * (at(g, i) * sum.v - v * at(sum.g, i)) / (sum.v * sum.v);
        }
        return new Dual(value, grad);
    }

    private Dual combine(Dual o, double value, double x, double y) {
        int len = Math.max(g.length, o.g.length);
        double[] grad = new double[len];
        for (int i = 0; i < len; i++) {
            grad[i] = x * at(g, i) + y * at(o.g, i);
        }
        return new Dual(value, grad);
    }

    private static double at(double[] a, int i) {
        return i < a.length ? a[i] : 0;
    }

    /** g^T cov g: the delta-method variance. */
    double variance(double[][] cov) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                s += g[i] * cov[i][j] * g[j];
            }
        }
        return s;
    }
}
