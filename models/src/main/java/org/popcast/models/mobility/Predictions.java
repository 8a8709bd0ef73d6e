package org.popcast.models.mobility;

import java.util.Arrays;
import java.util.TreeSet;

import org.popcast.data.input.InputException;
import org.popcast.data.io.CsvText;

/**
 * A saved model's predictions for every row of a table ({@code popcast mobility predict}), with the
 * table's own target where it has one.
 *
 * <p>A change-form model predicts y_t = y_{t-1} + predicted change, so it needs the target
 * history: the table must have the target column, and at least one row must have its city's
 * target of the year before. A row whose city has no target in the year before (its first year,
 * or a gap) is predicted as the model was fitted to predict such rows: the training mean plus the
 * change the model predicts with "no last year" flagged (its {@link Basis#TRAINING_MEAN} row), the
 * same rule {@code mobility evaluate} scores. The {@code basis} column says which rule each row used.
 *
 * @param target the target column's name, or null when the table has none
 * @param basis  per row what the prediction starts from (change form), or null (level form)
 */
public record Predictions(TrainedModel model, MobilityTable table, double[] values, String target, Basis[] basis) {

    /** What a change-form prediction adds its predicted change to. */
    public enum Basis {
        /** y_{t-1}, the city's target of the year before. */
        LAST_YEAR,
        /** The training mean: the city has no target in the year before. */
        TRAINING_MEAN;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Predicts every row of {@code features} with {@code model}; InputException when a change-form model lacks the target history. */
    public static Predictions of(TrainedModel model, FeatureTable features) {
        String targetName = model.columns().target();
        boolean change = model.form() == TargetForm.CHANGE;
        if (change && !features.isNumeric(targetName)) {
            throw new InputException(features.source() + ": the model predicts the change from last year's value and reads it from the "
                    + "target column '" + targetName + "', which the table " + (features.has(targetName) ? "holds as text" : "lacks"));
        }
        String target = features.isNumeric(targetName) ? targetName : null;
        MobilityTable t = MobilityTable.of(features, target, model.columns().id(), model.columns().year(), model.preprocessor().columns());
        Basis[] basis = change ? basis(t) : null;
        return new Predictions(model, t, model.predict(t), target, basis);
    }

    /** Each row's basis; InputException when no row has its city's target of the year before (no history to add a change to). */
    private static Basis[] basis(MobilityTable t) {
        Basis[] b = new Basis[t.rowCount()];
        for (int r = 0; r < b.length; r++) {
            b[r] = FittedModel.knowsLastYear(t, r) ? Basis.LAST_YEAR : Basis.TRAINING_MEAN;
        }
        if (t.rowCount() > 0 && Arrays.stream(b).noneMatch(x -> x == Basis.LAST_YEAR)) {
            TreeSet<Integer> years = new TreeSet<>();
            for (int r = 0; r < t.rowCount(); r++) {
                years.add(t.year(r));
            }
            throw new InputException(t.source() + ": no row has its city's target in the year before (years " + years.first() + "-"
                    + years.last() + "); the change-form model needs last year's values: add the rows of the year before with their target");
        }
        return b;
    }

    /** Rows predicted from last year's value (all rows for a level-form model). */
    public int fromLastYear() {
        return basis == null ? 0 : (int) Arrays.stream(basis).filter(x -> x == Basis.LAST_YEAR).count();
    }

    /**
     * id, year, prediction, (basis, change form), (the target): one row per table row, RFC 4180,
     * numbers in their shortest round-trip text.
     */
    public String csv() {
        StringBuilder b = new StringBuilder();
        CsvText.appendRow(b, cells(model.columns().id(), model.columns().year(), "prediction", "basis", target));
        for (int i = 0; i < table.rowCount(); i++) {
            CsvText.appendRow(b, cells(table.city(i), table.year(i), values[i], basis == null ? null : basis[i].key(),
                    target == null ? null : Double.isNaN(table.target(i)) ? "" : table.target(i)));
        }
        return b.toString();
    }

    /** The row's cells, leaving out the basis (level form) and the target (table without it). */
    private Object[] cells(Object id, Object year, Object prediction, Object basisCell, Object targetCell) {
        java.util.List<Object> c = new java.util.ArrayList<>(java.util.List.of(id, year, prediction));
        if (basis != null) {
            c.add(basisCell);
        }
        if (target != null) {
            c.add(targetCell);
        }
        return c.toArray();
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
