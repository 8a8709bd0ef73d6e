package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.BalancePath;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/**
 * A fitted Level I balance model: the free parameters and their covariance, the fit's error
 * measures, the observations it was compared with and the anomalies found.
 *
 * @param sigma2    residual variance RSS / dof of the weighted residuals
 * @param dof       residuals minus free parameters: the degrees of freedom of Student's t
 * @param path      the solution over the series' years (population to 1 January after the last)
 * @param anomalies observations flagged by {@link AnomalyRule}
 * @param replaced  whether the flagged observations were left out of the final fit
 * @param fallback  empty, or why the full curves asked for could not be fitted and simpler forms were (recorded in the result)
 */
public record FittedBalance(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings, int origin,
                            Observations observations, ParameterMap map, double[] free, double[][] covariance,
                            double sigma2, int dof, int iterations, int evaluations, BalancePath path,
                            List<AnomalyRule.Flag> anomalies, boolean replaced, String fallback) {

    /** One observation beside the model's value for it. */
    public record Residual(Measure measure, int year, double observed, double model) {
        /** ln(observed / model) for positive measures, observed - model for differences. */
        public double error() {
            return measure.signed() ? observed - model : Math.log(observed / model);
        }
    }

    FittedBalance withAnomalies(List<AnomalyRule.Flag> flags, boolean replacedThem) {
        return new FittedBalance(series, jumps, settings, origin, observations, map, free, covariance, sigma2, dof,
                iterations, evaluations, path, List.copyOf(flags), replacedThem, fallback);
    }

    FittedBalance withFallback(String why) {
        return new FittedBalance(series, jumps, settings, origin, observations, map, free, covariance, sigma2, dof,
                iterations, evaluations, path, anomalies, replaced, why);
    }

    public BalanceCurves curves() {
        return map.curves(free);
    }

    public double initialPopulation() {
        return free[0];
    }

    /** Whether arrivals and departures have curves of their own (else one net-migration curve). */
    public boolean separateMigration() {
        return observations.separateMigration;
    }

    public int observationCount() {
        return observations.list.size();
    }

    /** Bayesian information criterion m ln(RSS/m) + p ln m, for choosing curve forms. */
    public double bic() {
        int m = observationCount(), p = map.size();
        return m * Math.log(sigma2 * dof / m) + p * Math.log(m);
    }

    /** Root mean square of the weighted residuals (per mille of the population over each measure's scatter; about 1). */
    public double rmsWeighted() {
        return Math.sqrt(sigma2 * dof / observationCount());
    }

    /** The 17 parameters of the ODE (N0, a, b, c, d of four curves). */
    public double[] fullParameters() {
        return map.full(free);
    }

    /** Standard errors of {@link #fullParameters()} by the delta method; 0 for parameters held fixed. */
    public double[] fullStandardErrors() {
        double[][] m = map.fullDerivative(free);
        double[] se = new double[m.length];
        for (int q = 0; q < m.length; q++) {
            double v = 0;
            for (int i = 0; i < free.length; i++) {
                for (int j = 0; j < free.length; j++) {
                    v += m[q][i] * covariance[i][j] * m[q][j];
                }
            }
            se[q] = Math.sqrt(v);
        }
        return se;
    }

    /** Whether full parameter q is moved by the fit (not held by the curve's form). */
    public boolean isFree(int q) {
        double[][] m = map.fullDerivative(free);
        for (double d : m[q]) {
            if (d != 0) {
                return true;
            }
        }
        return false;
    }

    /** Every observation of the series that the fit saw (or left out as anomalous) against the model. */
    public List<Residual> residuals() {
        List<Residual> out = new ArrayList<>();
        for (Observations.Obs o : new Observations(series, java.util.Set.of()).list) {
            out.add(new Residual(o.measure(), series.year(o.index()), o.value(), o.measure().value(path, o.index())));
        }
        return out;
    }

    /**
     * The path of the forecast: {@link #solveUntil}, or with {@code anchor} the same curves solved
     * again from the last observed population (its sensitivities then do not depend on N0: the
     * initial-value column is dropped).
     */
    public BalancePath solveForecast(int lastYear) {
        BalancePath full = solveUntil(lastYear);
        int last = observations.lastPopulationIndex();
        if (!settings.anchor() || last <= 0) {
            return full;
        }
        int years = full.years();
        var forcing = JumpForcing.of(jumps, series.firstYear() + last, years - last);
        forcing.populationStep()[0] = 0; // the observation already holds that year's step
        BalancePath tail = new TrapezoidBalanceOde(settings.stepsPerYear()).solve(curves(), series.population()[last], origin,
                series.firstYear() + last, forcing, true);
        double[] pop = full.population().clone();
        double[][] dPop = full.dPopulation().clone();
        for (int i = last; i <= years; i++) {
            pop[i] = tail.population()[i - last];
            dPop[i] = tail.dPopulation()[i - last].clone();
            dPop[i][0] = 0;
        }
        double[][] flows = {full.births().clone(), full.deaths().clone(), full.arrivals().clone(), full.departures().clone()};
        double[][][] dFlows = {full.dBirths().clone(), full.dDeaths().clone(), full.dArrivals().clone(), full.dDepartures().clone()};
        double[][] tailFlows = {tail.births(), tail.deaths(), tail.arrivals(), tail.departures()};
        double[][][] tailD = {tail.dBirths(), tail.dDeaths(), tail.dArrivals(), tail.dDepartures()};
        for (int k = 0; k < 4; k++) {
            for (int y = last; y < years; y++) {
                flows[k][y] = tailFlows[k][y - last];
                dFlows[k][y] = tailD[k][y - last].clone();
                dFlows[k][y][0] = 0;
            }
        }
        return new BalancePath(full.firstYear(), pop, flows[0], flows[1], flows[2], flows[3], dPop, dFlows[0], dFlows[1],
                dFlows[2], dFlows[3]);
    }

    /** The solution from the series' first year to {@code lastYear} (flows included), with sensitivities. */
    public BalancePath solveUntil(int lastYear) {
        int years = Math.max(lastYear, series.lastYear()) - series.firstYear() + 1;
        return new TrapezoidBalanceOde(settings.stepsPerYear()).solve(curves(), free[0], origin, series.firstYear(),
                JumpForcing.of(jumps, series.firstYear(), years), true);
    }
}
