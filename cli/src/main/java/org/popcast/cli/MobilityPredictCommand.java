package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.popcast.models.mobility.Metrics;
import org.popcast.models.mobility.Predictions;
import org.popcast.models.mobility.ModelFile;
import org.popcast.models.mobility.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict",
        header = "Apply a saved mobility model to the city-years of a table.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Apply a saved model to the city-years of a table; writes <id>,<year>,prediction (and the target",
                "where the table has it) as CSV. A table lacking a column the model needs is refused, naming the columns.",
                "A change-form model (the default of `mobility train`) predicts y_t = y_{t-1} + its predicted change and reads",
                "y_{t-1} from the table's target column; a row whose city has no target the year before gets the training mean",
                "plus the predicted change instead. The column basis says which: last_year or training_mean."})
public final class MobilityPredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model file written by `popcast mobility train`.")
    Path model;

    @Option(names = "--table", paramLabel = "FILE", description = "Table to predict (default: the built-in city statistics table).")
    Path table;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "mobility-predictions.csv", description = "Output CSV, or - for standard output (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (org.popcast.data.io.OutputFiles outputs = PopcastCommand.outputs(spec).input("--model", model).input("--table", table)) {
            outputs.text("--out", out);
            TrainedModel m = ModelFile.read(model);
            MobilityOptions source = new MobilityOptions();
            source.table = table;
            Predictions p = Predictions.of(m, source.readTable());
            outputs.write(out, MobilityEvaluateCommand.text(p.csv()));
            outputs.commit();
            // with --out - the table is standard output; the report then goes to standard error
            report(outputs.usesStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut(), m, p);
        }
        return 0;
    }

    private void report(PrintWriter stdout, TrainedModel m, Predictions p) {
        stdout.printf("%s model (%s form): %d predictions -> %s%n", m.kind().key(), m.form().key(), p.table().rowCount(), out);
        if (p.basis() != null) {
            stdout.printf("%d from last year's value, %d from the training mean (no target the year before)%n", p.fromLastYear(),
                    p.table().rowCount() - p.fromLastYear());
        }
        Metrics s = p.againstTarget();
        if (s != null) {
            stdout.printf(Locale.ROOT, "against the table's %s (%d rows; in-sample if these rows trained the model): MSE %.4g, MAE %.4g, R^2 %.4f%n",
                    p.target(), p.table().targetRows().length, s.mse(), s.mae(), s.r2());
        }
        stdout.flush();
    }
}
