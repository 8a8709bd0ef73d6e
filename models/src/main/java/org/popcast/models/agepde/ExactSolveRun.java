package org.popcast.models.agepde;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;

/**
 * {@code popcast pde solve}: the exact solution of one scenario on an output grid
 * ({@link ExactSolveOutputs} turns it into the result file).
 */
public final class ExactSolveRun {

    /** 1.1: CF 1.10 (time in fractional calendar years without units, UDUNITS units with display_units). */
    public static final String FORMAT_VERSION = "1.1";

    /** The output grid: steps in years of age and years of time. */
    public record Grid(double ageStep, double timeStep) {
        public static final Grid DEFAULT = new Grid(0.1, 0.1);
    }

    private ExactSolveRun() {
    }

    public static AgePdeSolution solve(PdeScenario scenario, Grid grid, ExactSolverSettings settings) {
        return new ExactMvfSolver(scenario.problem(), settings).onGrid(times(scenario, grid), ages(scenario, grid));
    }

    /** The output times; IllegalArgumentException if the step does not divide the window. */
    public static double[] times(PdeScenario scenario, Grid grid) {
        AgePdeProblem p = scenario.problem();
        return AgePdeSolution.uniformGrid(p.startYear(), p.endYear(), grid.timeStep(), "time");
    }

    /** The output ages; IllegalArgumentException if the step does not divide the age limit. */
    public static double[] ages(PdeScenario scenario, Grid grid) {
        return AgePdeSolution.uniformGrid(0, scenario.problem().maxAge(), grid.ageStep(), "age");
    }
}
