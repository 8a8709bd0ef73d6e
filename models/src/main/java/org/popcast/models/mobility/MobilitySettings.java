package org.popcast.models.mobility;

import java.util.List;

/**
 * Every setting of a mobility run, recorded in its outputs. Defaults follow seed 000 where it
 * says something (k = 5 neighbours, 50 FNN epochs, batch 32, Adam 0.001, patience 10) and are
 * chosen and documented here where it does not.
 *
 * @param columns        target, id and year columns and the leakage screen
 * @param neighbours     k of the KNN imputer
 * @param maxMissing     a feature missing in a larger share of the training rows is dropped
 * @param window         years per LSTM input sequence
 * @param fnnEpochs      fixed FNN epochs (no early stopping, as in the seed)
 * @param lstmMaxEpochs  LSTM epoch limit; early stopping usually ends it sooner
 * @param patience       LSTM early-stopping patience in epochs
 * @param validationShare share of the training cities held out for LSTM early stopping
 * @param ridgeAlpha     ridge penalty on standardised features
 * @param folds          folds of the city split and of the random row split
 * @param timeOrigins    origin years of the time split (empty: the last four possible)
 * @param targetForm     what ridge, the networks and the boosted trees predict: the level, or the change from last year
 */
public record MobilitySettings(ColumnScreen.Settings columns, int neighbours, double maxMissing, int window,
                               int fnnEpochs, int lstmMaxEpochs, int batchSize, double learningRate, int patience,
                               double validationShare, double ridgeAlpha, int folds, int[] timeOrigins, long seed,
                               List<ModelKind> models, List<SplitScheme> splits, TargetForm targetForm) {

    public static final String TARGET_DEFAULT = "Population_mobility_rate";
    public static final String ID_DEFAULT = "Cityid";
    public static final String YEAR_DEFAULT = "year";

    public MobilitySettings {
        check(neighbours >= 1, "--neighbours must be >= 1, got " + neighbours);
        check(maxMissing >= 0 && maxMissing < 1, "--max-missing must be in [0, 1), got " + maxMissing);
        check(window >= 1, "--window must be >= 1, got " + window);
        check(fnnEpochs >= 1 && lstmMaxEpochs >= 1, "epochs must be >= 1");
        check(batchSize >= 1, "--batch-size must be >= 1, got " + batchSize);
        check(learningRate > 0, "--learning-rate must be > 0, got " + learningRate);
        check(patience >= 1, "--patience must be >= 1, got " + patience);
        check(validationShare > 0 && validationShare < 1, "--validation-share must be in (0, 1), got " + validationShare);
        check(ridgeAlpha > 0, "--ridge-alpha must be > 0, got " + ridgeAlpha);
        check(folds >= 2, "--folds must be >= 2, got " + folds);
        check(!models.isEmpty() && !splits.isEmpty(), "choose at least one model and one split");
        check(targetForm != null, "choose a target form");
        timeOrigins = timeOrigins.clone();
        models = List.copyOf(models);
        splits = List.copyOf(splits);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Seed 000's column layout with every default (the level form, as the source paper). */
    public static MobilitySettings defaults() {
        return new MobilitySettings(new ColumnScreen.Settings(TARGET_DEFAULT, ID_DEFAULT, YEAR_DEFAULT, ColumnScreen.NAMED_DEFAULT,
                ColumnScreen.DEFINITION_DEFAULT, ColumnScreen.THRESHOLD_DEFAULT), 5, 0.5, 5, 50, 100, 32, 0.001, 10, 0.2, 1.0,
                5, new int[0], 42, List.of(ModelKind.values()), List.of(SplitScheme.values()), TargetForm.LEVEL);
    }

    public MobilitySettings withModels(List<ModelKind> m) {
        return new MobilitySettings(columns, neighbours, maxMissing, window, fnnEpochs, lstmMaxEpochs, batchSize, learningRate,
                patience, validationShare, ridgeAlpha, folds, timeOrigins, seed, m, splits, targetForm);
    }

    public MobilitySettings withSplits(List<SplitScheme> sp) {
        return new MobilitySettings(columns, neighbours, maxMissing, window, fnnEpochs, lstmMaxEpochs, batchSize, learningRate,
                patience, validationShare, ridgeAlpha, folds, timeOrigins, seed, models, sp, targetForm);
    }

    /** Shorter training, e.g. for tests: epochs of the FNN, epoch limit and patience of the LSTM, the window. */
    public MobilitySettings withTraining(int fnn, int lstm, int patienceEpochs, int windowYears) {
        return new MobilitySettings(columns, neighbours, maxMissing, windowYears, fnn, lstm, batchSize, learningRate,
                patienceEpochs, validationShare, ridgeAlpha, folds, timeOrigins, seed, models, splits, targetForm);
    }

    public MobilitySettings withFolds(int k, int[] origins) {
        return new MobilitySettings(columns, neighbours, maxMissing, window, fnnEpochs, lstmMaxEpochs, batchSize, learningRate,
                patience, validationShare, ridgeAlpha, k, origins, seed, models, splits, targetForm);
    }

    public MobilitySettings withColumns(ColumnScreen.Settings c) {
        return new MobilitySettings(c, neighbours, maxMissing, window, fnnEpochs, lstmMaxEpochs, batchSize, learningRate,
                patience, validationShare, ridgeAlpha, folds, timeOrigins, seed, models, splits, targetForm);
    }

    public MobilitySettings withTargetForm(TargetForm form) {
        return new MobilitySettings(columns, neighbours, maxMissing, window, fnnEpochs, lstmMaxEpochs, batchSize, learningRate,
                patience, validationShare, ridgeAlpha, folds, timeOrigins, seed, models, splits, form);
    }

    public NetworkRegressor.Training fnnTraining(long runSeed) {
        return new NetworkRegressor.Training(fnnEpochs, batchSize, learningRate, patience, runSeed);
    }

    public NetworkRegressor.Training lstmTraining(long runSeed) {
        return new NetworkRegressor.Training(lstmMaxEpochs, batchSize, learningRate, patience, runSeed);
    }
}
