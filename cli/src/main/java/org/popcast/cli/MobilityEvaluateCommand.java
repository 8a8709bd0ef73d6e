package org.popcast.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.data.io.AtomicFile;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.train.Progress;
import org.popcast.models.mobility.EvaluationReport;
import org.popcast.models.mobility.MobilityEvaluation;
import org.popcast.models.mobility.MobilitySettings;
import org.popcast.models.mobility.ModelKind;
import org.popcast.models.mobility.SkillComparison;
import org.popcast.models.mobility.SplitScheme;
import org.popcast.models.mobility.TargetForm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "evaluate",
        header = "Score every regressor and baseline on leakage-free folds, with paired tests.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Score FNN, LSTM, gradient-boosted trees and the baselines (training mean, last year's value, ridge) on grouped k-fold by city,",
                "one-year-ahead time folds, and the source paper's random row split (LEAKY, for comparison only).",
                "Writes metrics.md, metrics.csv, summary.csv, paired_tests.csv, folds.csv, predictions.csv and evaluation.h5 to --out."},
        footer = {"", "Scaler, KNN imputer, column screen and early stopping see only each fold's training rows.",
                "Example: popcast mobility evaluate --out eval/"})
public final class MobilityEvaluateCommand implements Callable<Integer> {

    @Mixin
    MobilityOptions options;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds of the city and random splits (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--time-origins", paramLabel = "YEAR", split = ",",
            description = "Origin years of the time split: train up to each, test the next year (default: the last four possible).")
    int[] origins;

    @Option(names = "--models", completionCandidates = Candidates.MobilityModels.class, paramLabel = "MODEL", split = ",", defaultValue = "mean,last_year,drift,ridge,fnn,lstm,gbt,damped,ridge_cv",
            description = "Models to score (default ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--splits", completionCandidates = Candidates.Splits.class, paramLabel = "SPLIT", split = ",", defaultValue = "city,time,random_rows",
            description = "Splits (default ${DEFAULT-VALUE}).")
    List<String> splits;

    @Option(names = "--target-form", completionCandidates = Candidates.TargetForms.class, paramLabel = "FORM", defaultValue = "change",
            description = {"What ridge, fnn, lstm and gbt predict (default ${DEFAULT-VALUE}): 'change' = the change from last year's value,",
                    "with last year's target and features (same city, year before) as inputs; 'level' = the target from the year's features."})
    String targetForm;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = {"Folds fitted at once (default ${DEFAULT-VALUE}: one per core, at most the folds). The results do not depend on it:",
                    "every fold has its own seed and models, and the boosted trees run one thread each."})
    int threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "mobility-evaluation", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<ModelKind> kinds;
        List<SplitScheme> schemes;
        TargetForm form;
        try {
            form = TargetForm.ofKey(targetForm);
            kinds = models.stream().map(ModelKind::ofKey).toList();
            schemes = splits.stream().map(SplitScheme::ofKey).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 0 (0: one per core), got " + threads);
        }
        MobilitySettings settings = options.settings(spec, folds, origins == null ? new int[0] : origins, kinds, schemes).withTargetForm(form);
        try (OutputFiles outputs = config.outputs().input("--table", options.table)) {
            outputs.directory("--out", out);
            return evaluate(settings, outputs);
        }
    }

    private int evaluate(MobilitySettings settings, OutputFiles outputs) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = PopcastCommand.progress(spec);
        MobilityEvaluation.Result result = MobilityEvaluation.run(options.readTable(), settings, line -> {
            progress.clearLine();
            stdout.println(line);
            stdout.flush();
        }, progress, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        EvaluationReport report = new EvaluationReport(result);
        outputs.write(out.resolve("metrics.md"), text(report.markdown()));
        outputs.write(out.resolve("metrics.csv"), text(report.summaryCsv()));
        outputs.write(out.resolve("summary.csv"), text(report.wideSummaryCsv()));
        outputs.write(out.resolve("paired_tests.csv"), text(SkillComparison.csv(report.pairedTests())));
        outputs.write(out.resolve("folds.csv"), text(report.foldsCsv()));
        outputs.write(out.resolve("predictions.csv"), text(report.predictionsCsv()));
        outputs.write(out.resolve("evaluation.h5"), NetcdfWriter.writer(report.dataset(Provenance.of(PopcastCommand.commandLine(spec)))));
        outputs.commit();
        for (String v : report.verdicts()) {
            stdout.println(v);
        }
        stdout.printf("%d folds in %.1f s -> %s (metrics.md, metrics.csv, summary.csv, paired_tests.csv, folds.csv, predictions.csv, evaluation.h5)%n",
                result.folds().size(), result.seconds(), out);
        stdout.flush();
        return 0;
    }

    static void writeText(Path target, String text) throws IOException {
        AtomicFile.write(target, text(text));
    }

    static AtomicFile.IoAction<Path> text(String text) {
        return tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8);
    }
}
