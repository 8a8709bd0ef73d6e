package org.popcast.kernels.balance;

/**
 * Steps the Level I balance equation dN/dt = N r(t) + w(t), r = nuB - nuD, w = wI - wO, with the
 * trapezoidal rule, the seed's formula (6) (which the seed calls implicit Euler; it is
 * Crank-Nicolson, second order):
 *
 * <pre>
 *   N(t+h) (1 - h r(t+h)/2) = N(t) (1 + h r(t)/2) + h (w(t) + w(t+h)) / 2.
 * </pre>
 *
 * The yearly births, deaths, arrivals and departures are the trapezoidal integrals of nuB N, nuD N,
 * wI and wO over the same sub-steps, so the accounting identity N(y+1) - N(y) = B - D + I - O
 * holds to rounding. Sub-steps never straddle 1 January: {@code stepsPerYear} steps of 1/steps
 * years each.
 *
 * <p>With sensitivities the exact derivatives of the discrete solution with respect to the
 * parameter vector (N0, the 16 curve parameters in {@link BalanceCurves} order) are carried along
 * the steps (forward mode): differentiating the step gives
 * dN1 = (dN0 (1 + h r0/2) + N0 h dr0/2 + h (dw0 + dw1)/2 + N1 h dr1/2) / (1 - h r1/2).
 */
public final class TrapezoidBalanceOde {

    /** Parameter vector length: the initial population and the 16 curve parameters. */
    public static final int PARAMETERS = 1 + BalanceCurves.PARAMETERS;

    private final int stepsPerYear;

    public TrapezoidBalanceOde(int stepsPerYear) {
        if (stepsPerYear < 1) {
            throw new IllegalArgumentException("steps per year must be >= 1, got " + stepsPerYear);
        }
        this.stepsPerYear = stepsPerYear;
    }

    public int stepsPerYear() {
        return stepsPerYear;
    }

    /**
     * Solves from N(1 Jan firstYear) = n0 over {@code forcing.years()} years; curve time t is
     * years since 1 January of {@code originYear} and must stay >= 0.
     */
    public BalancePath solve(BalanceCurves curves, double n0, int originYear, int firstYear, BalanceForcing forcing,
                             boolean sensitivities) {
        if (firstYear < originYear) {
            throw new IllegalArgumentException("the solution starts in " + firstYear + ", before the curves' origin "
                    + originYear);
        }
        int years = forcing.years();
        double h = 1.0 / stepsPerYear;
        int np = sensitivities ? PARAMETERS : 0;
        double[] pop = new double[years + 1];
        double[][] flows = new double[4][years];
        double[][] dPop = new double[years + 1][np];
        double[][][] dFlows = new double[4][years][np];

        double n = n0 + forcing.populationStep()[0];
        double[] dn = new double[np];
        if (sensitivities) {
            dn[0] = 1;
        }
        pop[0] = n;
        dPop[0] = dn.clone();
        Point p0 = new Point(curves, firstYear - originYear, np);
        for (int y = 0; y < years; y++) {
            double extra = forcing.netFlow(y);
            for (int j = 1; j <= stepsPerYear; j++) {
                double t1 = firstYear - originYear + y + (double) j / stepsPerYear;
                Point p1 = new Point(curves, t1, np);
                double denom = 1 - h * p1.r / 2;
                double n1 = (n * (1 + h * p0.r / 2) + h * (p0.w + p1.w + 2 * extra) / 2) / denom;
                double[] dn1 = new double[np];
                for (int q = 0; q < np; q++) {
                    dn1[q] = (dn[q] * (1 + h * p0.r / 2) + n * h * p0.dr[q] / 2 + h * (p0.dw[q] + p1.dw[q]) / 2
                            + n1 * h * p1.dr[q] / 2) / denom;
                }
                addFlows(flows, dFlows, y, new Point[] {p0, p1}, new double[] {n, n1}, new double[][] {dn, dn1}, h);
                n = n1;
                dn = dn1;
                p0 = p1;
            }
            n += forcing.populationStep()[y + 1];
            pop[y + 1] = n;
            dPop[y + 1] = dn.clone();
            flows[0][y] += forcing.births()[y];
            flows[1][y] += forcing.deaths()[y];
            flows[2][y] += forcing.arrivals()[y];
            flows[3][y] += forcing.departures()[y];
        }
        if (!sensitivities) {
            return new BalancePath(firstYear, pop, flows[0], flows[1], flows[2], flows[3], null, null, null, null, null);
        }
        return new BalancePath(firstYear, pop, flows[0], flows[1], flows[2], flows[3], dPop, dFlows[0], dFlows[1],
                dFlows[2], dFlows[3]);
    }

    /**
     * Adds one sub-step's trapezoidal flows of year {@code y}, and their sensitivities when
     * {@code dn} has any, from the curves at the step's two ends ({@code p}), the population there
     * ({@code n}) and its sensitivities ({@code dn}).
     */
    private static void addFlows(double[][] flows, double[][][] dFlows, int y, Point[] p, double[] n, double[][] dn, double h) {
        int np = dn[0].length;
        for (int k = 0; k < 4; k++) {
            // births and deaths are rate x population, arrivals and departures are flows
            boolean perCapita = k < 2;
            double v0 = p[0].value[k], v1 = p[1].value[k];
            flows[k][y] += perCapita ? h * (v0 * n[0] + v1 * n[1]) / 2 : h * (v0 + v1) / 2;
            if (np == 0) {
                continue;
            }
            double[] df = dFlows[k][y];
            if (perCapita) {
                for (int q = 0; q < np; q++) {
                    df[q] += h * (v0 * dn[0][q] + v1 * dn[1][q]) / 2;
                }
            }
            // the curve's own four parameters
            double w0 = perCapita ? n[0] : 1, w1 = perCapita ? n[1] : 1;
            for (int i = 0; i < 4; i++) {
                df[1 + 4 * k + i] += h * (p[0].gradient[k][i] * w0 + p[1].gradient[k][i] * w1) / 2;
            }
        }
    }

    /** The curves and their parameter gradients at one time. */
    private static final class Point {
        final double[] value = new double[4];
        final double[][] gradient = new double[4][];
        final double r;
        final double w;
        final double[] dr;
        final double[] dw;

        Point(BalanceCurves curves, double t, int np) {
            for (int k = 0; k < 4; k++) {
                LogLogisticCurve c = curves.curve(k);
                value[k] = c.value(t);
                gradient[k] = np > 0 ? c.gradient(t) : null;
            }
            r = value[0] - value[1];
            w = value[2] - value[3];
            dr = new double[np];
            dw = new double[np];
            if (np > 0) {
                for (int i = 0; i < 4; i++) {
                    dr[1 + i] = gradient[0][i];
                    dr[5 + i] = -gradient[1][i];
                    dw[9 + i] = gradient[2][i];
                    dw[13 + i] = -gradient[3][i];
                }
            }
        }
    }
}
