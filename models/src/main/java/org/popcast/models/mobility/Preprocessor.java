package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model does to raw feature rows before it sees them, fitted on training rows only: keep
 * the columns observed often enough in training, standardise them, fill the gaps by KNN among the
 * training rows. Saved with every model so predictions repeat the exact transformation.
 */
public final class Preprocessor {

    private final List<String> columns;
    private final int[] sourceIndex;
    private final Standardizer scaler;
    private final KnnImputer imputer;

    public Preprocessor(List<String> columns, int[] sourceIndex, Standardizer scaler, KnnImputer imputer) {
        this.columns = List.copyOf(columns);
        this.sourceIndex = sourceIndex.clone();
        this.scaler = scaler;
        this.imputer = imputer;
    }

    /**
     * Fits on {@code trainRows} (rows x all candidate columns, NaN for missing): columns missing in
     * more than {@code maxMissing} of the training rows, or observed fewer than twice, are dropped.
     */
    public static Preprocessor fit(List<String> candidates, double[][] trainRows, double maxMissing, int k) {
        List<String> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int j = 0; j < candidates.size(); j++) {
            int observed = 0;
            for (double[] r : trainRows) {
                observed += Double.isNaN(r[j]) ? 0 : 1;
            }
            if (observed >= 2 && 1 - observed / (double) trainRows.length <= maxMissing) {
                kept.add(candidates.get(j));
                index.add(j);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no feature column is observed in at least " + Math.round(100 * (1 - maxMissing))
                    + " % of the training rows (see --max-missing)");
        }
        int[] idx = index.stream().mapToInt(Integer::intValue).toArray();
        double[][] selected = select(trainRows, idx);
        Standardizer scaler = Standardizer.fit(selected);
        double[][] scaled = new double[selected.length][];
        for (int i = 0; i < selected.length; i++) {
            scaled[i] = scaler.apply(selected[i]);
        }
        return new Preprocessor(kept, idx, scaler, KnnImputer.fit(scaled, k));
    }

    /** The model's feature columns, in order. */
    public List<String> columns() {
        return columns;
    }

    public Standardizer scaler() {
        return scaler;
    }

    public KnnImputer imputer() {
        return imputer;
    }

    /** Rows over the candidate columns given to {@link #fit} -> standardised, imputed rows over {@link #columns()}. */
    public double[][] transformCandidates(double[][] rows) {
        return transform(select(rows, sourceIndex));
    }

    /** Rows already over {@link #columns()} -> standardised, imputed rows. */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = imputer.impute(scaler.apply(rows[i]));
        }
        return out;
    }

    private static double[][] select(double[][] rows, int[] idx) {
        double[][] out = new double[rows.length][idx.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                out[i][j] = rows[i][idx[j]];
            }
        }
        return out;
    }
}
