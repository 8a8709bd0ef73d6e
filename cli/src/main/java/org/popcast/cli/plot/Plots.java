package org.popcast.cli.plot;

import java.util.List;

import org.popcast.data.input.InputException;

/** The natural picture of each popcast result, chosen by the file's {@code product} attribute. */
public final class Plots {

    /** What the user chose; null or empty means the default. */
    public record Choices(int width, List<Long> years, String region, String scenario, List<String> series, String split) {
        public static Choices defaults() {
            return new Choices(1200, List.of(), null, null, List.of(), null);
        }
    }

    private Plots() {
    }

    public static Figure figure(ResultFile f, Choices c) {
        String product = f.product();
        return switch (product) {
            case "agepde_exact", "agepde_pinn", "agepde_pinn_prediction" -> PdePlot.figure(f, c.width());
            case "cohort_projection" -> CohortPlot.projection(f, c);
            case "cohort_validation" -> CohortPlot.validation(f, c.width());
            case "balance_groups" -> BalancePlot.groups(f, c.width());
            case "mobility_evaluation" -> MobilityPlot.evaluation(f, c);
            case "agepde_pinn_model", "mobility_model" -> throw new InputException(f.file() + " is a trained model (" + product
                    + "), which has nothing to plot; plot the result of the run that made or used it");
            default -> {
                if (product.startsWith("balance_")) {
                    yield BalancePlot.series(f, c);
                }
                throw new InputException(f.file() + ": popcast plot knows no picture for product '" + product
                        + "' (it draws agepde_*, cohort_projection, cohort_validation, balance_*, mobility_evaluation)");
            }
        };
    }

    /** Which option applies to which product, for the message when one is given to another. */
    public static boolean accepts(String product, String option) {
        return switch (option) {
            case "--years", "--region", "--scenario" -> product.equals("cohort_projection");
            case "--series" -> product.startsWith("balance_") && !product.equals("balance_groups");
            case "--split" -> product.equals("mobility_evaluation");
            default -> true;
        };
    }
}
