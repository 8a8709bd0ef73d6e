package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.popcast.data.io.CfFlags;
import org.popcast.data.io.CsvText;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.common.ResultHeader;

/**
 * The tables of an evaluation: scores per split and model with their spread over folds
 * (Markdown and tidy CSV), per-fold scores and test predictions (tidy CSV), and the same in one
 * netCDF-4 compatible HDF5 dataset (formats.md: dimensions sample and feature, metrics as
 * attributes). Also says in words whether the networks beat the baselines.
 */
public final class EvaluationReport {

    /** 1.1: CF 1.10 (split as int8 flags, year without units). */
    public static final String FORMAT_VERSION = "1.1";

    /** Mean, sample standard deviation, min and max of one metric over a split's folds. */
    public record Spread(double mean, double sd, double min, double max, int folds) {
        static Spread of(double[] v) {
            double mean = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                mean += x / v.length;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            return new Spread(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN, min, max, v.length);
        }
    }

    private final MobilityEvaluation.Result result;

    public EvaluationReport(MobilityEvaluation.Result result) {
        this.result = result;
    }

    /** The folds of one split. */
    private List<MobilityEvaluation.FoldResult> folds(SplitScheme scheme) {
        return result.folds().stream().filter(f -> f.fold().scheme() == scheme).toList();
    }

    public Spread spread(SplitScheme scheme, ModelKind model, String metric) {
        return spread(scheme, model, metric, SkillComparison.Scope.ALL_ROWS);
    }

    /** Spread over the split's folds of a metric on a scope's test rows (folds without such rows left out). */
    public Spread spread(SplitScheme scheme, ModelKind model, String metric, SkillComparison.Scope scope) {
        return Spread.of(folds(scheme).stream().map(f -> scope == SkillComparison.Scope.ALL_ROWS ? f.metrics() : f.metricsKnown())
                .filter(m -> m.containsKey(model)).mapToDouble(m -> m.get(model).get(metric)).toArray());
    }

    /**
     * Two sentences per split (the leaky one labelled): on the rows whose city has last year's
     * value, does the best learned model beat last year's value, drift and the mean, with the
     * paired tests; then the same over all test rows against last year's value.
     */
    public List<String> verdicts() {
        List<String> out = new ArrayList<>();
        List<ModelKind> models = result.settings().models();
        if (models.stream().noneMatch(ModelKind::isLearned) || models.stream().noneMatch(ModelKind::isBaseline)) {
            return out;
        }
        List<SkillComparison.Row> tests = pairedTests();
        for (SplitScheme scheme : result.settings().splits()) {
            StringBuilder b = new StringBuilder(scheme.key() + " split" + (scheme == SplitScheme.RANDOM_ROWS ? " (LEAKY, for comparison only)" : "") + ":");
            for (SkillComparison.Scope scope : SkillComparison.Scope.values()) {
                ModelKind best = bestLearned(scheme, scope);
                List<SkillComparison.Row> rows = tests.stream().filter(r -> r.split() == scheme && r.scope() == scope && r.model() == best).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                double model = spread(scheme, best, "mse", scope).mean();
                List<String> lost = new ArrayList<>();
                StringBuilder against = new StringBuilder();
                for (SkillComparison.Row r : rows) {
                    double base = spread(scheme, r.baseline(), "mse", scope).mean();
                    if (!(model < base)) {
                        lost.add(r.baseline().key());
                    }
                    against.append(String.format(Locale.ROOT, "%s %s %.4g (DM %.2f, p = %.2g; better in %d, worse in %d cities, sign p = %.2g)",
                            against.length() == 0 ? "" : ",", r.baseline().key(), base, r.test().statistic(), r.test().pValue(),
                            r.test().citiesBetter(), r.test().citiesWorse(), r.test().signPValue()));
                }
                b.append(String.format(Locale.ROOT, " %s (%d rows): the best model %s (%s), mean MSE over folds %.4g, %s; against%s.",
                        scope == SkillComparison.Scope.LAST_YEAR_KNOWN ? "on the rows whose city has last year's value" : "on all test rows",
                        rows.get(0).test().rows(), best.key(), formKey(best), model,
                        lost.isEmpty() ? "BEATS every baseline in MSE" : "does NOT beat " + String.join(", ", lost) + " in MSE", against));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The paired tests of every learned model against each baseline (empty without baselines). */
    public List<SkillComparison.Row> pairedTests() {
        return SkillComparison.of(result, this);
    }

    /** The learned model with the lowest mean test MSE over the split's folds, or null when none was scored. */
    public ModelKind bestLearned(SplitScheme scheme) {
        return bestLearned(scheme, SkillComparison.Scope.ALL_ROWS);
    }

    /** The learned model with the lowest mean MSE over the split's folds on a scope's rows, or null when none was scored. */
    public ModelKind bestLearned(SplitScheme scheme, SkillComparison.Scope scope) {
        List<ModelKind> learned = result.settings().models().stream().filter(ModelKind::isLearned).toList();
        if (learned.isEmpty()) {
            return null;
        }
        ModelKind best = learned.get(0);
        for (ModelKind m : learned) {
            if (spread(scheme, m, "mse", scope).mean() < spread(scheme, best, "mse", scope).mean()) {
                best = m;
            }
        }
        return best;
    }

    /** {@code change} or {@code level} for a learned model (the run's form, or change for the models that always predict it), {@code none} for a baseline. */
    private String formKey(ModelKind m) {
        return m.isBaseline() ? "none" : m.alwaysChange() ? TargetForm.CHANGE.key() : result.settings().targetForm().key();
    }

    public String markdown() {
        MobilitySettings s = result.settings();
        StringBuilder b = new StringBuilder("# popcast mobility evaluation\n\n");
        b.append(String.format(Locale.ROOT, "Table `%s`: %d rows with a target (`%s`), %d city-years in all; %d feature columns after the "
                        + "leakage screen on all rows (each fold screens again on its training rows). Wall time %.1f s.%n%n",
                result.table().source(), result.table().targetRows().length, s.columns().target(), result.table().rowCount(),
                result.screen().features().size(), result.seconds()));
        for (String v : verdicts()) {
            b.append("- ").append(v).append('\n');
        }
        b.append("\nMean over folds +- sample standard deviation (min .. max); first on the test rows whose city has last year's value, "
                + "then on all test rows. R^2 is against each test set's own mean.\n\n");
        b.append("| split | model | form | folds | MSE, rows with last year | MAE, rows with last year | MSE, all rows | MAE, all rows | R^2, all rows "
                + "| fit s/fold |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (SplitScheme scheme : s.splits()) {
            for (ModelKind m : s.models()) {
                double secs = folds(scheme).stream().mapToDouble(f -> f.seconds().get(m)).average().orElse(Double.NaN);
                b.append("| ").append(scheme.key()).append(scheme == SplitScheme.RANDOM_ROWS ? " (leaky)" : "").append(" | ")
                        .append(m.key()).append(" | ").append(formKey(m)).append(" | ").append(folds(scheme).size());
                for (String metric : List.of("mse", "mae")) {
                    Spread sp = spread(scheme, m, metric, SkillComparison.Scope.LAST_YEAR_KNOWN);
                    b.append(String.format(Locale.ROOT, " | %.4g +- %.2g (%.3g .. %.3g)", sp.mean(), sp.sd(), sp.min(), sp.max()));
                }
                for (String metric : Metrics.NAMES) {
                    Spread sp = spread(scheme, m, metric);
                    b.append(String.format(Locale.ROOT, " | %.4g +- %.2g (%.3g .. %.3g)", sp.mean(), sp.sd(), sp.min(), sp.max()));
                }
                b.append(String.format(Locale.ROOT, " | %.2f |%n", secs));
            }
        }
        pairedTestsMarkdown(b);
        b.append("\nSplits:\n");
        for (SplitScheme scheme : s.splits()) {
            double coverage = folds(scheme).stream().mapToDouble(MobilityEvaluation.FoldResult::lastYearCoverage).average().orElse(0);
            double pre = folds(scheme).stream().mapToDouble(MobilityEvaluation.FoldResult::preprocessSeconds).average().orElse(0);
            double predict = folds(scheme).stream().mapToDouble(MobilityEvaluation.FoldResult::predictSeconds).average().orElse(0);
            b.append(String.format(Locale.ROOT, "- %s: %s; folds %s; last year's value known for %.0f %% of test rows; per fold %.2f s "
                            + "screen, scaler and KNN imputation of the training rows, %.2f s imputing and predicting the test rows.%n",
                    scheme.key(), scheme.description(), String.join(", ", folds(scheme).stream().map(f -> f.fold().label()).toList()),
                    100 * coverage, pre, predict));
        }
        b.append("\nModels (learned ones predict ").append(s.targetForm().description()).append("):\n");
        for (ModelKind m : s.models()) {
            b.append("- ").append(m.key()).append(": ").append(m.description());
            List<NetworkRegressor.Log> logs = result.folds().stream().map(f -> f.logs().get(m)).filter(l -> l != null).toList();
            if (m == ModelKind.LSTM && !logs.isEmpty()) {
                b.append(String.format(Locale.ROOT, "; early stopping ran %s epochs, best %s",
                        logs.stream().map(l -> Integer.toString(l.epochsRun())).toList(),
                        logs.stream().map(l -> Integer.toString(l.bestEpoch())).toList()));
            }
            List<String> constants = result.folds().stream().map(f -> f.constants().getOrDefault(m, "")).toList();
            if (constants.stream().anyMatch(c -> !c.isEmpty())) {
                b.append("; fitted per fold (shrinkage: factor on the predicted change toward last year's value) ").append(constants);
            }
            b.append('\n');
        }
        b.append("\nColumns left out (screen on all rows):\n\n| column | reason |\n|---|---|\n");
        for (ColumnScreen.Dropped d : result.screen().dropped()) {
            b.append("| ").append(d.column()).append(" | ").append(d.reason().replace("|", "/")).append(" |\n");
        }
        b.append("\nSettings: ").append(settingsText(s)).append('\n');
        return b.toString();
    }

    private void pairedTestsMarkdown(StringBuilder b) {
        List<SkillComparison.Row> rows = pairedTests();
        if (rows.isEmpty()) {
            return;
        }
        b.append("\nPaired tests against each baseline on the pooled test rows of each split, first the rows whose city has last year's "
                + "value (negative DM: the model's squared errors are lower; * best learned model of the split on those rows):\n\n"
                + "| split | rows | model | baseline | n | MSE model | MSE baseline | DM | p | cities better / worse | sign p |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SkillComparison.Row r : rows) {
            PairedTest t = r.test();
            b.append(String.format(Locale.ROOT, "| %s | %s | %s%s | %s | %d | %.4g | %.4g | %.3f | %.3g | %d / %d | %.3g |%n", r.split().key(),
                    r.scope().key().replace('_', ' '), r.model().key(), r.best() ? " *" : "", r.baseline().key(), t.rows(), r.mseModel(),
                    r.mseBaseline(), t.statistic(), t.pValue(), t.citiesBetter(), t.citiesWorse(), t.signPValue()));
        }
    }

    /** split,model,metric,statistic,value (statistic: mean, sd, min, max). */
    public String summaryCsv() {
        StringBuilder b = new StringBuilder("split,model,metric,statistic,value\n");
        for (SplitScheme scheme : result.settings().splits()) {
            for (ModelKind m : result.settings().models()) {
                for (String metric : Metrics.NAMES) {
                    Spread sp = spread(scheme, m, metric);
                    double[] v = {sp.mean(), sp.sd(), sp.min(), sp.max()};
                    String[] names = {"mean", "sd", "min", "max"};
                    for (int i = 0; i < 4; i++) {
                        CsvText.appendRow(b, scheme.key(), m.key(), metric, names[i], v[i]);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * One row per split and model (the baselines among them):
     * {@code split,model,mse_mean,mse_sd,mae_mean,mae_sd,r2_mean,r2_sd,target_form} over the folds on all test rows; target_form is
     * {@code level} or {@code change} for the learned models, {@code none} for the baselines; then the same over the test rows
     * whose city has last year's value ({@code mse_known_mean,mse_known_sd,mae_known_mean,mae_known_sd}) and, per baseline
     * b of last_year, drift and mean, the paired tests on those rows against it ({@code dm_known_vs_b,dm_p_known_vs_b,
     * sign_p_known_vs_b}; empty for the model itself, a baseline against drift or the mean, or a baseline not scored).
     */
    public String wideSummaryCsv() {
        StringBuilder b = new StringBuilder("split,model");
        for (String metric : Metrics.NAMES) {
            b.append(',').append(metric).append("_mean,").append(metric).append("_sd");
        }
        b.append(",target_form,mse_known_mean,mse_known_sd,mae_known_mean,mae_known_sd");
        for (ModelKind base : SkillComparison.BASELINES) {
            b.append(",dm_known_vs_").append(base.key()).append(",dm_p_known_vs_").append(base.key()).append(",sign_p_known_vs_").append(base.key());
        }
        b.append('\n');
        List<SkillComparison.Row> tests = pairedTests();
        for (SplitScheme scheme : result.settings().splits()) {
            for (ModelKind m : result.settings().models()) {
                List<Object> cells = new ArrayList<>(List.of(scheme.key(), m.key()));
                for (String metric : Metrics.NAMES) {
                    Spread sp = spread(scheme, m, metric);
                    cells.add(sp.mean());
                    cells.add(sp.sd());
                }
                cells.add(formKey(m));
                for (String metric : List.of("mse", "mae")) {
                    Spread sp = spread(scheme, m, metric, SkillComparison.Scope.LAST_YEAR_KNOWN);
                    cells.add(sp.mean());
                    cells.add(sp.sd());
                }
                for (ModelKind base : SkillComparison.BASELINES) {
                    SkillComparison.Row r = tests.stream().filter(t -> t.split() == scheme && t.model() == m && t.baseline() == base
                            && t.scope() == SkillComparison.Scope.LAST_YEAR_KNOWN).findFirst().orElse(null);
                    cells.addAll(r == null ? List.of("", "", "") : List.of(r.test().statistic(), r.test().pValue(), r.test().signPValue()));
                }
                CsvText.appendRow(b, cells.toArray());
            }
        }
        return b.toString();
    }

    /** split,fold,model,metric,value. */
    public String foldsCsv() {
        StringBuilder b = new StringBuilder("split,fold,model,metric,value\n");
        for (MobilityEvaluation.FoldResult f : result.folds()) {
            for (Map.Entry<ModelKind, Metrics> e : f.metrics().entrySet()) {
                for (String metric : Metrics.NAMES) {
                    CsvText.appendRow(b, f.fold().scheme().key(), f.fold().label(), e.getKey().key(), metric, e.getValue().get(metric));
                }
            }
        }
        return b.toString();
    }

    /** split,fold,city,year,target,model,prediction: one row per test prediction. */
    public String predictionsCsv() {
        StringBuilder b = new StringBuilder("split,fold,city,year,target,model,prediction\n");
        MobilityTable t = result.table();
        for (MobilityEvaluation.FoldResult f : result.folds()) {
            int[] test = f.fold().test();
            for (Map.Entry<ModelKind, double[]> e : f.predictions().entrySet()) {
                for (int i = 0; i < test.length; i++) {
                    CsvText.appendRow(b, f.fold().scheme().key(), f.fold().label(), t.city(test[i]), t.year(test[i]), t.target(test[i]),
                            e.getKey().key(), e.getValue()[i]);
                }
            }
        }
        return b.toString();
    }

    /** One CSV cell, quoted where RFC 4180 needs it. */
    public static String csvCell(String s) {
        return CsvText.row(s);
    }

    /** The HDF5 form: sample = one test prediction of one fold (all splits in a row), feature = the screened columns. */
    public NetcdfDataset dataset(Provenance provenance) {
        MobilitySettings s = result.settings();
        NetcdfDataset.Builder b = ResultHeader.start("popcast mobility evaluation: test predictions and scores of FNN, LSTM and baselines",
                provenance, FORMAT_VERSION, "mobility_evaluation");
        b.attribute("input_table", result.table().source()).attribute("settings", settingsText(s))
                .attribute("split_codes", String.join(",", s.splits().stream().map(SplitScheme::key).toList()))
                .attribute("verdict", String.join(" ", verdicts()))
                .attribute("target_form", s.targetForm().key())
                .attribute("wall_time_seconds", result.seconds())
                .attribute("dropped_columns", String.join("; ", result.screen().dropped().stream()
                        .map(d -> d.column() + ": " + d.reason()).toList()));
        metricAttributes(b);
        samples(b);
        features(b);
        return b.build();
    }

    /** metric_<split>_<model>_<metric>_mean and _sd over the folds. */
    private void metricAttributes(NetcdfDataset.Builder b) {
        MobilitySettings s = result.settings();
        for (SplitScheme scheme : s.splits()) {
            for (ModelKind m : s.models()) {
                for (String metric : Metrics.NAMES) {
                    Spread sp = spread(scheme, m, metric);
                    String key = "metric_" + scheme.key() + "_" + m.key() + "_" + metric;
                    b.attribute(key + "_mean", sp.mean()).attribute(key + "_sd", sp.sd());
                }
            }
        }
    }

    /** Every fold's test rows: split, fold, year, target and each model's prediction. */
    private void samples(NetcdfDataset.Builder b) {
        MobilitySettings s = result.settings();
        MobilityTable t = result.table();
        List<double[]> meta = new ArrayList<>();
        for (MobilityEvaluation.FoldResult f : result.folds()) {
            int foldIndex = folds(f.fold().scheme()).indexOf(f);
            for (int r : f.fold().test()) {
                meta.add(new double[] {s.splits().indexOf(f.fold().scheme()), foldIndex, t.year(r), t.target(r)});
            }
        }
        int n = meta.size();
        long[] sample = new long[n];
        for (int i = 0; i < n; i++) {
            sample[i] = i;
        }
        b.dimension("sample", sample, "1", "test prediction (one row of one fold's test set)");
        double[] split = column(meta, 0);
        byte[] splitFlags = new byte[split.length];
        for (int i = 0; i < split.length; i++) {
            splitFlags[i] = (byte) split[i];
        }
        // split_codes (format 1.0's key to the numbers) stays beside the CF flags for older readers
        b.flagVariable("split", List.of("sample"), splitFlags, CfFlags.of(s.splits().stream().map(SplitScheme::key).toList()),
                        "split of the fold")
                .variable("fold", List.of("sample"), column(meta, 1), "1", "fold number within its split, from 0")
                .variable("year", List.of("sample"), column(meta, 2), null, NetcdfDataset.CALENDAR_YEAR + " of the test row")
                .variable("target", List.of("sample"), column(meta, 3), "1", "observed " + s.columns().target());
        for (ModelKind m : s.models()) {
            double[] p = new double[n];
            int i = 0;
            for (MobilityEvaluation.FoldResult f : result.folds()) {
                for (double v : f.predictions().get(m)) {
                    p[i++] = v;
                }
            }
            b.variable("prediction_" + m.key(), List.of("sample"), p, "1", "test prediction of " + m.description());
        }
    }

    /** Per screened feature: the share missing where there is a target, and how many folds used it. */
    private void features(NetcdfDataset.Builder b) {
        MobilityTable t = result.table();
        List<String> features = result.screen().features();
        b.dimension("feature", features.toArray(String[]::new), "feature column after the leakage screen on all rows");
        double[] missing = new double[features.size()], used = new double[features.size()];
        int[] targetRows = t.targetRows();
        for (int j = 0; j < features.size(); j++) {
            int col = t.features().indexOf(features.get(j));
            for (int r : targetRows) {
                missing[j] += Double.isNaN(t.values(r)[col]) ? 1.0 / targetRows.length : 0;
            }
            for (MobilityEvaluation.FoldResult f : result.folds()) {
                used[j] += f.features().contains(features.get(j)) ? 1 : 0;
            }
        }
        b.variable("missing_share", List.of("feature"), missing, "1", "share of rows with a target where the feature is missing")
                .variable("folds_used", List.of("feature"), used, "1", "number of folds whose model used the feature");
    }

    private static double[] column(List<double[]> meta, int k) {
        return meta.stream().mapToDouble(m -> m[k]).toArray();
    }

    static String settingsText(MobilitySettings s) {
        return String.format(Locale.ROOT, "target_form=%s gbt=%s target=%s id=%s year=%s neighbours=%d max_missing=%s window=%d fnn_epochs=%d lstm_max_epochs=%d "
                        + "patience=%d batch=%d learning_rate=%s validation_share=%s ridge_alpha=%s folds=%d time_origins=%s seed=%d "
                        + "screen_threshold=%s named_exclusions=%s definition_columns=%s",
                s.targetForm().key(), BoostedTrees.Settings.DEFAULT, s.columns().target(), s.columns().id(), s.columns().year(), s.neighbours(), s.maxMissing(), s.window(), s.fnnEpochs(),
                s.lstmMaxEpochs(), s.patience(), s.batchSize(), s.learningRate(), s.validationShare(), s.ridgeAlpha(), s.folds(),
                s.timeOrigins().length == 0 ? "auto" : java.util.Arrays.toString(s.timeOrigins()), s.seed(), s.columns().threshold(),
                s.columns().named(), s.columns().definition());
    }
}
