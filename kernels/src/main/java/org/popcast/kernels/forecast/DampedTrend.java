package org.popcast.kernels.forecast;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Exponential smoothing with an additive damped trend (Gardner and McKenzie 1985; Hyndman and
 * Athanasopoulos, FPP3 section 8.2), the standard statistical benchmark for short annual series:
 * <pre>
 *   level  l_t = alpha y_t + (1 - alpha)(l_{t-1} + phi b_{t-1})
 *   trend  b_t = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}
 *   y_{T+h|T} = l_T + (phi + phi^2 + ... + phi^h) b_T
 * </pre>
 * started from l_0 = y_1, b_0 = y_2 - y_1. The smoothing parameters minimise the sum of squared
 * one-step errors over the history, with alpha, beta in [0.0001, 0.9999] and phi in [0.80, 0.98]
 * (the range FPP3 recommends: below 0.8 damping is too strong, above 0.98 it is Holt's linear trend).
 *
 * @param alpha level smoothing
 * @param beta  trend smoothing
 * @param phi   damping
 */
public record DampedTrend(double alpha, double beta, double phi) {

    public static final double PHI_MIN = 0.80;
    public static final double PHI_MAX = 0.98;
    private static final double EDGE = 1e-4;

    /** Level and trend after the last value. */
    public record State(double level, double trend) {
    }

    /** The run of the recursion over the history; {@code sse} is the sum of squared one-step errors. */
    public record Fit(DampedTrend parameters, State end, double sse) {

        /** The forecast h steps past the last value. */
        public double forecast(int h) {
            double damp = 0, p = 1;
            for (int k = 1; k <= h; k++) {
                p *= parameters.phi();
                damp += p;
            }
            return end.level() + damp * end.trend();
        }
    }

    /** Runs the recursion with these parameters; the history needs at least two values. */
    public Fit run(double[] y) {
        double level = y[0], trend = y[1] - y[0], sse = 0;
        for (int t = 1; t < y.length; t++) {
            double predicted = level + phi * trend;
            double error = y[t] - predicted;
            sse += error * error;
            double next = alpha * y[t] + (1 - alpha) * predicted;
            trend = beta * (next - level) + (1 - beta) * phi * trend;
            level = next;
        }
        return new Fit(this, new State(level, trend), sse);
    }

    /**
     * The parameters with the least one-step squared error, by BOBYQA within the bounds above,
     * started from alpha 0.5, beta 0.1, phi 0.9. The history needs at least three values.
     */
    public static Fit fit(double[] y) {
        NaiveForecast.check(y, 3, 1);
        double[] lower = {EDGE, EDGE, PHI_MIN}, upper = {1 - EDGE, 1 - EDGE, PHI_MAX};
        double[] best = new BOBYQAOptimizer(6, 0.05, 1e-8).optimize(new MaxEval(5000), GoalType.MINIMIZE,
                new InitialGuess(new double[] {0.5, 0.1, 0.9}), new SimpleBounds(lower, upper),
                new ObjectiveFunction(p -> new DampedTrend(p[0], p[1], p[2]).run(y).sse())).getPoint();
        return new DampedTrend(best[0], best[1], best[2]).run(y);
    }
}
