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
 * <p>Curve forms: unless all four parameters are asked for, each curve starts with the form its
 * amount of data supports ({@link CurveForm#forObservations}) and simpler forms are chosen by the
 * Bayesian information criterion BIC = m ln(RSS/m) + p ln m ({@link #select}). Four free parameters
 * on a short, noisy series chase the noise (steep steps, inflections outside the data) and
 * extrapolate it; BIC's penalty keeps them only where the data demand them.
 *
 * <p>Residuals are per mille of the population and divided by each measure's scatter from a first
 * fit (see {@link Observations}). Parameter covariance: sigma^2 (J^T J)^-1 with
 * sigma^2 = RSS / (m - p), m residuals and p free parameters (the usual nonlinear least-squares
 * estimate).
 */
public final class BalanceFit {

    /** The fit stops when a step lowers the cost (or moves the parameters) by less than this, relatively. */
    static final double COST_TOLERANCE = 1e-8;

    /** Fewer known populations than this cannot pin a trend. */
    public static final int MIN_POPULATIONS = 3;

    private BalanceFit() {
    }

    public static FittedBalance fit(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings) {
        checkData(series);
        FittedBalance first = select(series, jumps, settings, Set.of());
        List<AnomalyRule.Flag> flags = AnomalyRule.flag(first, settings.anomalyThreshold());
        if (!settings.replaceAnomalies() || flags.isEmpty()) {
            return first.withAnomalies(flags, false);
        }
        Set<Observations.Key> excluded = new HashSet<>();
        flags.forEach(f -> excluded.add(new Observations.Key(f.measure(), f.year())));
        return select(series, jumps, settings, excluded).withAnomalies(flags, true);
    }

    /**
     * Chooses the curve forms by BIC in two passes: a stepwise search with residuals per mille, then
     * the weights from that fit's scatter and a second stepwise search from its forms. The weights
     * need a fit, and a fit with the wrong weights can prefer the wrong forms: the second pass
     * corrects both.
     */
    static FittedBalance select(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                Set<Observations.Key> excluded) {
        int origin = settings.originFor(series.firstYear());
        if (origin > series.firstYear()) {
            throw new InputException(series.source() + ": the curves' origin " + origin + " is after the first year "
                    + series.firstYear() + " of the series");
        }
        Observations unweighted = new Observations(series, excluded);
        InitialFit init = InitialFit.of(unweighted, origin);
        CurveForm[] most = init.autoForms(settings.fullCurves());
        FittedBalance first = stepwise(series, jumps, settings, unweighted, init, most, most);
        Observations weighted = unweighted.weightedBy(first.path());
        return stepwise(series, jumps, settings, weighted, init, first.map().forms(), most);
    }

    /**
     * Stepwise search: from the first of {@code start}, its constant forms, that converges, move one
     * curve one form simpler or richer (up to {@code most}, what the data support) while BIC falls.
     * Forms whose fit fails (no convergence, singular Jacobian, curves that are not trends) are not
     * chosen. With full curves asked for, only {@code most} is fitted.
     */
    private static FittedBalance stepwise(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                          Observations obs, InitialFit init, CurveForm[] start, CurveForm[] most) {
        if (settings.fullCurves()) {
            try {
                return fitFull(series, jumps, settings, obs, init, most);
            } catch (InputException e) {
                // the fallback, chosen by the data (BIC) and recorded in the result
                BalanceSettings auto = settings.withFullCurves(false);
                CurveForm[] forms = init.autoForms(false);
                return stepwise(series, jumps, auto, obs, init, forms, forms).withFallback("full curves not fitted (" + e.getMessage().replaceFirst("^.*?: (?=[a-z])", "")
                                + "); curve forms chosen by BIC instead");
            }
        }
        InputException failure = null;
        FittedBalance best = null;
        Set<List<CurveForm>> tried = new HashSet<>();
        for (CurveForm[] forms : List.of(start, simplest(start))) {
            if (best == null && tried.add(List.of(forms))) {
                try {
                    best = fitOnce(series, jumps, settings, obs, init, forms);
                } catch (InputException e) {
                    failure = e;
                }
            }
        }
        if (best == null) {
            throw failure;
        }
        while (true) {
            CurveForm[] forms = best.map().forms();
            FittedBalance roundBest = null;
            for (int k = 0; k < 4; k++) {
                for (CurveForm next : new CurveForm[] {simpler(forms[k]), richer(forms[k], most[k])}) {
                    CurveForm[] candidate = forms.clone();
                    candidate[k] = next;
                    if (next == null || !tried.add(List.of(candidate))) {
                        continue;
                    }
                    try {
                        FittedBalance f = fitOnce(series, jumps, settings, obs, init, candidate);
                        if (roundBest == null || f.bic() < roundBest.bic()) {
                            roundBest = f;
                        }
                    } catch (InputException e) {
                        // not a usable set of forms: not chosen
                    }
                }
            }
            if (roundBest == null || roundBest.bic() >= best.bic()) {
                return best;
            }
            best = roundBest;
        }
    }

    private static CurveForm richer(CurveForm f, CurveForm most) {
        CurveForm next = switch (f) {
            case CONSTANT -> CurveForm.LEVELS;
            case LEVELS -> CurveForm.FULL;
            default -> null;
        };
        return next != null && next.free() <= most.free() ? next : null;
    }

    private static CurveForm[] simplest(CurveForm[] forms) {
        CurveForm[] out = forms.clone();
        for (int k = 0; k < 4; k++) {
            out[k] = out[k] == CurveForm.ZERO ? CurveForm.ZERO : CurveForm.CONSTANT;
        }
        return out;
    }

    private static CurveForm simpler(CurveForm f) {
        return switch (f) {
            case FULL -> CurveForm.LEVELS;
            case LEVELS -> CurveForm.CONSTANT;
            default -> null;
        };
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

    /** Evaluations allowed to the polish without the prior. */
    private static final int POLISH_EVALUATIONS = 60;

    /** Steepness starts of the multi-start full fit, after the one from the curves fitted one by one. */
    private static final double[] C_STARTS = {1, 3, 0.5};

    /**
     * Every curve full, with the weak prior toward flat curves ({@link ParameterMap#flatPrior}),
     * from several starts (each curve's own fit, then c = 1, 3 and 0.5 with d at the data's
     * middle): the converged fit of least cost, or the last failure.
     */
    private static FittedBalance fitFull(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                         Observations obs, InitialFit init, CurveForm[] forms) {
        ParameterMap map = init.map(forms);
        double[] first = init.start(map);
        double[] level = init.levels();
        double[][] prior = map.flatPrior(level);
        List<double[]> starts = new java.util.ArrayList<>(List.of(first));
        for (double c : C_STARTS) {
            double[] s = first.clone();
            for (double[] row : prior) {
                if (row[2] >= 0 && row[3] == 0) {
                    s[(int) row[2]] = Math.log(c);
                } else if (row[2] >= 0) {
                    s[(int) row[2]] = row[3];
                }
            }
            starts.add(s);
        }
        FittedBalance best = null;
        InputException failure = null;
        for (double[] start : starts) {
            try {
                FittedBalance f = fitFrom(series, jumps, settings, obs, map, start, prior);
                if (best == null || f.sigma2() < best.sigma2()) {
                    best = f;
                }
            } catch (InputException e) {
                failure = e;
            }
        }
        if (best == null) {
            throw failure;
        }
        return polished(series, jumps, settings, obs, map, best);
    }

    /**
     * The prior's fit polished without the prior, where the data alone pin the curves: that fit
     * must converge, keep the curves' bounds and have a regular Jacobian, else the prior's fit
     * stays. Data that identify all parameters then get the least-squares estimate, unbiased by
     * the prior; three years of births do not, and keep the prior's.
     */
    private static FittedBalance polished(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                          Observations obs, ParameterMap map, FittedBalance prior) {
        try {
            // from the prior's optimum an identified fit converges in a few dozen evaluations; an
            // unidentified one wanders: cap it, so that trying costs little
            BalanceSettings capped = new BalanceSettings(settings.origin(), settings.stepsPerYear(), settings.fullCurves(),
                    settings.confidence(), settings.anomalyThreshold(), settings.replaceAnomalies(),
                    Math.min(settings.maxEvaluations(), POLISH_EVALUATIONS), settings.anchor());
            FittedBalance free = fitFrom(series, jumps, capped, obs, map, prior.free(), new double[0][]);
            return free.sigma2() <= prior.sigma2() ? free : prior;
        } catch (InputException e) {
            return prior;
        }
    }

    /** One Levenberg-Marquardt fit with the given curve forms. */
    static FittedBalance fitOnce(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                 Observations obs, InitialFit init, CurveForm[] forms) {
        ParameterMap map = init.map(forms);
        return fitFrom(series, jumps, settings, obs, map, init.start(map), new double[0][]);
    }

    /**
     * One Levenberg-Marquardt fit from {@code start}; {@code prior} rows (see
     * {@link ParameterMap#flatPrior}) are appended to the residuals. The residual variance and the
     * degrees of freedom count the observations only.
     */
    private static FittedBalance fitFrom(BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                         Observations obs, ParameterMap map, double[] start, double[][] prior) {
        int maxEvaluations = settings.maxEvaluations();
        int origin = settings.originFor(series.firstYear());
        int m = obs.list.size(), p = map.size();
        if (m <= p) {
            throw new InputException(series.source() + ": too few years to fit: " + m + " observations for " + p
                    + " parameters (" + String.join(", ", map.freeNames()) + ")");
        }
        BalanceForcing forcing = JumpForcing.of(jumps, series.firstYear(), series.years());
        TrapezoidBalanceOde ode = new TrapezoidBalanceOde(settings.stepsPerYear());
        double[] target = new double[m + prior.length];
        for (int i = 0; i < m; i++) {
            Observations.Obs o = obs.list.get(i);
            target[i] = o.value() * o.scale();
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(point -> withPrior(evaluate(point, obs, map, ode, origin, forcing), point.toArray(), prior))
                .target(target)
                .start(start)
                .parameterValidator(v -> new ArrayRealVector(map.clamp(v.toArray()), false))
                .maxEvaluations(maxEvaluations)
                .maxIterations(maxEvaluations)
                .lazyEvaluation(false)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(COST_TOLERANCE)
                    .withParameterRelativeTolerance(COST_TOLERANCE).optimize(problem);
        } catch (IllegalArgumentException e) {
            throw new InputException(series.source() + ": the fit left the curves' domain (" + e.getMessage() + ")", e);
        } catch (MathIllegalStateException e) {
            throw new InputException(series.source() + ": the fit did not converge within " + maxEvaluations
                    + " evaluations (" + e.getMessage() + "); try --full-curves off, fewer years or another --origin", e);
        }
        double[] free = optimum.getPoint().toArray();
        String violation = map.violation(free);
        if (violation != null) {
            throw new InputException(series.source() + ": the fitted curves are not trends (" + violation + ")");
        }
        double rss = 0;
        RealVector residuals = optimum.getResiduals();
        for (int i = 0; i < m; i++) {
            rss += residuals.getEntry(i) * residuals.getEntry(i);
        }
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
                optimum.getIterations(), optimum.getEvaluations(), path, List.of(), false, "");
    }

    /** The model's values and Jacobian with the prior's rows appended (in sd units; their target is 0). */
    private static Pair<RealVector, RealMatrix> withPrior(Pair<RealVector, RealMatrix> model, double[] free, double[][] prior) {
        if (prior.length == 0) {
            return model;
        }
        int m = model.getFirst().getDimension(), p = free.length;
        double[] values = java.util.Arrays.copyOf(model.getFirst().toArray(), m + prior.length);
        double[][] jac = java.util.Arrays.copyOf(model.getSecond().getData(), m + prior.length);
        for (int r = 0; r < prior.length; r++) {
            double[] row = prior[r];
            values[m + r] = ParameterMap.priorValue(row, free);
            jac[m + r] = new double[p];
            if (row[2] >= 0) {
                jac[m + r][(int) row[2]] = 1 / row[4];
            } else {
                jac[m + r][(int) row[1]] = 1 / row[4];
                jac[m + r][(int) row[0]] = -1 / row[4];
            }
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jac, false));
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
