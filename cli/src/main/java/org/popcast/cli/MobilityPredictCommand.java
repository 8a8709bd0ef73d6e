package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.popcast.models.mobility.FeatureTable;
import org.popcast.models.mobility.EvaluationReport;
import org.popcast.models.mobility.Metrics;
import org.popcast.models.mobility.MobilityTable;
import org.popcast.models.mobility.ModelFile;
import org.popcast.models.mobility.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Apply a saved model to the city-years of a table; writes <id>,<year>,prediction (and the target",
                "where the table has it) as CSV. A table lacking a column the model needs is refused, naming the columns."})
public final class MobilityPredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model file written by `popcast mobility train`.")
    Path model;

    @Option(names = "--table", paramLabel = "FILE", description = "Table to predict (default: the built-in city statistics table).")
    Path table;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "mobility-predictions.csv", description = "Output CSV (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (org.popcast.data.io.OutputFiles outputs = new org.popcast.data.io.OutputFiles().input("--model", model).input("--table", table)) {
            outputs.file("--out", out);
        }
        TrainedModel m = ModelFile.read(model);
        MobilityOptions source = new MobilityOptions();
        source.table = table;
        FeatureTable ft = source.readTable();
        String target = ft.isNumeric(m.columns().target()) ? m.columns().target() : null;
        MobilityTable t = MobilityTable.of(ft, target, m.columns().id(), m.columns().year(), m.preprocessor().columns());
        double[] p = m.predict(t);
        StringBuilder b = new StringBuilder(m.columns().id() + "," + m.columns().year() + ",prediction" + (target == null ? "" : "," + target) + "\n");
        for (int i = 0; i < t.rowCount(); i++) {
            b.append(String.format(Locale.ROOT, "%s,%d,%.17g", EvaluationReport.csvCell(t.city(i)), t.year(i), p[i]));
            if (target != null) {
                b.append(Double.isNaN(t.target(i)) ? "," : String.format(Locale.ROOT, ",%.17g", t.target(i)));
            }
            b.append('\n');
        }
        MobilityEvaluateCommand.writeText(out, b.toString());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%s model: %d predictions -> %s%n", m.kind().key(), t.rowCount(), out);
        if (target != null && t.targetRows().length > 0) {
            int[] rows = t.targetRows();
            double[] y = new double[rows.length], q = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = t.target(rows[i]);
                q[i] = p[rows[i]];
            }
            Metrics s = Metrics.of(y, q);
            stdout.printf(Locale.ROOT, "against the table's %s (%d rows; in-sample if these rows trained the model): MSE %.4g, MAE %.4g, R^2 %.4f%n",
                    target, rows.length, s.mse(), s.mae(), s.r2());
        }
        stdout.flush();
        return 0;
    }
}
