package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.popcast.data.input.InputException;
import org.popcast.engine.train.Progress;

/**
 * {@code popcast mobility evaluate}: every chosen model and baseline on every fold of every
 * chosen split. For each fold the column selection, scaler and KNN imputer are fitted on the
 * fold's training rows only, then each model is fitted on the same training rows and scored on
 * the test rows.
 */
public final class MobilityEvaluation {

    /**
     * One fold: test predictions and scores per model, fit times, network logs; preprocessing time
     * (column screen, scaler, KNN imputation of the training rows) and prediction time (imputing
     * the test rows and their windows, predicting) in seconds; the change form's shrinkage toward
     * last year's value per learned model (1 where none); the scores on the test rows whose city
     * has last year's value ({@code metricsKnown}, absent when no test row has it); the fitted
     * constants per model for the report.
     */
    public record FoldResult(Fold fold, List<String> features, Map<ModelKind, double[]> predictions, Map<ModelKind, Metrics> metrics,
                             Map<ModelKind, Double> seconds, Map<ModelKind, NetworkRegressor.Log> logs,
                             double lastYearCoverage, double preprocessSeconds, double predictSeconds, Map<ModelKind, Double> shrinkage,
                             Map<ModelKind, Metrics> metricsKnown, Map<ModelKind, String> constants) {
    }

    /** The whole evaluation. */
    public record Result(MobilitySettings settings, ColumnScreen.Result screen, MobilityTable table, List<FoldResult> folds,
                         double seconds) {
    }

    /**
     * The feature table, its screen on all rows (what {@code train} uses and the report shows) and
     * the table over the candidate columns; each fold screens again on its own training rows.
     */
    public record Prepared(FeatureTable source, ColumnScreen.Result screen, MobilityTable table) {
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
        ColumnScreen.Result screen = ColumnScreen.screen(ft, c, null);
        if (screen.features().isEmpty()) {
            throw new InputException(ft.source() + ": no numeric feature column is left after the leakage screen");
        }
        return new Prepared(ft, screen, MobilityTable.of(ft, c.target(), c.id(), c.year(), screen.candidates()));
    }

    /**
     * Runs every fold, one at a time; {@code foldDone} receives one line per finished fold (its scores),
     * {@code progress} the networks' epochs.
     */
    public static Result run(FeatureTable ft, MobilitySettings s, Consumer<String> foldDone, Progress progress) {
        return run(ft, s, foldDone, progress, 1);
    }

    /**
     * Runs every fold on up to {@code threads} threads. Folds are independent (each has its own
     * seed, preprocessing, models, TensorFlow graph and XGBoost booster; XGBoost runs one thread),
     * so the results do not depend on {@code threads}; {@code foldDone} still receives the lines
     * in fold order, and {@code progress} (synchronised) the epochs of whichever folds are running.
     */
    public static Result run(FeatureTable ft, MobilitySettings s, Consumer<String> foldDone, Progress progress, int threads) {
        long started = System.nanoTime();
        Prepared p = prepare(ft, s);
        MobilityTable t = p.table();
        int[] rows = t.targetRows();
        if (rows.length < s.folds()) {
            throw new InputException(ft.source() + ": " + rows.length + " rows have a target, fewer than the " + s.folds() + " folds");
        }
        List<Fold> folds = folds(t, rows, s);
        List<FoldResult> results = new ArrayList<>();
        int lanes = Math.max(1, Math.min(threads, folds.size()));
        java.util.concurrent.ExecutorService pool = lanes == 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(lanes, r -> {
            Thread th = new Thread(r, "mobility-fold");
            th.setDaemon(true);
            return th;
        });
        try {
            List<java.util.concurrent.Callable<FoldResult>> tasks = new ArrayList<>();
            for (int i = 0; i < folds.size(); i++) {
                Fold fold = folds.get(i);
                int index = i;
                tasks.add(() -> runFold(p, fold, s, s.seed() * 1000 + index, progress,
                        "fold " + (index + 1) + "/" + folds.size() + " " + fold.label()));
            }
            if (pool == null) {
                for (int i = 0; i < folds.size(); i++) {
                    FoldResult r = call(tasks.get(i));
                    results.add(r);
                    foldDone.accept(describe(folds.get(i), r));
                }
            } else {
                // the biggest folds first, so that no lane is left with a big fold at the end while
                // the other waits; a fold's seed is its index, so the order changes no number
                List<java.util.concurrent.Future<FoldResult>> pending = new ArrayList<>(java.util.Collections.nCopies(folds.size(), null));
                for (int i : largestFirst(folds)) {
                    pending.set(i, pool.submit(tasks.get(i)));
                }
                for (int i = 0; i < pending.size(); i++) {
                    FoldResult r = await(pending.get(i));
                    results.add(r);
                    foldDone.accept(describe(folds.get(i), r));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Result(s, p.screen(), t, results, (System.nanoTime() - started) / 1e9);
    }

    /** Fold indices by decreasing number of training rows (fit time grows with it), ties in fold order. */
    static int[] largestFirst(List<Fold> folds) {
        return java.util.stream.IntStream.range(0, folds.size()).boxed()
                .sorted(java.util.Comparator.comparingInt((Integer i) -> -folds.get(i).train().length)).mapToInt(Integer::intValue).toArray();
    }

    private static FoldResult call(java.util.concurrent.Callable<FoldResult> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fold's result; a fold's own exception is rethrown as it was. */
    private static FoldResult await(java.util.concurrent.Future<FoldResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fold", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
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

    /**
     * Fits the preprocessing and every model on the fold's training rows, scores the test rows;
     * networks report their epochs to {@code progress}, labelled with {@code context}.
     */
    public static FoldResult runFold(Prepared prepared, Fold fold, MobilitySettings s, long seed, Progress progress, String context) {
        long t0 = System.nanoTime();
        MobilityTable t = prepared.table();
        double[] y = new double[fold.test().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.target(fold.test()[i]);
        }
        Map<ModelKind, double[]> predictions = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Metrics> metrics = new EnumMap<>(ModelKind.class);
        Map<ModelKind, NetworkRegressor.Log> logs = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Double> shrinkage = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Metrics> metricsKnown = new EnumMap<>(ModelKind.class);
        Map<ModelKind, String> constants = new EnumMap<>(ModelKind.class);
        int[] known = java.util.stream.IntStream.range(0, y.length).filter(i -> FittedModel.knowsLastYear(t, fold.test()[i])).toArray();
        try (FoldFit fit = FoldFit.fit(prepared, fold.train(), s.models(), s, seed, progress, context)) {
            for (ModelKind kind : s.models()) {
                double[] p = fit.predict(kind, fold.test());
                predictions.put(kind, p);
                metrics.put(kind, Metrics.of(y, p));
                shrinkage.put(kind, fit.models().get(kind).shrinkage());
                constants.put(kind, fit.models().get(kind).fittedConstants(s.targetForm()));
                if (known.length > 0) {
                    metricsKnown.put(kind, Metrics.of(pick(y, known), pick(p, known)));
                }
                if (fit.models().get(kind).log() != null) {
                    logs.put(kind, fit.models().get(kind).log());
                }
            }
            double total = (System.nanoTime() - t0) / 1e9;
            double modelSeconds = fit.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
            return new FoldResult(fold, fit.preprocessor().columns(), predictions, metrics, fit.seconds(), logs,
                    FittedModel.lastYearCoverage(t, fold.test()), fit.preprocessSeconds(), total - modelSeconds - fit.preprocessSeconds(),
                    shrinkage, metricsKnown, constants);
        }
    }

    private static double[] pick(double[] v, int[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = v[at[i]];
        }
        return out;
    }

    private static String describe(Fold fold, FoldResult r) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-11s %-22s train %4d test %4d features %3d:",
                fold.scheme().key(), fold.label(), fold.train().length, fold.test().length, r.features().size()));
        r.metrics().forEach((k, m) -> b.append(String.format(java.util.Locale.ROOT, " %s %.4g", k.key(), m.mse())));
        return b.append(" (MSE)").toString();
    }
}
