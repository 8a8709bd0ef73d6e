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
import org.popcast.models.mobility.TargetForm;
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
        description = {"Fit one model (ridge_cv, ridge, fnn or lstm) on every row with a target, exactly as `mobility evaluate` fits it",
                "on a fold (same seed, same model), and save it with its column list, scaler, KNN imputer and, in the change form,",
                "its lag structure in one HDF5 file, for `popcast mobility predict`. Prints the columns left out and why."},
        footer = {"", "The default (ridge_cv, change form) is the model that beats last year's value one year ahead in docs/mobility.md.",
                "Example: popcast mobility train --out mobility-model.h5"})
public final class MobilityTrainCommand implements Callable<Integer> {

    @Mixin
    MobilityOptions options;

    @Option(names = "--model", completionCandidates = Candidates.TrainableModels.class, paramLabel = "KIND", defaultValue = "ridge_cv",
            description = "ridge_cv (change form only), ridge, fnn or lstm (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--target-form", completionCandidates = Candidates.TargetForms.class, paramLabel = "FORM", defaultValue = "change",
            description = {"What the model predicts (default ${DEFAULT-VALUE}, as `mobility evaluate`): 'change' = the change from last year's",
                    "value, so predict needs the target of each city's year before; 'level' = the target from the year's features."})
    String targetForm;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "mobility-model.h5", description = "Model file (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelKind kind;
        TargetForm form;
        try {
            kind = ModelKind.ofKey(model);
            form = TargetForm.ofKey(targetForm);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!TrainedModel.saveable(kind)) {
            throw new ParameterException(spec.commandLine(), "--model must be ridge_cv, ridge, fnn or lstm, got " + model
                    + (kind == ModelKind.GBT ? " (the boosted trees are evaluated only)" : ""));
        }
        if (kind.alwaysChange() && form != TargetForm.CHANGE) {
            throw new ParameterException(spec.commandLine(), kind.key() + " predicts the change from last year's value: use --target-form change");
        }
        MobilitySettings s = options.settings(spec, 2, new int[0], List.of(kind), List.of(SplitScheme.CITY)).withTargetForm(form);
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
        stdout.printf("%s (%s form) trained on %d features in %.1f s -> %s%n", kind.key(), form.key(), m.preprocessor().columns().size(),
                (System.nanoTime() - started) / 1e9, out);
        stdout.flush();
        return 0;
    }
}
