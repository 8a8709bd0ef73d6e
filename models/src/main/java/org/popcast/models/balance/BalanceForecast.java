package org.popcast.models.balance;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.hipparchus.distribution.continuous.TDistribution;
import org.popcast.kernels.balance.BalancePath;

/**
 * The 13 indicators year by year, modelled over the data and the forecast years, observed where
 * the series gives them, with bands beyond the data (seed 002, step 8):
 *
 * <pre>
 *   positive indicators:  H = X e^{z err},  L = X e^{-z err}
 *   differences:          H = X + z err,    L = X - z err   (they change sign)
 *   err(h)^2 = s^2 + Var_theta + h sigma_g^2   (the last term for population, births and deaths only)
 * </pre>
 *
 * h is the number of years past the indicator's last data year; s the root mean square of the
 * indicator's fit errors (ln(observed/model), or observed - model for differences) inflated by
 * m/dof; Var_theta the delta-method variance of ln X (or X) from the parameter covariance;
 * sigma_g^2 the same inflated mean square of the errors of the yearly log growth of the population
 * (observed minus modelled, over pairs of consecutive known populations): the part of the
 * population path that the smooth curves do not follow behaves as a random walk, so its variance
 * grows by sigma_g^2 a year. z is Student's t quantile with dof = m - p degrees of freedom.
 */
public final class BalanceForecast {

    private final FittedBalance fit;
    private final int firstYear;
    private final int years;
    private final double z;
    private final Map<Indicator, double[][]> values = new EnumMap<>(Indicator.class);

    /** Row order in {@link #values(Indicator)}: model, lower, upper, observed. */
    public static final int MODEL = 0, LOWER = 1, UPPER = 2, OBSERVED = 3;

    private BalanceForecast(FittedBalance fit, int lastYear) {
        this.fit = fit;
        this.firstYear = fit.series().firstYear();
        this.years = lastYear - firstYear + 1;
        this.z = new TDistribution(fit.dof()).inverseCumulativeProbability((1 + fit.settings().confidence()) / 2);
        BalancePath path = fit.solveForecast(lastYear);
        Dual[][] model = modelled(path);
        Dual[][] observed = observed(fit.series());
        double sigmaG2 = growthVariance(fit);
        Observations obs = fit.observations();
        int lastPop = obs.lastPopulationIndex(), lastFlow = obs.lastFlowIndex();
        double inflation = (double) fit.observationCount() / fit.dof();
        for (Indicator ind : Indicator.values()) {
            double[][] rows = new double[4][years];
            for (double[] r : rows) {
                Arrays.fill(r, Double.NaN);
            }
            int last = ind.isStock() ? lastPop : lastFlow;
            double s2 = spread(ind, model, observed, last) * inflation;
            for (int y = 0; y < years; y++) {
                Dual x = model[ind.ordinal()][y];
                rows[MODEL][y] = x.v();
                rows[OBSERVED][y] = y < observed[ind.ordinal()].length ? observed[ind.ordinal()][y].v() : Double.NaN;
                int h = y - last;
                if (h <= 0 || Double.isNaN(x.v())) {
                    continue;
                }
                double var = x.variance(fit.covariance());
                if (ind.band() == Indicator.Band.LOG) {
                    double err = Math.sqrt(s2 + var / (x.v() * x.v()) + (ind.scalesWithPopulation() ? h * sigmaG2 : 0));
                    rows[LOWER][y] = x.v() * Math.exp(-z * err);
                    rows[UPPER][y] = x.v() * Math.exp(z * err);
                } else {
                    double err = Math.sqrt(s2 + var);
                    rows[LOWER][y] = x.v() - z * err;
                    rows[UPPER][y] = x.v() + z * err;
                }
            }
            values.put(ind, rows);
        }
    }

    public static BalanceForecast of(FittedBalance fit, int lastYear) {
        if (lastYear < fit.series().lastYear()) {
            throw new IllegalArgumentException("forecast to " + lastYear + " ends before the data, which end in "
                    + fit.series().lastYear());
        }
        return new BalanceForecast(fit, lastYear);
    }

    public FittedBalance fit() {
        return fit;
    }

    public int firstYear() {
        return firstYear;
    }

    public int years() {
        return years;
    }

    /** Student's t quantile of the bands. */
    public double z() {
        return z;
    }

    /** {model, lower, upper, observed} by year index; NaN where not defined. */
    public double[][] values(Indicator ind) {
        double[][] r = values.get(ind);
        return new double[][] {r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()};
    }

    /** The indicators of a path, with gradients with respect to the free parameters. */
    private Dual[][] modelled(BalancePath p) {
        double[][] chain = fit.map().fullDerivative(fit.free());
        Dual[] pop = new Dual[years + 1];
        for (int i = 0; i <= years; i++) {
            pop[i] = project(p.population()[i], p.dPopulation()[i], chain);
        }
        Dual[][] out = new Dual[Indicator.values().length][years];
        boolean separate = fit.separateMigration();
        Dual missing = Dual.of(Double.NaN);
        for (int y = 0; y < years; y++) {
            Dual b = project(p.births()[y], p.dBirths()[y], chain);
            Dual d = project(p.deaths()[y], p.dDeaths()[y], chain);
            Dual in = project(p.arrivals()[y], p.dArrivals()[y], chain);
            Dual outFlow = project(p.departures()[y], p.dDepartures()[y], chain);
            Dual net = in.minus(outFlow);
            for (Indicator ind : Indicator.values()) {
                // with one net-migration curve, arrivals and departures on their own are not modelled
                out[ind.ordinal()][y] = ind.of(pop, b, d, separate ? in : missing, separate ? outFlow : missing, net,
                        b.minus(d), y);
            }
        }
        return out;
    }

    private static Dual project(double value, double[] dFull, double[][] chain) {
        int p = chain[0].length;
        double[] g = new double[p];
        for (int q = 0; q < dFull.length; q++) {
            if (dFull[q] != 0) {
                for (int j = 0; j < p; j++) {
                    g[j] += dFull[q] * chain[q][j];
                }
            }
        }
        return new Dual(value, g);
    }

    /** The indicators as observed: differences from their parts where both are known, net migration as the remainder. */
    static Dual[][] observed(BalanceSeries s) {
        int n = s.years();
        Dual[] pop = new Dual[n + 1];
        for (int i = 0; i <= n; i++) {
            pop[i] = Dual.of(i < n ? s.population()[i] : Double.NaN);
        }
        Dual[][] out = new Dual[Indicator.values().length][n];
        for (int y = 0; y < n; y++) {
            double b = s.births()[y], d = s.deaths()[y];
            double natural = !Double.isNaN(b) && !Double.isNaN(d) ? b - d : s.naturalIncrease()[y];
            double in = s.arrivals()[y], outFlow = s.departures()[y];
            double net = !Double.isNaN(in) && !Double.isNaN(outFlow) ? in - outFlow
                    : !Double.isNaN(s.netMigration()[y]) ? s.netMigration()[y]
                    : pop[y + 1].v() - pop[y].v() - natural;
            for (Indicator ind : Indicator.values()) {
                out[ind.ordinal()][y] = ind.of(pop, Dual.of(b), Dual.of(d), Dual.of(in), Dual.of(outFlow), Dual.of(net),
                        Dual.of(natural), y);
            }
        }
        return out;
    }

    /** Mean square of the fit errors of an indicator over the data years (not inflated). NaN without data. */
    private static double spread(Indicator ind, Dual[][] model, Dual[][] observed, int last) {
        double sum = 0;
        int n = 0;
        Dual[] obs = observed[ind.ordinal()];
        for (int y = 0; y < obs.length && y <= last; y++) {
            double o = obs[y].v(), m = model[ind.ordinal()][y].v();
            double e = ind.band() == Indicator.Band.LOG ? Math.log(o / m) : o - m;
            if (Double.isFinite(e)) {
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Inflated mean square of the errors of the yearly log growth of the population; 0 without pairs. */
    private static double growthVariance(FittedBalance fit) {
        double[] pop = fit.series().population();
        double[] model = fit.path().population();
        double sum = 0;
        int n = 0;
        for (int i = 0; i + 1 < pop.length; i++) {
            if (!Double.isNaN(pop[i]) && !Double.isNaN(pop[i + 1])) {
                double e = Math.log(pop[i + 1] / pop[i]) - Math.log(model[i + 1] / model[i]);
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n * fit.observationCount() / fit.dof();
    }
}
