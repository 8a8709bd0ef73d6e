package org.popcast.models.inverse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;

/** Observations drawn from the exact solution with known scales, times (1 + noise z), z standard normal from a seed. */
final class SyntheticObservations {

    private SyntheticObservations() {
    }

    static Observations of(AgePdeProblem problem, List<UnknownParameter> unknowns, double[] truth, double[] years, double[] ages,
                           double noise, long seed) {
        ExactMvfSolver solver = new ExactMvfSolver(UnknownParameter.applyAll(problem, unknowns, truth), ExactSolverSettings.DEFAULT);
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (double year : years) {
            for (double age : ages) {
                rows.add(new double[] {year, age, solver.density(age, year) * (1 + noise * random.nextGaussian())});
            }
        }
        int n = rows.size();
        double[] y = new double[n], a = new double[n], d = new double[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rows.get(i)[0];
            a[i] = rows.get(i)[1];
            d[i] = rows.get(i)[2];
            lines[i] = i + 2;
        }
        return new Observations("synthetic.csv", y, a, d, lines);
    }

    /** from, from + step, ..., to. */
    static double[] range(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + i * step;
        }
        return out;
    }
}
