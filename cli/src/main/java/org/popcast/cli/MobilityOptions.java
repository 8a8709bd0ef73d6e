package org.popcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.popcast.data.input.BuiltinData;
import org.popcast.models.mobility.FeatureTable;
import org.popcast.models.mobility.FeatureTableReader;
import org.popcast.models.mobility.ColumnScreen;
import org.popcast.models.mobility.MobilitySettings;
import org.popcast.models.mobility.ModelKind;
import org.popcast.models.mobility.SplitScheme;
import org.popcast.models.mobility.TargetForm;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The table, columns, leakage screen, preprocessing and training options shared by the mobility commands. */
final class MobilityOptions {

    static final String BUILTIN_TABLE = "china_city_features/Wan_stage5.csv";

    @Option(names = "--table", paramLabel = "FILE",
            description = "Feature table: CSV, or Arrow IPC (.arrow/.feather/.ipc). Default: the built-in city statistics table " + BUILTIN_TABLE + ".")
    Path table;

    @Option(names = "--target", paramLabel = "COLUMN", defaultValue = MobilitySettings.TARGET_DEFAULT,
            description = "Target column (default ${DEFAULT-VALUE}). Rows without a target are dropped, never imputed.")
    String target;

    @Option(names = "--id", paramLabel = "COLUMN", defaultValue = MobilitySettings.ID_DEFAULT, description = "City id column (default ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--year", paramLabel = "COLUMN", defaultValue = MobilitySettings.YEAR_DEFAULT, description = "Year column (default ${DEFAULT-VALUE}).")
    String year;

    @Option(names = "--exclude", paramLabel = "COLUMN", split = ",",
            description = "Columns that define the target, never used as features (default: ResidentsPop, RegisteredPop and the "
                    + "population counts of the built-in table). Give '--exclude=' for none.")
    List<String> exclude;

    @Option(names = "--definition", paramLabel = "COLUMN", split = ",",
            description = "Columns the target is computed from; features that reproduce them (alone or as a ratio or product of two) "
                    + "are dropped (default ResidentsPop,RegisteredPop where present).")
    List<String> definition;

    @Option(names = "--screen-threshold", paramLabel = "R", defaultValue = "0.99",
            description = "Correlation at which a column counts as an identity of a definition column (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--neighbours", paramLabel = "K", defaultValue = "5", description = "k of the KNN imputer (default ${DEFAULT-VALUE}, as the source paper).")
    int neighbours;

    @Option(names = "--max-missing", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Drop a feature missing in more than this share of the training rows (default ${DEFAULT-VALUE}).")
    double maxMissing;

    @Option(names = "--window", paramLabel = "YEARS", defaultValue = "5", description = "Years per LSTM input sequence (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--fnn-epochs", paramLabel = "N", defaultValue = "50", description = "FNN epochs (default ${DEFAULT-VALUE}, as the source paper).")
    int fnnEpochs;

    @Option(names = "--lstm-max-epochs", paramLabel = "N", defaultValue = "100",
            description = "LSTM epoch limit; early stopping usually ends sooner (default ${DEFAULT-VALUE}).")
    int lstmEpochs;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "10", description = "LSTM early-stopping patience (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--validation-share", paramLabel = "SHARE", defaultValue = "0.2",
            description = "Share of the training cities held out for LSTM early stopping (default ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--ridge-alpha", paramLabel = "ALPHA", defaultValue = "1.0",
            description = "Ridge penalty on standardised features (default ${DEFAULT-VALUE}).")
    double ridgeAlpha;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of splits, initial weights, shuffling and dropout (default ${DEFAULT-VALUE}).")
    long seed;

    FeatureTable readTable() {
        if (table != null) {
            return FeatureTableReader.read(table);
        }
        return FeatureTableReader.parseCsv("builtin:" + BUILTIN_TABLE, BuiltinData.text(BUILTIN_TABLE));
    }

    MobilitySettings settings(CommandSpec spec, int folds, int[] origins, List<ModelKind> models, List<SplitScheme> splits) {
        List<String> named = exclude == null ? ColumnScreen.NAMED_DEFAULT : clean(exclude);
        List<String> defs = definition == null ? ColumnScreen.DEFINITION_DEFAULT : clean(definition);
        if (!(threshold > 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--screen-threshold must be in (0, 1], got " + threshold);
        }
        try {
            return new MobilitySettings(new ColumnScreen.Settings(target, id, year, named, defs, threshold), neighbours, maxMissing, window,
                    fnnEpochs, lstmEpochs, batchSize, learningRate, patience, validationShare, ridgeAlpha, folds, origins, seed, models, splits,
                    TargetForm.LEVEL);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static List<String> clean(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!n.isBlank()) {
                out.add(n.trim());
            }
        }
        return out;
    }
}
