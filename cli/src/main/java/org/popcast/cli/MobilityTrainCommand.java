package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.train.Progress;
import org.popcast.models.mobility.ColumnScreen;
import org.popcast.models.mobility.MobilityEvaluation;
import org.popcast.models.mobility.MobilitySettings;
import org.popcast.models.mobility.ModelFile;
import org.popcast.models.mobility.ModelKind;
import org.popcast.models.mobility.SplitScheme;
import org.popcast.models.mobility.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train",
        header = "Fit one mobility model on every row with a target and save it.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Fit one model (fnn, lstm or ridge) on every row with a target and save it with its column list,",
                "scaler and KNN imputer in one HDF5 file, for `popcast mobility predict`. Prints the columns left out and why."})
public final class MobilityTrainCommand implements Callable<Integer> {

    @Mixin
    MobilityOptions options;

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "fnn", description = "fnn, lstm or ridge (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "mobility-model.h5", description = "Model file (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelKind kind;
        try {
            kind = ModelKind.ofKey(model);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (kind != ModelKind.RIDGE && !kind.isNetwork()) {
            throw new ParameterException(spec.commandLine(), "--model must be fnn, lstm or ridge, got " + model);
        }
        MobilitySettings s = options.settings(spec, 2, new int[0], List.of(kind), List.of(SplitScheme.CITY));
        try (var outputs = config.outputs().input("--table", options.table)) {
            outputs.file("--out", out);
        }
        long started = System.nanoTime();
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(options.readTable(), s);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%s: %d rows with a target (of %d city-years); columns left out:%n", p.table().source(),
                p.table().targetRows().length, p.table().rowCount());
        for (ColumnScreen.Dropped d : p.screen().dropped()) {
            stdout.printf("  %s: %s%n", d.column(), d.reason());
        }
        stdout.flush();
        Progress progress = PopcastCommand.progress(spec);
        TrainedModel m = TrainedModel.train(p, kind, s, progress);
        ModelFile.write(out, m, Provenance.of(PopcastCommand.commandLine(spec)));
        progress.clearLine();
        stdout.printf("%s trained on %d features in %.1f s -> %s%n", kind.key(), m.preprocessor().columns().size(),
                (System.nanoTime() - started) / 1e9, out);
        stdout.flush();
        return 0;
    }
}
