package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.popcast.data.io.CsvText;

/**
 * Every model against last year's value on the pooled test rows of each split, by the paired tests
 * of {@link PairedTest}: once over all test rows and once over the rows whose city has last
 * year's value (where the last-year baseline is not the training mean). The best learned model
 * of a split is the one with the lowest mean test MSE over the folds; it is marked, and all
 * models are listed so the choice of the best can be seen against the others.
 */
public final class SkillComparison {

    /** Which test rows a comparison covers. */
    public enum Scope {
        ALL_ROWS, LAST_YEAR_KNOWN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One comparison of {@code model} with {@code baseline} on one split and scope. */
    public record Row(SplitScheme split, ModelKind model, ModelKind baseline, Scope scope, double mseModel, double mseBaseline,
                      PairedTest test, boolean best) {
    }

    private SkillComparison() {
    }

    /** The comparisons of every model except last year's value with it, per split and scope. */
    public static List<Row> of(MobilityEvaluation.Result result, EvaluationReport report) {
        List<Row> out = new ArrayList<>();
        MobilitySettings s = result.settings();
        for (SplitScheme split : s.splits()) {
            if (!s.models().contains(ModelKind.LAST_YEAR)) {
                break;
            }
            ModelKind best = report.bestLearned(split);
            for (Scope scope : Scope.values()) {
                Pooled pooled = Pooled.of(result, split, scope);
                if (pooled.y.length == 0) {
                    continue;
                }
                double[] base = pooled.predictions(ModelKind.LAST_YEAR);
                for (ModelKind m : s.models()) {
                    if (m == ModelKind.LAST_YEAR) {
                        continue;
                    }
                    double[] p = pooled.predictions(m);
                    out.add(new Row(split, m, ModelKind.LAST_YEAR, scope, Metrics.of(pooled.y, p).mse(), Metrics.of(pooled.y, base).mse(),
                            PairedTest.of(pooled.y, p, base, pooled.city), m == best));
                }
            }
        }
        return out;
    }

    /** split,model,baseline,scope,rows,mse_model,mse_baseline,mean_loss_difference,dm_statistic,dm_p_value,cities,cities_better,cities_worse,sign_p_value,best_model. */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("split,model,baseline,scope,rows,mse_model,mse_baseline,mean_loss_difference,dm_statistic,"
                + "dm_p_value,cities,cities_better,cities_worse,sign_p_value,best_model\n");
        for (Row r : rows) {
            PairedTest t = r.test();
            CsvText.appendRow(b, r.split().key(), r.model().key(), r.baseline().key(), r.scope().key(), t.rows(), r.mseModel(),
                    r.mseBaseline(), t.meanDifference(), t.statistic(), t.pValue(), t.cities(), t.citiesBetter(), t.citiesWorse(),
                    t.signPValue(), r.best());
        }
        return b.toString();
    }

    /** The test rows of one split pooled over its folds, in fold order. */
    private record Pooled(MobilityEvaluation.Result result, SplitScheme split, Scope scope, double[] y, String[] city) {

        static Pooled of(MobilityEvaluation.Result result, SplitScheme split, Scope scope) {
            MobilityTable t = result.table();
            List<Double> y = new ArrayList<>();
            List<String> city = new ArrayList<>();
            for (MobilityEvaluation.FoldResult f : result.folds()) {
                if (f.fold().scheme() != split) {
                    continue;
                }
                for (int r : f.fold().test()) {
                    if (included(t, r, scope)) {
                        y.add(t.target(r));
                        city.add(t.city(r));
                    }
                }
            }
            return new Pooled(result, split, scope, y.stream().mapToDouble(Double::doubleValue).toArray(), city.toArray(String[]::new));
        }

        static boolean included(MobilityTable t, int r, Scope scope) {
            if (scope == Scope.ALL_ROWS) {
                return true;
            }
            int p = t.row(t.city(r), t.year(r) - 1);
            return p >= 0 && !Double.isNaN(t.target(p));
        }

        double[] predictions(ModelKind m) {
            double[] out = new double[y.length];
            int i = 0;
            for (MobilityEvaluation.FoldResult f : result.folds()) {
                if (f.fold().scheme() != split) {
                    continue;
                }
                double[] p = f.predictions().get(m);
                int[] test = f.fold().test();
                for (int j = 0; j < test.length; j++) {
                    if (included(result.table(), test[j], scope)) {
                        out[i++] = p[j];
                    }
                }
            }
            return out;
        }
    }
}
