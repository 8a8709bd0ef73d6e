package org.popcast.models.mobility;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.popcast.engine.train.Progress;

/**
 * The preprocessing and models fitted on one set of training rows. Only the training rows'
 * features and targets are read while fitting; the rest of the table is there to be predicted
 * (and, for the LSTM, to supply the earlier years of a window, which never lie after the row).
 */
public record FoldFit(Preprocessor preprocessor, ModelInputs inputs, ModelInputs changeInputs, Map<ModelKind, FittedModel> models,
                      Map<ModelKind, Double> seconds, double preprocessSeconds)
        implements AutoCloseable {

    /**
     * Screens the columns on the training rows, fits the preprocessing on them and then each model.
     * {@code p} is the whole prepared table: only {@code train}'s rows are read. Networks report
     * their epochs to {@code progress}, labelled with {@code context}.
     */
    public static FoldFit fit(MobilityEvaluation.Prepared p, int[] train, List<ModelKind> kinds, MobilitySettings s, long seed,
                              Progress progress, String context) {
        long started = System.nanoTime();
        MobilityTable t = p.table();
        ColumnScreen.Result screen = ColumnScreen.screen(p.source(), s.columns(), t.sourceMask(train, p.source().rowCount()));
        int[] index = screen.features().stream().mapToInt(c -> t.features().indexOf(c)).toArray();
        double[][] raw = t.values(train);
        double[][] selected = new double[raw.length][index.length];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < index.length; j++) {
                selected[i][j] = raw[i][index[j]];
            }
        }
        Preprocessor pre = Preprocessor.fit(screen.features(), selected, s.maxMissing(), s.neighbours());
        TransformedRows rows = new TransformedRows(t, pre);
        rows.rows(train); // impute the training rows now, so model fit times exclude it
        ModelInputs inputs = ModelInputs.fit(rows, s.targetForm(), train);
        // the models that always predict the change read the change form's inputs, whatever the run's form
        ModelInputs changeInputs = s.targetForm() == TargetForm.CHANGE || kinds.stream().noneMatch(ModelKind::alwaysChange) ? inputs
                : ModelInputs.fit(rows, TargetForm.CHANGE, train);
        double preprocessSeconds = (System.nanoTime() - started) / 1e9;
        Map<ModelKind, FittedModel> models = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Double> seconds = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : kinds) {
            long m0 = System.nanoTime();
            models.put(kind, FittedModel.fit(kind, kind.alwaysChange() ? changeInputs : inputs, train, s, seed, progress, context));
            seconds.put(kind, (System.nanoTime() - m0) / 1e9);
        }
        return new FoldFit(pre, inputs, changeInputs, models, seconds, preprocessSeconds);
    }

    public double[] predict(ModelKind kind, int[] rowsToPredict) {
        return models.get(kind).predict(inputsOf(kind), rowsToPredict);
    }

    /** The inputs {@code kind} was fitted on: the change form's for the kinds that always predict the change, else the run's form. */
    ModelInputs inputsOf(ModelKind kind) {
        return kind.alwaysChange() ? changeInputs : inputs;
    }

    @Override
    public void close() {
        models.values().forEach(FittedModel::close);
    }
}
