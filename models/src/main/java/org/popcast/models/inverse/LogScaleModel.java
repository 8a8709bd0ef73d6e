package org.popcast.models.inverse;

import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;
import org.popcast.data.input.InputException;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;

/**
 * ln P(age_i, year_i) at the observations as a function of the unknowns' logarithms, through the
 * exact solver; the Jacobian by central differences of step {@code step} in each log-parameter
 * (the solver is accurate to about 1e-12, so the differences are good to about step^2).
 */
final class LogScaleModel implements MultivariateJacobianFunction {

    private final AgePdeProblem problem;
    private final List<UnknownParameter> unknowns;
    private final Observations observations;
    private final ExactSolverSettings settings;
    private final double step;
    private int solves;

    LogScaleModel(AgePdeProblem problem, List<UnknownParameter> unknowns, Observations observations, ExactSolverSettings settings,
                  double step) {
        this.problem = problem;
        this.unknowns = List.copyOf(unknowns);
        this.observations = observations;
        this.settings = settings;
        this.step = step;
    }

    /** Exact solves so far. */
    int solves() {
        return solves;
    }

    /** The model density (not its log) at each observation for the given log-parameters. */
    double[] densities(double[] logParameters) {
        double[] scales = new double[logParameters.length];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = Math.exp(logParameters[i]);
        }
        ExactMvfSolver solver = new ExactMvfSolver(UnknownParameter.applyAll(problem, unknowns, scales), settings);
        solves++;
        double[] out = new double[observations.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = solver.density(observations.age(i), observations.year(i));
        }
        return out;
    }

    double[] logDensities(double[] logParameters) {
        double[] d = densities(logParameters);
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0) || !Double.isFinite(d[i])) {
                throw new InputException(observations.source() + ":" + observations.lines()[i]
                        + ": the scenario's density at year " + observations.year(i) + ", age " + observations.age(i) + " is " + d[i]
                        + " whatever the scales; no scale can fit a positive observation there");
            }
            d[i] = Math.log(d[i]);
        }
        return d;
    }

    @Override
    public Pair<RealVector, RealMatrix> value(RealVector point) {
        double[] x = point.toArray();
        double[] value = logDensities(x);
        RealMatrix jacobian = new Array2DRowRealMatrix(value.length, x.length);
        for (int j = 0; j < x.length; j++) {
            double[] up = x.clone(), down = x.clone();
            up[j] += step;
            down[j] -= step;
            double[] plus = logDensities(up), minus = logDensities(down);
            for (int i = 0; i < value.length; i++) {
                jacobian.setEntry(i, j, (plus[i] - minus[i]) / (2 * step));
            }
        }
        return new Pair<>(new ArrayRealVector(value, false), jacobian);
    }
}
