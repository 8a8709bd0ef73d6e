package org.popcast.models.mobility;

import java.util.HashMap;
import java.util.Map;

/**
 * The table's rows after a fitted {@link Preprocessor}, transformed once on first use (KNN
 * imputation is the costly part). {@link ModelInputs} builds the models' inputs from them.
 */
final class TransformedRows {

    private final MobilityTable table;
    private final Preprocessor preprocessor;
    private final int[] columnIndex;
    private final Map<Integer, double[]> cache = new HashMap<>();

    /** {@code preprocessor.columns()} are looked up by name among the table's features. */
    TransformedRows(MobilityTable table, Preprocessor preprocessor) {
        this.table = table;
        this.preprocessor = preprocessor;
        columnIndex = preprocessor.columns().stream().mapToInt(c -> table.features().indexOf(c)).toArray();
        for (int j = 0; j < columnIndex.length; j++) {
            if (columnIndex[j] < 0) {
                throw new IllegalArgumentException("feature " + preprocessor.columns().get(j) + " is not in the table");
            }
        }
    }

    MobilityTable table() {
        return table;
    }

    int width() {
        return columnIndex.length;
    }

    double[] row(int r) {
        return cache.computeIfAbsent(r, key -> {
            double[] raw = table.values(key);
            double[] selected = new double[columnIndex.length];
            for (int j = 0; j < selected.length; j++) {
                selected[j] = raw[columnIndex[j]];
            }
            return preprocessor.transform(new double[][] {selected})[0];
        });
    }

    double[][] rows(int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = row(rows[i]);
        }
        return out;
    }
}
