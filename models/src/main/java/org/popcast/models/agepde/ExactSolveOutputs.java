package org.popcast.models.agepde;

import java.util.List;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.common.ResultChecks;
import org.popcast.models.common.ResultHeader;

/**
 * The result file of {@code popcast pde solve} (formats.md, product {@code agepde_exact}):
 * density(time, age), births(time), population(time), the scenario and the solver's settings.
 */
public final class ExactSolveOutputs {

    private ExactSolveOutputs() {
    }

    /** The scenario (name and text) and the exact solver's grid and settings as attributes, shared by solve and infer results. */
    public static NetcdfDataset.Builder scenarioAndSolver(NetcdfDataset.Builder b, PdeScenario scenario, ExactSolveRun.Grid grid,
                                                          ExactSolverSettings settings) {
        return b.attribute("scenario", scenario.name())
                .attribute("scenario_yaml", scenario.source())
                .attribute("age_step", grid.ageStep())
                .attribute("time_step", grid.timeStep())
                .attribute("quadrature_nodes", (long) settings.quadratureNodes())
                .attribute("quadrature_piece", settings.quadraturePiece())
                .attribute("birth_panel_nodes", (long) settings.panelNodes())
                .attribute("birth_panel_length", settings.panelLength());
    }

    public static NetcdfDataset dataset(PdeScenario scenario, ExactSolveRun.Grid grid, ExactSolverSettings settings,
                                        AgePdeSolution solution, Provenance provenance) {
        NetcdfDataset.Builder b = ResultHeader.start("popcast exact solution of the McKendrick-von Foerster problem, scenario "
                + scenario.name(), provenance, ExactSolveRun.FORMAT_VERSION, "agepde_exact");
        b.attribute("method", "characteristics + renewal equation (Gauss-Legendre quadrature, Chebyshev birth panels)")
                .attribute("scenario_description", scenario.description());
        scenarioAndSolver(b, scenario, grid, settings)
                .attribute("ageing_speed", scenario.problem().ageingSpeed())
                .attribute("jump_line", "density jumps across age = ageing_speed * (time - " + scenario.problem().startYear()
                        + "); on the line the initial cohort's value is given");
        b.calendarTime("time", solution.times())
                .dimension("age", solution.ages(), "year", "age");
        b.variable("density", List.of("time", "age"), solution.density(), "persons per year of age", "population density by age")
                .variable("births", List.of("time"), solution.births(), "persons per year", "births per year")
                .variable("population", List.of("time"), solution.population(), "persons",
                        "total population on [0, max_age], exact integral of the density");
        NetcdfDataset ds = b.build();
        ResultChecks.requireCounts(ds, "density", "births", "population");
        return ds;
    }
}
