package org.popcast.models.inverse;

import java.util.List;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.ExactSolveOutputs;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.common.ResultChecks;
import org.popcast.models.common.ResultHeader;

/**
 * The result file of {@code popcast pde infer} (product {@code agepde_inverse}, docs/inverse.md):
 * attributes {@code estimate_<name>} and {@code stderr_<name>} per unknown, the fit's settings and
 * wall time; density(time, age) of the fitted scenario; observed, fitted and log_residual over
 * {@code observation} (the line of the observations file).
 */
public final class InferOutputs {

    /** 1.1: CF 1.10 (fractional calendar years without units, UDUNITS units). */
    public static final String FORMAT_VERSION = "1.1";

    private InferOutputs() {
    }

    public static NetcdfDataset dataset(PdeScenario scenario, Observations observations, InferenceResult result,
                                        ExactSolveRun.Grid grid, ExactSolverSettings settings, AgePdeSolution fittedSolution,
                                        Provenance provenance) {
        NetcdfDataset.Builder b = ResultHeader.start("popcast inverse problem: scales of scenario " + scenario.name()
                + " estimated from observed densities", provenance, FORMAT_VERSION, "agepde_inverse");
        boolean exact = result.method() == InferenceMethod.EXACT;
        b.attribute("method", result.method().label())
                .attribute("misfit", exact ? "sum over observations of (ln fitted - ln observed)^2, unknowns fitted as logarithms"
                        : "PINN loss pde + bc + data_weight x sum (fitted - observed)^2 / sum observed^2, unknowns trained as logarithms")
                .attribute("unknowns", String.join(",", result.unknowns().stream().map(UnknownParameter::label).toList()));
        for (UnknownParameter u : result.unknowns()) {
            b.attribute("estimate_" + u.label(), result.estimate(u)).attribute("meaning_" + u.label(), u.description());
            if (exact) {
                b.attribute("stderr_" + u.label(), result.stderr(u));
            }
        }
        if (exact) {
            b.attribute("stderr_method", "residual variance x (J^T J)^-1 in log-parameters, delta method to the scales; NaN: not available");
        }
        b.attribute("rms_log_misfit", result.rmsLogMisfit())
                .attribute("iterations", (long) result.iterations())
                .attribute("evaluations", (long) result.evaluations())
                .attribute("wall_time_s", result.seconds())
                .attribute("observed_file", observations.source())
                .attribute("observations", (long) observations.size());
        ExactSolveOutputs.scenarioAndSolver(b, scenario, grid, settings);
        observationVariables(b, observations, result);
        b.calendarTime("time", fittedSolution.times())
                .dimension("age", fittedSolution.ages(), "year", "age")
                .variable("density", List.of("time", "age"), fittedSolution.density(), "persons per year of age",
                        "density of the scenario with the estimated scales (exact solver)");
        // the PINN's fitted values at the observations are the network's; its density on the grid is the exact solver's with its scales
        NetcdfDataset ds = b.build();
        ResultChecks.requireCounts(ds, "density", "observed", "fitted");
        ResultChecks.requireFinite(ds, "log_residual");
        return ds;
    }

    private static void observationVariables(NetcdfDataset.Builder b, Observations observations, InferenceResult result) {
        long[] lines = java.util.Arrays.stream(observations.lines()).asLongStream().toArray();
        double[] observed = observations.densities(), fitted = result.fitted(), residual = new double[observed.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = Math.log(observed[i]) - Math.log(fitted[i]);
        }
        b.dimension("observation", lines, "1", "line of the observations file")
                .variable("observation_year", List.of("observation"), observations.years(), null,
                        "time observed, in fractional calendar years (no units: a date, not a duration)")
                .variable("observation_age", List.of("observation"), observations.ages(), "year", "age observed")
                .variable("observed", List.of("observation"), observed, "persons per year of age", "observed density")
                .variable("fitted", List.of("observation"), fitted, "persons per year of age", "fitted density at the observation")
                .variable("log_residual", List.of("observation"), residual, "1", "ln observed - ln fitted");
    }
}
