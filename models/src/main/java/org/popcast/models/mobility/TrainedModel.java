package org.popcast.models.mobility;

import java.util.List;
import java.util.Map;

import org.popcast.engine.train.Progress;

/**
 * A model fitted on every row with a target, as saved by {@code popcast mobility train}: the kind,
 * the column names it reads, its preprocessing (feature columns, scaler, KNN reference rows), the
 * training mean, and the ridge coefficients or network weights. {@code dropped} records which
 * columns the leakage screen left out and why.
 */
public record TrainedModel(ModelKind kind, ColumnScreen.Settings columns, int window, Preprocessor preprocessor, double trainingMean,
                           RidgeRegression ridge, Map<String, float[][]> weights, List<ColumnScreen.Dropped> dropped, String settings) {

    /** Fits {@code kind} (ridge, fnn or lstm) on every row of {@code p} that has a target; a network reports its epochs. */
    public static TrainedModel train(MobilityEvaluation.Prepared p, ModelKind kind, MobilitySettings s, Progress progress) {
        if (kind != ModelKind.RIDGE && !kind.isNetwork()) {
            throw new IllegalArgumentException("only ridge, fnn and lstm can be trained and saved; " + kind.key()
                    + " is a baseline computed at evaluation");
        }
        if (s.targetForm() != TargetForm.LEVEL) {
            throw new IllegalArgumentException("a saved model predicts the level; the change form is evaluated only (mobility evaluate)");
        }
        try (FoldFit fit = FoldFit.fit(p, p.table().targetRows(), List.of(kind), s, s.seed(), progress, "")) {
            FittedModel m = fit.models().get(kind);
            return new TrainedModel(kind, s.columns(), kind == ModelKind.LSTM ? s.window() : 1, fit.preprocessor(), m.trainingMean(),
                    m.ridge(), m.network() == null ? null : m.network().weights(), p.screen().dropped(), EvaluationReport.settingsText(s));
        }
    }

    /** The model ready to predict rows of {@code table} (which must hold {@link Preprocessor#columns()}). */
    FittedModel fitted() {
        NetworkRegressor net = weights == null ? null
                : new NetworkRegressor(kind == ModelKind.LSTM ? NetworkKind.LSTM : NetworkKind.FNN, preprocessor.columns().size(), window,
                        weights, 1e-3, 0);
        return new FittedModel(kind, trainingMean, ridge, net, window, null);
    }

    /**
     * Predictions for every city-year of {@code table} (a table built with this model's columns);
     * rows are in the table's order.
     */
    public double[] predict(MobilityTable table) {
        int[] rows = new int[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        try (FittedModel m = fitted()) {
            return m.predict(ModelInputs.level(new TransformedRows(table, preprocessor)), rows);
        }
    }
}
