package org.popcast.models.mobility;

import org.popcast.data.io.CsvText;

/**
 * A saved model's predictions for every row of a table ({@code popcast mobility predict}), with the
 * table's own target where it has one.
 *
 * @param target the target column's name, or null when the table has none
 */
public record Predictions(TrainedModel model, MobilityTable table, double[] values, String target) {

    /** Predicts every row of {@code features} with {@code model}. */
    public static Predictions of(TrainedModel model, FeatureTable features) {
        String target = features.isNumeric(model.columns().target()) ? model.columns().target() : null;
        MobilityTable t = MobilityTable.of(features, target, model.columns().id(), model.columns().year(), model.preprocessor().columns());
        return new Predictions(model, t, model.predict(t), target);
    }

    /** id, year, prediction (and the target): one row per table row, RFC 4180, numbers in their shortest round-trip text. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        CsvText.appendRow(b, target == null ? new Object[] {model.columns().id(), model.columns().year(), "prediction"}
                : new Object[] {model.columns().id(), model.columns().year(), "prediction", target});
        for (int i = 0; i < table.rowCount(); i++) {
            if (target == null) {
                CsvText.appendRow(b, table.city(i), table.year(i), values[i]);
            } else {
                CsvText.appendRow(b, table.city(i), table.year(i), values[i], Double.isNaN(table.target(i)) ? "" : table.target(i));
            }
        }
        return b.toString();
    }

    /** MSE, MAE and R^2 against the table's target on the rows that have one; null without a target. */
    public Metrics againstTarget() {
        int[] rows = table.targetRows();
        if (target == null || rows.length == 0) {
            return null;
        }
        double[] y = new double[rows.length], q = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = table.target(rows[i]);
            q[i] = values[rows[i]];
        }
        return Metrics.of(y, q);
    }
}
