package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.popcast.data.input.FeatureTable;
import org.popcast.data.input.InputException;

/**
 * {@code popcast mobility evaluate}: every chosen model and baseline on every fold of every
 * chosen split. For each fold the column selection, scaler and KNN imputer are fitted on the
 * fold's training rows only, then each model is fitted on the same training rows and scored on
 * the test rows.
 */
public final class MobilityEvaluation {

    /** One fold: test predictions and scores per model, fit times, network logs. */
    public record FoldResult(Fold fold, int featureCount, Map<ModelKind, double[]> predictions, Map<ModelKind, Metrics> metrics,
                             Map<ModelKind, Double> seconds, Map<ModelKind, NetworkRegressor.Log> logs,
                             double lastYearCoverage, double preprocessSeconds) {
    }

    /** The whole evaluation. */
    public record Result(MobilitySettings settings, ColumnScreen.Result screen, MobilityTable table, List<FoldResult> folds,
                         double seconds) {
    }

    /** The screened table; InputException if the target is missing or too few rows have it. */
    public record Prepared(ColumnScreen.Result screen, MobilityTable table) {
    }

    private MobilityEvaluation() {
    }

    public static Prepared prepare(FeatureTable ft, MobilitySettings s) {
        ColumnScreen.Settings c = s.columns();
        if (!ft.has(c.target())) {
            throw new InputException(ft.source() + ": no column '" + c.target() + "' (the target; choose it with --target)");
        }
        if (!ft.isNumeric(c.target())) {
            throw new InputException(ft.source() + ": the target column '" + c.target() + "' holds text, expected numbers");
        }
        ColumnScreen.Result screen = ColumnScreen.screen(ft, c);
        if (screen.features().isEmpty()) {
            throw new InputException(ft.source() + ": no numeric feature column is left after the leakage screen");
        }
        return new Prepared(screen, MobilityTable.of(ft, c.target(), c.id(), c.year(), screen.features()));
    }

    public static Result run(FeatureTable ft, MobilitySettings s, Consumer<String> progress) {
        long started = System.nanoTime();
        Prepared p = prepare(ft, s);
        MobilityTable t = p.table();
        int[] rows = t.targetRows();
        if (rows.length < s.folds()) {
            throw new InputException(ft.source() + ": " + rows.length + " rows have a target, fewer than the " + s.folds() + " folds");
        }
        List<Fold> folds = folds(t, rows, s);
        List<FoldResult> results = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            Fold fold = folds.get(i);
            FoldResult r = runFold(t, fold, s, s.seed() * 1000 + i);
            results.add(r);
            progress.accept(describe(fold, r));
        }
        return new Result(s, p.screen(), t, results, (System.nanoTime() - started) / 1e9);
    }

    static List<Fold> folds(MobilityTable t, int[] rows, MobilitySettings s) {
        List<Fold> folds = new ArrayList<>();
        for (SplitScheme scheme : s.splits()) {
            folds.addAll(switch (scheme) {
                case CITY -> SplitScheme.byCity(t, rows, s.folds(), s.seed());
                case TIME -> SplitScheme.byTime(t, rows, s.timeOrigins().length > 0 ? s.timeOrigins()
                        : SplitScheme.defaultOrigins(t, rows, 4));
                case RANDOM_ROWS -> SplitScheme.byRandomRows(t, rows, s.folds(), s.seed());
            });
        }
        return folds;
    }

    /** Fits the preprocessing and every model on the fold's training rows, scores the test rows. */
    public static FoldResult runFold(MobilityTable t, Fold fold, MobilitySettings s, long seed) {
        long t0 = System.nanoTime();
        Preprocessor pre = Preprocessor.fit(t.features(), t.values(fold.train()), s.maxMissing(), s.neighbours());
        TransformedRows rows = new TransformedRows(t, pre);
        rows.rows(fold.train());
        rows.rows(fold.test());
        double preprocess = (System.nanoTime() - t0) / 1e9;
        double[] y = new double[fold.test().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.target(fold.test()[i]);
        }
        Map<ModelKind, double[]> predictions = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Metrics> metrics = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Double> seconds = new EnumMap<>(ModelKind.class);
        Map<ModelKind, NetworkRegressor.Log> logs = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : s.models()) {
            long m0 = System.nanoTime();
            try (FittedModel model = FittedModel.fit(kind, rows, fold.train(), s, seed)) {
                double[] p = model.predict(rows, fold.test());
                predictions.put(kind, p);
                metrics.put(kind, Metrics.of(y, p));
                if (model.log() != null) {
                    logs.put(kind, model.log());
                }
            }
            seconds.put(kind, (System.nanoTime() - m0) / 1e9);
        }
        return new FoldResult(fold, pre.columns().size(), predictions, metrics, seconds, logs,
                FittedModel.lastYearCoverage(t, fold.test()), preprocess);
    }

    private static String describe(Fold fold, FoldResult r) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-11s %-22s train %4d test %4d features %3d:",
                fold.scheme().key(), fold.label(), fold.train().length, fold.test().length, r.featureCount()));
        r.metrics().forEach((k, m) -> b.append(String.format(java.util.Locale.ROOT, " %s %.4g", k.key(), m.mse())));
        return b.append(" (MSE)").toString();
    }
}
