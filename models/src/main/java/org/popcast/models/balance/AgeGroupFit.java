package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.popcast.data.input.InputException;
import org.popcast.kernels.balance.AgeGroupOde;
import org.popcast.kernels.balance.BalancePath;

/**
 * Level II on top of a fitted Level I: the three age groups' migration shares and relative death
 * rates fitted (Levenberg-Marquardt, central-difference Jacobian: four parameters) to observed
 * group populations, from the first year in which all three are known; see {@link AgeGroupOde}
 * for the equations. Free parameters: s_young, s_working (s_old = 1 - both), ln m_young,
 * ln m_old (m_working = 1). Residuals are per mille of the Level I population of their year.
 *
 * <p>Constraints of demographic sense, kept by projecting every step (the optimiser's parameter
 * validator): migration shares >= 0 (s_young, s_working >= 0 and their sum <= 1, so s_old >= 0:
 * a group cannot take in more than the whole flow while another gives it back), and death-rate
 * multipliers within {@link #MULTIPLIER_MIN} .. {@link #MULTIPLIER_MAX} of the average: a group
 * does not stop dying. A fitted value at a bound is that bound, not an estimate (its standard
 * error then describes the fit held there).
 */
public final class AgeGroupFit {

    public static final String[] GROUPS = {"young", "working", "old"};
    /** Widths of the young (0-15) and working (16-59) groups, in years. */
    public static final double[] WIDTHS_DEFAULT = {16, 44};

    /** The fit and the group populations on 1 January from the start year to the last. */
    public record Result(int startYear, double[] shares, double[] multipliers, double[] standardErrors, double rmsPerMille,
                         int observations, double[][] groups, double maxCorrection, double[] widths) {
    }

    /** Bounds of a group's death rate relative to the average (children in low-mortality cities about 0.1-0.3, the old 3-6). */
    public static final double MULTIPLIER_MIN = 0.05, MULTIPLIER_MAX = 20;

    private AgeGroupFit() {
    }

    /** The nearest parameter vector inside the constraints (shares on the simplex, multipliers within bounds). */
    static double[] project(double[] u) {
        double[] p = u.clone();
        p[0] = Math.max(p[0], 0);
        p[1] = Math.max(p[1], 0);
        double sum = p[0] + p[1];
        if (sum > 1) {
            p[0] /= sum;
            p[1] /= sum;
        }
        for (int q = 2; q < 4; q++) {
            p[q] = Math.min(Math.max(p[q], Math.log(MULTIPLIER_MIN)), Math.log(MULTIPLIER_MAX));
        }
        return p;
    }

    public static Result fit(FittedBalance level1, TreeMap<Integer, double[]> observed, double[] widths, int lastYear,
                             String source) {
        int start = startYear(level1, observed, source);
        List<int[]> points = points(observed, start, lastYear, source);
        BalancePath path = level1.solveUntil(lastYear);
        int first = level1.series().firstYear();
        double n0 = path.population()[start - first];
        double[] g0 = observed.get(start);
        var forcing = JumpForcing.of(level1.jumps().stream().filter(j -> j.year() >= start).toList(), start, lastYear - start);
        AgeGroupOde ode = new AgeGroupOde(level1.settings().stepsPerYear());
        Function<double[], AgeGroupOde.Solution> solve = u -> ode.solve(level1.curves(), n0,
                level1.origin(), start, g0, shares(u), multipliers(u), widths, forcing);
        // residuals and targets per mille of the Level I population of their year
        Function<double[], double[]> residuals = u -> {
            double[][] groups = solve.apply(u).groups();
            double[] r = new double[points.size()];
            for (int i = 0; i < r.length; i++) {
                int[] p = points.get(i);
                r[i] = groups[p[0] - start][p[1]] / path.population()[p[0] - first] * 1000;
            }
            return r;
        };
        double[] target = new double[points.size()];
        for (int i = 0; i < target.length; i++) {
            int[] p = points.get(i);
            target[i] = observed.get(p[0])[p[1]] / path.population()[p[0] - first] * 1000;
        }
        LeastSquaresOptimizer.Optimum opt = optimise(residuals, target, level1.settings().maxEvaluations(), source);
        double[] u = opt.getPoint().toArray();
        AgeGroupOde.Solution s = solve.apply(u);
        return new Result(start, shares(u), multipliers(u), standardErrors(opt, points.size(), source),
                Math.sqrt(opt.getCost() * opt.getCost() / points.size()), points.size(), s.groups(), s.maxCorrection(), widths.clone());
    }

    /** The first year from the series' start with all three groups observed. */
    private static int startYear(FittedBalance level1, TreeMap<Integer, double[]> observed, String source) {
        Integer start = observed.entrySet().stream().filter(e -> known(e.getValue()))
                .map(Map.Entry::getKey).filter(y -> y >= level1.series().firstYear()).findFirst().orElse(null);
        if (start == null) {
            throw new InputException(source + ": no year from " + level1.series().firstYear()
                    + " on has all three groups (young, working, old)");
        }
        return start;
    }

    /** The observed (year, group) pairs after the start year, up to the last year. */
    private static List<int[]> points(TreeMap<Integer, double[]> observed, int start, int lastYear, String source) {
        List<int[]> points = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : observed.tailMap(start, false).entrySet()) {
            for (int g = 0; g < 3; g++) {
                if (!Double.isNaN(e.getValue()[g]) && e.getKey() <= lastYear) {
                    points.add(new int[] {e.getKey(), g});
                }
            }
        }
        if (points.size() <= 4) {
            throw new InputException(source + ": too few group populations after " + start + " to fit four parameters: "
                    + points.size());
        }
        return points;
    }

    /** Levenberg-Marquardt from shares 0.2, 0.7 and multipliers 1, with a central-difference Jacobian. */
    private static LeastSquaresOptimizer.Optimum optimise(Function<double[], double[]> residuals, double[] target, int maxEvaluations,
                                                          String source) {
        try {
            return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(point -> {
                        double[] u = point.toArray();
                        double[] value = residuals.apply(u);
                        double[][] jac = new double[value.length][4];
                        for (int q = 0; q < 4; q++) {
                            double step = 1e-6 * Math.max(1, Math.abs(u[q]));
                            double[] up = u.clone(), down = u.clone();
                            up[q] += step;
                            down[q] -= step;
                            double[] ru = residuals.apply(up), rd = residuals.apply(down);
                            for (int i = 0; i < value.length; i++) {
                                jac[i][q] = (ru[i] - rd[i]) / (2 * step);
                            }
                        }
                        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
                    })
                    .target(target).start(new double[] {0.2, 0.7, 0, 0}).maxEvaluations(maxEvaluations)
                    .parameterValidator(v -> new ArrayRealVector(project(v.toArray()), false))
                    .maxIterations(maxEvaluations).build());
        } catch (MathIllegalStateException e) {
            throw new InputException(source + ": the age-group fit did not converge (" + e.getMessage() + ")", e);
        }
    }

    /** Standard errors of the shares and (delta method) of the multipliers exp(u). */
    private static double[] standardErrors(LeastSquaresOptimizer.Optimum opt, int observations, String source) {
        double[] u = opt.getPoint().toArray();
        double sigma2 = opt.getCost() * opt.getCost() / (observations - 4);
        try {
            double[][] cov = opt.getCovariances(1e-14).scalarMultiply(sigma2).getData();
            return new double[] {Math.sqrt(cov[0][0]), Math.sqrt(cov[1][1]), Math.exp(u[2]) * Math.sqrt(cov[2][2]),
                    Math.exp(u[3]) * Math.sqrt(cov[3][3])};
        } catch (MathIllegalArgumentException e) {
            throw new InputException(source + ": the age-group parameters cannot be told apart from these data", e);
        }
    }

    private static boolean known(double[] g) {
        return !Double.isNaN(g[0]) && !Double.isNaN(g[1]) && !Double.isNaN(g[2]);
    }

    private static double[] shares(double[] u) {
        return new double[] {u[0], u[1], 1 - u[0] - u[1]};
    }

    private static double[] multipliers(double[] u) {
        return new double[] {Math.exp(u[2]), 1, Math.exp(u[3])};
    }
}
