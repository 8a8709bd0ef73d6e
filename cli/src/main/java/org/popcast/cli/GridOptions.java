package org.popcast.cli;

import java.util.List;

import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The output grid of the PDE commands (solve, train, predict, bench). */
final class GridOptions {

    @Option(names = "--age-step", paramLabel = "YEARS", defaultValue = "0.1",
            description = "Output grid step in age (default ${DEFAULT-VALUE}); must divide the age limit.")
    double ageStep;

    @Option(names = "--time-step", paramLabel = "YEARS", defaultValue = "0.1",
            description = "Output grid step in time (default ${DEFAULT-VALUE}); must divide the time window.")
    double timeStep;

    /** The output grid, checked against each scenario's window (a step must divide it). */
    ExactSolveRun.Grid grid(CommandSpec spec, List<PdeScenario> scenarios) {
        ExactSolverOptions.positive(spec, "--age-step", ageStep);
        ExactSolverOptions.positive(spec, "--time-step", timeStep);
        ExactSolveRun.Grid grid = new ExactSolveRun.Grid(ageStep, timeStep);
        for (PdeScenario scenario : scenarios) {
            try {
                ExactSolveRun.times(scenario, grid);
                ExactSolveRun.ages(scenario, grid);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return grid;
    }
}
