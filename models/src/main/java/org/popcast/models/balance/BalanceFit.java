package org.popcast.models.balance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.popcast.data.input.BalanceJump;
import org.popcast.data.input.BalanceSeries;
import org.popcast.data.input.InputException;
import org.popcast.kernels.balance.BalanceForcing;
import org.popcast.kernels.balance.BalancePath;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/**
 * Fits the Level I balance model to a series (seed 002, steps 2-6): initial curves per rate
 * ({@link InitialFit}), then all parameters (N0 and the curves' free parameters) refined together
 * against every observation by Levenberg-Marquardt (Hipparchus), the ODE solved by the trapezoidal
 * rule with exact sensitivities for the Jacobian, until the relative fall of the cost is below
 * 1e-10. Anomalous observations are flagged by {@link AnomalyRule}; on request they are left out
 * and the fit repeated once, so the model restores them.
 *
 * <p>Parameter covariance: sigma^2 (J^T J)^-1 with sigma^2 = RSS / (m - p), m residuals and p free
 * parameters (the usual nonlinear least-squares estimate).
 */
public final class BalanceFit {

    /** Fewer known populations than this cannot pin a trend. */
    public static final int MIN_POPULATIONS = 3;

    private BalanceFit() {
    }

    public static FittedBalance fit(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings) {
        checkData(series);
        FittedBalance first = fitOnce(series, jumps, settings, Set.of());
        List<AnomalyRule.Flag> flags = AnomalyRule.flag(first, settings.anomalyThreshold());
        if (!settings.replaceAnomalies() || flags.isEmpty()) {
            return first.withAnomalies(flags, false);
        }
        Set<Observations.Key> excluded = new HashSet<>();
        flags.forEach(f -> excluded.add(new Observations.Key(f.measure(), f.year())));
        return fitOnce(series, jumps, settings, excluded).withAnomalies(flags, true);
    }

    private static void checkData(BalanceSeries s) {
        for (double p : s.population()) {
            if (p == 0) {
                throw new InputException(s.source() + ": a population of 0 cannot be modelled");
            }
        }
        if (BalanceSeries.known(s.population()) < MIN_POPULATIONS) {
            throw new InputException(s.source() + ": too few years to fit: " + BalanceSeries.known(s.population())
                    + " known populations, need at least " + MIN_POPULATIONS);
        }
        if (BalanceSeries.known(s.births()) == 0 || BalanceSeries.known(s.deaths()) == 0) {
            throw new InputException(s.source() + ": too few years to fit: births and deaths must each be known in at"
                    + " least one year to tell the birth rate from the death rate");
        }
    }

    static FittedBalance fitOnce(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                 Set<Observations.Key> excluded) {
        int origin = settings.originFor(series.firstYear());
        if (origin > series.firstYear()) {
            throw new InputException(series.source() + ": the curves' origin " + origin + " is after the first year "
                    + series.firstYear() + " of the series");
        }
        Observations obs = new Observations(series, excluded);
        InitialFit init = InitialFit.of(obs, origin, settings.fullCurves());
        ParameterMap map = init.map;
        int m = obs.list.size(), p = map.size();
        if (m <= p) {
            throw new InputException(series.source() + ": too few years to fit: " + m + " observations for " + p
                    + " parameters (" + String.join(", ", map.freeNames()) + ")");
        }
        BalanceForcing forcing = JumpForcing.of(jumps, series.firstYear(), series.years());
        TrapezoidBalanceOde ode = new TrapezoidBalanceOde(settings.stepsPerYear());
        double[] target = new double[m];
        for (int i = 0; i < m; i++) {
            Observations.Obs o = obs.list.get(i);
            target[i] = o.value() * o.scale();
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(point -> evaluate(point, obs, map, ode, origin, forcing))
                .target(target)
                .start(init.start)
                .parameterValidator(v -> new ArrayRealVector(map.clamp(v.toArray()), false))
                .maxEvaluations(settings.maxEvaluations())
                .maxIterations(settings.maxEvaluations())
                .lazyEvaluation(false)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (MathIllegalStateException e) {
            throw new InputException(series.source() + ": the fit did not converge within " + settings.maxEvaluations()
                    + " evaluations (" + e.getMessage() + "); try --full-curves off, fewer years or another --origin", e);
        }
        double[] free = optimum.getPoint().toArray();
        double rss = optimum.getCost() * optimum.getCost();
        int dof = m - p;
        double sigma2 = rss / dof;
        double[][] covariance;
        try {
            covariance = optimum.getCovariances(1e-14).scalarMultiply(sigma2).getData();
        } catch (MathIllegalArgumentException e) {
            throw new InputException(series.source() + ": the parameters cannot all be told apart from these data (singular"
                    + " Jacobian: " + String.join(", ", map.freeNames()) + "); give more years or let the curve forms follow the data", e);
        }
        BalancePath path = ode.solve(map.curves(free), free[0], origin, series.firstYear(), forcing, false);
        for (double v : path.population()) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new InputException(series.source() + ": the fitted model is not usable (population " + v
                        + "); the data may be inconsistent");
            }
        }
        return new FittedBalance(series, jumps, settings, origin, obs, map, free, covariance, sigma2, dof,
                optimum.getIterations(), optimum.getEvaluations(), path, List.of(), false);
    }

    private static Pair<RealVector, RealMatrix> evaluate(RealVector point, Observations obs, ParameterMap map,
                                                         TrapezoidBalanceOde ode, int origin, BalanceForcing forcing) {
        double[] free = point.toArray();
        BalancePath path = ode.solve(map.curves(free), free[0], origin, obs.series.firstYear(), forcing, true);
        double[][] chain = map.fullDerivative(free);
        int m = obs.list.size(), p = map.size();
        double[] values = new double[m];
        double[][] jac = new double[m][p];
        for (int i = 0; i < m; i++) {
            Observations.Obs o = obs.list.get(i);
            values[i] = o.measure().value(path, o.index()) * o.scale();
            for (int q = 0; q < TrapezoidBalanceOde.PARAMETERS; q++) {
                double d = o.measure().derivative(path, o.index(), q) * o.scale();
                if (d != 0) {
                    for (int j = 0; j < p; j++) {
                        jac[i][j] += d * chain[q][j];
                    }
                }
            }
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jac, false));
    }
}
