package org.popcast.kernels.balance;

/**
 * The four rate curves of the Level I balance equation (seed 002, equation 2):
 *
 * <pre>
 *   dN/dt = N (nuB(t) - nuD(t)) + (wI(t) - wO(t))
 * </pre>
 *
 * nuB and nuD are per person per year, wI and wO persons per year. When only net migration is
 * known, wI carries it (and may go negative) and wO is the zero curve.
 */
public record BalanceCurves(LogLogisticCurve birthRate, LogLogisticCurve deathRate,
                            LogLogisticCurve arrivals, LogLogisticCurve departures) {

    /** Curves in this order in {@link #toArray()} and in parameter vectors: births, deaths, arrivals, departures. */
    public static final String[] NAMES = {"birth_rate", "death_rate", "arrivals", "departures"};

    /** Number of curve parameters: 4 curves of 4. */
    public static final int PARAMETERS = 4 * LogLogisticCurve.PARAMETERS;

    public LogLogisticCurve curve(int k) {
        return switch (k) {
            case 0 -> birthRate;
            case 1 -> deathRate;
            case 2 -> arrivals;
            case 3 -> departures;
            default -> throw new IndexOutOfBoundsException("curve " + k);
        };
    }

    /** The 16 parameters, curve by curve, each as a, b, c, d. */
    public double[] toArray() {
        double[] p = new double[PARAMETERS];
        for (int k = 0; k < 4; k++) {
            System.arraycopy(curve(k).toArray(), 0, p, 4 * k, 4);
        }
        return p;
    }

    /** Reads 16 parameters starting at {@code offset}. */
    public static BalanceCurves of(double[] p, int offset) {
        LogLogisticCurve[] c = new LogLogisticCurve[4];
        for (int k = 0; k < 4; k++) {
            int o = offset + 4 * k;
            c[k] = new LogLogisticCurve(p[o], p[o + 1], p[o + 2], p[o + 3]);
        }
        return new BalanceCurves(c[0], c[1], c[2], c[3]);
    }
}
