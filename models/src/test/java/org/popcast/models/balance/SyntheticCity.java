package org.popcast.models.balance;

import java.util.Arrays;
import java.util.Random;

import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.BalanceForcing;
import org.popcast.kernels.balance.BalancePath;
import org.popcast.kernels.balance.LogLogisticCurve;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/**
 * Synthetic cities with known curves: the truth the fit must find. Noise is multiplicative and
 * seeded. With {@code migrationShock} > 0 the true migration of each year deviates from its curve
 * (persistently: the population takes it in), which is what real series do and the bands must
 * cover; observations then report the shocked flows.
 */
final class SyntheticCity {

    static final int ORIGIN = 1999, FIRST = 2000;
    static final double N0 = 1_000_000;
    static final BalanceCurves TRUTH = new BalanceCurves(
            new LogLogisticCurve(0.0125, 0.0090, 3, 12),
            new LogLogisticCurve(0.0100, 0.0135, 2.5, 15),
            new LogLogisticCurve(30_000, 45_000, 4, 10),
            new LogLogisticCurve(25_000, 20_000, 2, 14));

    private SyntheticCity() {
    }

    /** Exact model values for {@code years} years. */
    static BalancePath truth(int years) {
        return new TrapezoidBalanceOde(BalanceSettings.STEPS_PER_YEAR_DEFAULT).solve(TRUTH, N0, ORIGIN, FIRST,
                BalanceForcing.none(years), false);
    }

    /**
     * A series of {@code years} years: populations on 1 January and flows, with relative noise
     * {@code flowNoise} on the flows, {@code popNoise} on the populations, and yearly migration shocks.
     */
    static BalanceSeries series(int years, double flowNoise, double popNoise, double migrationShock, long seed) {
        Random rnd = new Random(seed);
        TrapezoidBalanceOde ode = new TrapezoidBalanceOde(BalanceSettings.STEPS_PER_YEAR_DEFAULT);
        // the shocks enter as extra arrivals: the truth the population lives through
        BalanceForcing shocks = BalanceForcing.none(years);
        for (int y = 0; y < years; y++) {
            shocks.arrivals()[y] = migrationShock * 40_000 * rnd.nextGaussian();
        }
        BalancePath p = ode.solve(TRUTH, N0, ORIGIN, FIRST, shocks, false);
        double[] pop = new double[years], b = new double[years], d = new double[years], in = new double[years],
                out = new double[years];
        for (int y = 0; y < years; y++) {
            pop[y] = p.population()[y] * (1 + popNoise * rnd.nextGaussian());
            b[y] = p.births()[y] * (1 + flowNoise * rnd.nextGaussian());
            d[y] = p.deaths()[y] * (1 + flowNoise * rnd.nextGaussian());
            in[y] = p.arrivals()[y] * (1 + flowNoise * rnd.nextGaussian());
            out[y] = p.departures()[y] * (1 + flowNoise * rnd.nextGaussian());
        }
        double[] none = new double[years];
        Arrays.fill(none, Double.NaN);
        return new BalanceSeries("synthetic", FIRST, pop, b, d, none.clone(), in, out, none.clone());
    }

    /** The 17 true parameters in the ODE's order. */
    static double[] trueParameters() {
        double[] t = new double[TrapezoidBalanceOde.PARAMETERS];
        t[0] = N0;
        System.arraycopy(TRUTH.toArray(), 0, t, 1, 16);
        return t;
    }
}
