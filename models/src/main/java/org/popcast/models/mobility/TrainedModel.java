package org.popcast.models.mobility;

import java.util.List;
import java.util.Map;

import org.popcast.engine.train.Progress;

/**
 * A model fitted on every row with a target, as saved by {@code popcast mobility train}: the kind,
 * the column names it reads, its preprocessing (feature columns, scaler, KNN reference rows), the
 * training mean, and the ridge coefficients or network weights. {@code dropped} records which
 * columns the leakage screen left out and why. {@code change} is null for a level-form model; for
 * a change-form model it holds the lag structure and constants that turn a table into inputs and
 * the predicted change back into a level.
 */
public record TrainedModel(ModelKind kind, ColumnScreen.Settings columns, int window, Preprocessor preprocessor, double trainingMean,
                           RidgeRegression ridge, Map<String, float[][]> weights, List<ColumnScreen.Dropped> dropped, String settings,
                           ChangeForm change) {

    /** A level-form model. */
    public TrainedModel(ModelKind kind, ColumnScreen.Settings columns, int window, Preprocessor preprocessor, double trainingMean,
                        RidgeRegression ridge, Map<String, float[][]> weights, List<ColumnScreen.Dropped> dropped, String settings) {
        this(kind, columns, window, preprocessor, trainingMean, ridge, weights, dropped, settings, null);
    }

    /** The kinds that can be trained and saved. */
    public static boolean saveable(ModelKind kind) {
        return kind == ModelKind.RIDGE || kind == ModelKind.RIDGE_CV || kind.isNetwork();
    }

    /**
     * Fits {@code kind} (ridge, fnn, lstm, or ridge_cv in the change form) on every row of {@code p}
     * that has a target, in the target form of {@code s}, exactly as {@code mobility evaluate} fits
     * it on a fold's training rows (a seed gives the same model); a network reports its epochs.
     */
    public static TrainedModel train(MobilityEvaluation.Prepared p, ModelKind kind, MobilitySettings s, Progress progress) {
        if (!saveable(kind)) {
            throw new IllegalArgumentException("only ridge, fnn, lstm and ridge_cv can be trained and saved; " + kind.key()
                    + (kind.isBaseline() ? " is a baseline computed at evaluation" : " is evaluated only (mobility evaluate)"));
        }
        if (kind.alwaysChange() && s.targetForm() != TargetForm.CHANGE) {
            throw new IllegalArgumentException(kind.key() + " predicts the change from last year's value: train it with --target-form change");
        }
        try (FoldFit fit = FoldFit.fit(p, p.table().targetRows(), List.of(kind), s, s.seed(), progress, "")) {
            FittedModel m = fit.models().get(kind);
            ChangeForm change = s.targetForm() == TargetForm.CHANGE ? ChangeForm.of(fit.inputsOf(kind), m) : null;
            return new TrainedModel(kind, s.columns(), kind == ModelKind.LSTM ? s.window() : 1, fit.preprocessor(), m.trainingMean(),
                    m.ridge(), m.network() == null ? null : m.network().weights(), p.screen().dropped(), EvaluationReport.settingsText(s),
                    change);
        }
    }

    /** What the model predicts: {@link TargetForm#CHANGE} when {@link #change()} is set. */
    public TargetForm form() {
        return change == null ? TargetForm.LEVEL : TargetForm.CHANGE;
    }

    /** Inputs per row the learned part reads: the features, or the change form's {@link ChangeForm#width}. */
    public int inputWidth() {
        int f = preprocessor.columns().size();
        return change == null ? f : ChangeForm.width(f);
    }

    /** The model ready to predict rows of {@code table} (which must hold {@link Preprocessor#columns()}). */
    FittedModel fitted() {
        NetworkRegressor net = weights == null ? null
                : new NetworkRegressor(kind == ModelKind.LSTM ? NetworkKind.LSTM : NetworkKind.FNN, inputWidth(), window, weights, 1e-3, 0);
        return FittedModel.restored(kind, trainingMean, ridge, net, window, change == null ? 1 : change.shrinkage(),
                change == null ? null : change.changeRidge());
    }

    /** The inputs of this model's form over {@code table}'s rows. */
    ModelInputs inputs(MobilityTable table) {
        TransformedRows rows = new TransformedRows(table, preprocessor);
        return change == null ? ModelInputs.level(rows) : ModelInputs.change(rows, change);
    }

    /**
     * Predictions for every city-year of {@code table} (a table built with this model's columns);
     * rows are in the table's order. A change-form model reads the table's target of each city's
     * year before (see {@link Predictions} for rows without it).
     */
    public double[] predict(MobilityTable table) {
        int[] rows = new int[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        try (FittedModel m = fitted()) {
            return m.predict(inputs(table), rows);
        }
    }
}
