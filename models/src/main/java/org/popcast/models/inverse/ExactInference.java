package org.popcast.models.inverse;

import java.util.List;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.popcast.data.input.InputException;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactSolverSettings;

/**
 * {@code pde infer --method exact}: the unknowns x = ln(scale) minimise
 * sum_i (ln P_x(age_i, year_i) - ln observed_i)^2 with P_x the exact solution (Levenberg-Marquardt,
 * Hipparchus, from every scale = 1). Standard errors: cov(x) = s^2 (J^T J)^-1 with
 * s^2 = RSS / (n - p) at the optimum, then the delta method, se(scale) = scale se(x).
 */
public final class ExactInference {

    /**
     * @param maxIterations  Levenberg-Marquardt iterations (and evaluations) allowed
     * @param tolerance      relative change of cost and parameters that ends the fit
     * @param differenceStep central-difference step in each log-parameter
     */
    public record Settings(ExactSolverSettings solver, int maxIterations, double tolerance, double differenceStep) {
        public static final Settings DEFAULT = new Settings(ExactSolverSettings.DEFAULT, 100, 1e-10, 1e-4);

        /** A named limit: scales are kept within [1 / LIMIT, LIMIT] of the scenario's rates. */
        public static final double SCALE_LIMIT = 1000;
    }

    /** Called after every accepted Levenberg-Marquardt iteration. */
    public interface Listener {
        void iteration(int iteration, double rmsLogMisfit, double[] estimates);

        Listener NONE = (i, rms, e) -> { };
    }

    private ExactInference() {
    }

    public static InferenceResult fit(AgePdeProblem problem, List<UnknownParameter> unknowns, Observations observations,
                                      Settings settings, Listener listener) {
        long started = System.nanoTime();
        int n = observations.size(), p = unknowns.size();
        LogScaleModel model = new LogScaleModel(problem, unknowns, observations, settings.solver(), settings.differenceStep());
        double[] target = observations.densities();
        for (int i = 0; i < n; i++) {
            target[i] = Math.log(target[i]);
        }
        double bound = Math.log(Settings.SCALE_LIMIT);
        LeastSquaresProblem lsq = new LeastSquaresBuilder().model(model).target(target).start(new double[p])
                .parameterValidator(v -> new ArrayRealVector(v.toArray().clone(), false).map(x -> Math.max(-bound, Math.min(bound, x))))
                .checker(reporter(listener))
                .maxEvaluations(settings.maxIterations()).maxIterations(settings.maxIterations()).lazyEvaluation(false).build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(settings.tolerance())
                    .withParameterRelativeTolerance(settings.tolerance()).optimize(lsq);
        } catch (MathIllegalStateException e) {
            throw new InputException(observations.source() + ": the fit did not converge within " + settings.maxIterations()
                    + " iterations (" + e.getMessage() + ")", e);
        }
        double[] x = optimum.getPoint().toArray();
        for (int j = 0; j < p; j++) {
            if (Math.abs(x[j]) >= bound * (1 - 1e-9)) {
                throw new InputException(observations.source() + ": " + unknowns.get(j).label() + " ran to the limit "
                        + Math.exp(x[j]) + "; these observations do not fit the scenario at any scale");
            }
        }
        double[] stderrs = stderrs(optimum, x, n, p, unknowns, observations.source());
        double[] estimates = java.util.Arrays.stream(x).map(Math::exp).toArray();
        double[] fitted = model.densities(x);
        double rms = optimum.getRMS();
        return new InferenceResult(InferenceMethod.EXACT, unknowns, estimates, stderrs, fitted, rms, optimum.getIterations(),
                model.solves(), (System.nanoTime() - started) / 1e9);
    }

    /** Delta-method standard errors of the scales; NaN when n = p (no residual degrees of freedom). */
    private static double[] stderrs(LeastSquaresOptimizer.Optimum optimum, double[] x, int n, int p, List<UnknownParameter> unknowns,
                                    String source) {
        double[] out = new double[p];
        if (n == p) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double sigma2 = optimum.getCost() * optimum.getCost() / (n - p);
        double[][] covariance;
        try {
            covariance = optimum.getCovariances(1e-14).getData();
        } catch (MathIllegalArgumentException e) {
            throw new InputException(source + ": the observations cannot tell the unknowns apart (singular Jacobian: "
                    + String.join(", ", unknowns.stream().map(UnknownParameter::label).toList())
                    + "); observe more years or ages, or estimate fewer unknowns", e);
        }
        for (int j = 0; j < p; j++) {
            out[j] = Math.exp(x[j]) * Math.sqrt(sigma2 * covariance[j][j]);
        }
        return out;
    }

    private static ConvergenceChecker<LeastSquaresProblem.Evaluation> reporter(Listener listener) {
        return (iteration, previous, current) -> {
            double[] estimates = java.util.Arrays.stream(current.getPoint().toArray()).map(Math::exp).toArray();
            listener.iteration(iteration, current.getRMS(), estimates);
            return false; // Levenberg-Marquardt's own tolerances decide
        };
    }
}
