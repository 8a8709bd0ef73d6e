package org.popcast.models.pinn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.common.ResultChecks;
import org.popcast.models.common.ResultHeader;

/**
 * The result file of {@code popcast pde train} (formats.md, product {@code agepde_pinn}): the
 * trained network's density, births and population on the output grid beside the exact solver's,
 * the loss history, every setting, the errors and how the training went.
 */
final class PinnOutputs {

    private PinnOutputs() {
    }

    /**
     * The trained network on the output grid, and the exact solution it is measured against. For
     * a parametric surrogate: at the centre of the ranges ({@code member}), and {@code heldOut}
     * holds the comparison at each held-out member ({@link PinnParametric#heldOut()}).
     */
    record Evaluation(double[] times, double[] ages, double[][] density, double[][] exactDensity, double[] births, double[] population,
                      AgePdeSolution exact, ExactComparison comparison, double[] member, double[][] heldOutMembers,
                      ExactComparison[] heldOut) {

        static Evaluation of(PdeScenario scenario, ExactSolveRun.Grid grid, PinnSettings settings, PinnWeights weights) {
            PinnParametric parametric = settings.parametric();
            double[] member = parametric.centre();
            double[] times = ExactSolveRun.times(scenario, grid), ages = ExactSolveRun.ages(scenario, grid);
            Member centre = PinnOutputs.member(scenario.problem(), settings, weights, member, times, ages);
            double[][] heldOutMembers = parametric.isEmpty() ? new double[0][] : parametric.heldOut();
            ExactComparison[] heldOut = new ExactComparison[heldOutMembers.length];
            for (int i = 0; i < heldOut.length; i++) {
                heldOut[i] = PinnOutputs.member(scenario.problem(), settings, weights, heldOutMembers[i], times, ages).comparison();
            }
            return new Evaluation(times, ages, centre.density(), centre.exactDensity(), centre.births(), centre.population(),
                    centre.exact(), centre.comparison(), member, heldOutMembers, heldOut);
        }
    }

    /** One member of the network (the only one of an ordinary network) beside the exact solution of its problem. */
    record Member(double[][] density, double[][] exactDensity, double[] births, double[] population, AgePdeSolution exact,
                  ExactComparison comparison) {
    }

    static Member member(AgePdeProblem base, PinnSettings settings, PinnWeights weights, double[] member, double[] times, double[] ages) {
        AgePdeProblem problem = settings.parametric().apply(base, member);
        AgePdeSolution exact = new ExactMvfSolver(problem, ExactSolverSettings.DEFAULT).onGrid(times, ages);
        double[][] density, exactDensity = new double[times.length][ages.length];
        double[] births, population;
        try (PinnPredictor predictor = new PinnPredictor(base, settings, weights, member)) {
            density = predictor.grid(times, ages);
            births = predictor.births(times);
            population = predictor.population(times);
        }
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < ages.length; j++) {
                exactDensity[i][j] = exact.density(i, j);
            }
        }
        ExactComparison cmp = ExactComparison.of(problem, times, ages, density, exactDensity, births, exact.births());
        return new Member(density, exactDensity, births, population, exact, cmp);
    }

    static NetcdfDataset dataset(PdeScenario scenario, PinnTrainRun.RunSettings o, Provenance provenance, Evaluation e,
                                 PinnTrainRun.AdamRun adam, PinnTrainRun.LbfgsRun lbfgs) {
        PinnSettings s = o.settings();
        NetcdfDataset.Builder b = ResultHeader.start("popcast " + s.toMap().get("model") + " for the McKendrick-von Foerster problem, scenario "
                + scenario.name(), provenance, PinnTrainRun.FORMAT_VERSION, "agepde_pinn");
        b.attribute("architecture", s.architecture(scenario.problem()))
                .attribute("parameter_count", (long) s.parameterCount(scenario.problem()))
                .attribute("scenario", scenario.name())
                .attribute("scenario_yaml", scenario.source())
                .attribute("age_step", o.grid().ageStep())
                .attribute("time_step", o.grid().timeStep());
        for (Map.Entry<String, String> entry : s.toMap().entrySet()) {
            attribute(b, entry.getKey(), entry.getValue());
        }
        accuracy(b, scenario.problem(), e.comparison());
        parametric(b, s.parametric(), e);
        training(b, o, adam, lbfgs);
        variables(b, e, adam.history());
        NetcdfDataset ds = b.build();
        // a network that diverged (a learning rate of 1e308, say) predicts NaN: no result then
        ResultChecks.requireFinite(ds, "density", "births", "population");
        return ds;
    }

    private static void accuracy(NetcdfDataset.Builder b, AgePdeProblem problem, ExactComparison cmp) {
        b.attribute("rel_l2", cmp.relL2())
                .attribute("rel_linf", cmp.relLinf())
                .attribute("rel_l2_off_jump", cmp.relL2OffJump())
                .attribute("jump_band", "rel_l2_off_jump leaves out grid points with |age - " + problem.ageingSpeed()
                        + " (time - t_j)| < " + ExactComparison.JUMP_HALF_WIDTH + " for the jump origins t_j = "
                        + java.util.Arrays.toString(problem.jumpOrigins()) + " (start and fertility steps)");
        for (int i = 0; i < cmp.birthYears().length; i++) {
            b.attribute(String.format(Locale.ROOT, "births_rel_error_%.0f", cmp.birthYears()[i]), cmp.birthErrors()[i]);
        }
    }

    /** A parametric surrogate's ranges, the member on the grid and the held-out members' errors. */
    private static void parametric(NetcdfDataset.Builder b, PinnParametric parametric, Evaluation e) {
        if (parametric.isEmpty()) {
            return;
        }
        b.attribute("parametric_member", parametric.label(e.member()))
                .attribute("parametric_note", "density, births, population and the errors are the member at the centre of the ranges "
                        + "against the exact solver with the same multipliers; rel_l2_off_jump_heldout_<k> at the held-out members");
        for (PinnParametric.Range r : parametric.ranges()) {
            b.attribute("parametric_" + r.parameter().label() + "_low", r.low()).attribute("parametric_" + r.parameter().label() + "_high", r.high());
        }
        double worst = 0;
        StringBuilder members = new StringBuilder();
        for (int k = 0; k < e.heldOut().length; k++) {
            b.attribute("rel_l2_off_jump_heldout_" + k, e.heldOut()[k].relL2OffJump());
            worst = Math.max(worst, e.heldOut()[k].relL2OffJump());
            members.append(k == 0 ? "" : "; ").append(k).append(": ").append(parametric.label(e.heldOutMembers()[k]));
        }
        b.attribute("heldout_members", members.toString()).attribute("rel_l2_off_jump_heldout_max", worst);
    }

    private static void training(NetcdfDataset.Builder b, PinnTrainRun.RunSettings o, PinnTrainRun.AdamRun adam, PinnTrainRun.LbfgsRun lbfgs) {
        double[] w = adam.lossWeights();
        b.attribute("device", o.device().resolve().name().toLowerCase(Locale.ROOT))
                .attribute("ops_placed_on", adam.placement().toString())
                .attribute("adam_wall_time_s", adam.seconds())
                .attribute("adam_steps_this_run", adam.stepsThisRun())
                .attribute("adam_steps_done", adam.stepsDone())
                .attribute("time_limit", o.timeLimit() == null ? "none" : PinnTrainRun.format(o.timeLimit()))
                .attribute("stopped_by_time_limit", adam.timeLimited() || lbfgs.timeLimited()
                        ? "yes: adam_steps_done and lbfgs_iterations_done say how far it got" : "no")
                .attribute("steps_per_s", adam.stepsThisRun() > 0 ? adam.stepsThisRun() / adam.seconds() : 0)
                .attribute("lbfgs_wall_time_s", lbfgs.seconds())
                .attribute("lbfgs_iterations_done", (long) lbfgs.iterations())
                .attribute("wall_time_s", adam.seconds() + lbfgs.seconds())
                .attribute("loss_weights_final", w[0] + "," + w[1] + "," + w[2])
                .attribute("causal_weights_final", adam.causalWeights().length == 0 ? "off"
                        : java.util.Arrays.stream(adam.causalWeights()).mapToObj(x -> String.format(Locale.ROOT, "%.4g", x))
                                .collect(java.util.stream.Collectors.joining(",")))
                .attribute("initial_condition_note", o.settings().initialCondition() == PinnSettings.InitialCondition.TRANSPORTED
                        ? "transported: P = P0(a - v (t - t0)) (1 + (t - t0)/T N(a, t)) holds the initial condition exactly, so loss_ic is 0"
                        : o.settings().hardInitial()
                        ? "hard: P = P0(a) + (t - t0)/T N(a, t) holds the initial condition exactly, so loss_ic is 0" : "soft: loss_ic is trained");
    }

    private static void variables(NetcdfDataset.Builder b, Evaluation e, org.popcast.engine.train.LossHistory history) {
        long[] steps = new long[history.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        b.calendarTime("time", e.times())
                .dimension("age", e.ages(), "year", "age")
                .dimension("step", steps, "1", "training step (Adam steps, then L-BFGS iterations after adam_steps)");
        double[] flat = flatten(e.density()), err = flatten(e.exactDensity());
        for (int i = 0; i < err.length; i++) {
            err[i] = flat[i] - err[i];
        }
        b.variable("density", List.of("time", "age"), flat, "persons per year of age", "population density by age (PINN)")
                .variable("births", List.of("time"), e.births(), "persons per year", "births per year (PINN, v P(0, t))")
                .variable("population", List.of("time"), e.population(), "persons", "total population on [0, max_age] (PINN)")
                .variable("density_error", List.of("time", "age"), err, "persons per year of age", "PINN density minus the exact density")
                .variable("births_exact", List.of("time"), e.exact().births(), "persons per year", "births per year (exact solver)")
                .variable("population_exact", List.of("time"), e.exact().population(), "persons", "total population (exact solver)");
        Map<String, double[]> series = history.toMap();
        b.variable("loss_total", List.of("step"), series.get("loss_total"), "1", "weighted total loss")
                .variable("loss_pde", List.of("step"), series.get("loss_pde"), "1", "mean squared PDE residual (unit square, density / scale)")
                .variable("loss_ic", List.of("step"), series.get("loss_ic"), "1", "initial-condition loss")
                .variable("loss_bc", List.of("step"), series.get("loss_bc"), "1", "mean squared birth-boundary mismatch");
    }

    private static void attribute(NetcdfDataset.Builder b, String key, String value) {
        Object v = typed(value);
        if (v instanceof Long l) {
            b.attribute(key, l);
        } else if (v instanceof Double d) {
            b.attribute(key, d);
        } else {
            b.attribute(key, value);
        }
    }

    /** A setting's value as the result file stores it: a long, else a double, else the string. */
    static Object typed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException notDouble) {
                return value;
            }
        }
    }

    private static double[] flatten(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        }
        return out;
    }
}
