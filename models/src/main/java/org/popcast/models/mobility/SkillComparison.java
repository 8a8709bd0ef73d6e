package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.popcast.data.io.CsvText;

/**
 * Every learned model against each baseline (last year's value, drift, the training mean) on the
 * pooled test rows of each split, by the paired tests of {@link PairedTest}: first over the rows
 * whose city has last year's value (the fair comparison: there the last-year baseline is not the
 * training mean), then over all test rows. Drift and the mean are also compared with last year's
 * value. The best learned model of a split and scope is the one with the lowest mean MSE over
 * the folds on that scope's rows; it is marked, and all models are listed so the choice of the
 * best can be seen against the others.
 */
public final class SkillComparison {

    /** Which test rows a comparison covers. */
    public enum Scope {
        LAST_YEAR_KNOWN, ALL_ROWS;

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

    /** The baselines every model is compared with, in this order, where the run scored them. */
    public static final List<ModelKind> BASELINES = List.of(ModelKind.LAST_YEAR, ModelKind.DRIFT, ModelKind.MEAN);

    /**
     * Per split, scope and baseline (of {@link #BASELINES} that the run scored): every learned
     * model against the baseline, and against last year's value also the other baselines.
     */
    public static List<Row> of(MobilityEvaluation.Result result, EvaluationReport report) {
        List<Row> out = new ArrayList<>();
        MobilitySettings s = result.settings();
        for (SplitScheme split : s.splits()) {
            for (Scope scope : Scope.values()) {
                ModelKind best = report.bestLearned(split, scope);
                Pooled pooled = Pooled.of(result, split, scope);
                if (pooled.y.length == 0) {
                    continue;
                }
                for (ModelKind baseline : BASELINES) {
                    if (!s.models().contains(baseline)) {
                        continue;
                    }
                    double[] base = pooled.predictions(baseline);
                    double mseBase = Metrics.of(pooled.y, base).mse();
                    for (ModelKind m : s.models()) {
                        if (m == baseline || (m.isBaseline() && baseline != ModelKind.LAST_YEAR)) {
                            continue;
                        }
                        double[] p = pooled.predictions(m);
                        out.add(new Row(split, m, baseline, scope, Metrics.of(pooled.y, p).mse(), mseBase,
                                PairedTest.of(pooled.y, p, base, pooled.city), m == best));
                    }
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
            return scope == Scope.ALL_ROWS || FittedModel.knowsLastYear(t, r);
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
