package org.popcast.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.pinn.PinnModelFile;
import org.popcast.models.pinn.PinnPredictor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Evaluate a trained PDE network (a model directory written by 'popcast pde train') without retraining.",
                "With --age and --year: a CSV table (age,year,density) on standard output (or --out -) or --out FILE.csv.",
                "Without them: density, births and population on the --age-step x --time-step grid, to --out FILE.h5.",
                "A parametric model (pde train --parametric) needs --set NAME=VALUE for each of its parameters."},
        footer = {"", "Examples:", "  popcast pde predict --model pinn.model --age 0,10,25 --year 2030,2054",
                "  popcast pde predict --model pinn.model --age-step 1 --time-step 1 --out grid.h5",
                "  popcast pde predict --model surrogate.model --set fertility_scale=1.1 --age 0 --year 2054"})
public final class PdePredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (or its model.h5).")
    Path model;

    @Option(names = "--age", split = ",", paramLabel = "AGE", description = "Ages (years), comma separated.")
    double[] ages;

    @Option(names = "--year", split = ",", paramLabel = "YEAR", description = "Years, comma separated.")
    double[] years;

    @Option(names = "--set", split = ",", paramLabel = "NAME=VALUE",
            description = "A parametric model's member, e.g. fertility_scale=1.1 (one per parameter it was trained over).")
    List<String> set;

    @Option(names = "--extrapolate", fallbackValue = ConfigOption.FLAG_IS_TRUE,
            description = "Evaluate a --set value outside the trained range (with a warning) instead of refusing it.")
    boolean extrapolate;

    /** Names of HDF5 files, the format of a grid prediction. */
    private static final java.util.regex.Pattern HDF5_NAME = java.util.regex.Pattern.compile("(?i).*\\.(h5|hdf5|nc)$");

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Output: .csv or - (standard output, the default) for --age/--year, .h5 for a grid.")
    Path out;

    @Mixin
    GridOptions gridOptions;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((ages == null) != (years == null)) {
            throw new ParameterException(spec.commandLine(), "give both --age and --year, or neither (for a grid)");
        }
        // the extension decides the format, so a CSV never lands in x.h5 nor HDF5 in x.csv
        if (ages != null && out != null && HDF5_NAME.matcher(out.toString()).matches()) {
            throw new ParameterException(spec.commandLine(), "--age/--year write a CSV table: give --out a .csv name or - (standard output), not " + out);
        }
        if (ages == null && OutputFiles.isStdout(out)) {
            throw new ParameterException(spec.commandLine(), "a grid prediction is an HDF5 file, which is binary: give --out FILE.h5, not -"
                    + " (--age/--year write a CSV table to standard output)");
        }
        if (ages == null && out != null && !HDF5_NAME.matcher(out.toString()).matches()) {
            throw new ParameterException(spec.commandLine(), "a grid prediction is an HDF5 file: give --out a .h5 name, not " + out
                    + " (--age/--year write a CSV table)");
        }
        try (OutputFiles outputs = config.outputs().input("--model", model)) {
            if (ages != null) {
                // without --out the table goes to standard output, as with --out -
                out = outputs.text("--out", out == null ? Path.of(OutputFiles.STDOUT) : out);
            } else {
                outputs.file("--out", out);
            }
            return predict(outputs, PinnModelFile.read(model));
        }
    }

    /** The member --set names, checked against the model's parametric ranges (usage errors in one line). */
    private double[] member(PinnModelFile.Loaded m) {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (String item : set == null ? List.<String>of() : set) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new ParameterException(spec.commandLine(), "--set '" + item + "': expected NAME=VALUE, e.g. fertility_scale=1.1");
            }
            String name = item.substring(0, eq).trim();
            double value;
            try {
                value = Double.parseDouble(item.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--set '" + item + "': the value must be a number");
            }
            if (values.put(name, value) != null) {
                throw new ParameterException(spec.commandLine(), "--set " + name + " is given twice");
            }
        }
        try {
            double[] member = m.settings().parametric().member(values, extrapolate);
            if (m.settings().parametric().outside(member)) {
                spec.commandLine().getErr().println("popcast pde predict: warning: " + m.settings().parametric().label(member)
                        + " lies outside the trained range " + m.settings().parametric() + "; the surrogate is extrapolating");
                spec.commandLine().getErr().flush();
            }
            return member;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int predict(OutputFiles outputs, PinnModelFile.Loaded m) throws Exception {
        try (PinnPredictor predictor = new PinnPredictor(m.scenario().problem(), m.settings(), m.weights(), member(m))) {
            if (ages != null) {
                return table(predictor, m, outputs);
            }
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "a grid prediction needs --out FILE.h5");
            }
            ExactSolveRun.Grid grid = gridOptions.grid(spec, List.of(m.scenario()));
            double[] times = ExactSolveRun.times(m.scenario(), grid), gridAges = ExactSolveRun.ages(m.scenario(), grid);
            NetcdfDataset ds = predictor.gridDataset(m.scenario(), times, gridAges, Provenance.of(PopcastCommand.commandLine(spec)), model);
            outputs.write(out, NetcdfWriter.writer(ds));
            outputs.commit();
            spec.commandLine().getOut().printf("%d times x %d ages -> %s%n", times.length, gridAges.length, out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private int table(PinnPredictor predictor, PinnModelFile.Loaded m, OutputFiles outputs) throws java.io.IOException {
        double lo = m.scenario().problem().startYear(), hi = m.scenario().problem().endYear(), maxAge = m.scenario().problem().maxAge();
        double[] a = new double[ages.length * years.length], t = new double[a.length];
        int n = 0;
        for (double year : years) {
            if (!(year >= lo && year <= hi)) {
                throw new ParameterException(spec.commandLine(), "--year " + year + " is outside the model's window " + lo + " .. " + hi);
            }
            for (double age : ages) {
                if (!(age >= 0 && age <= maxAge)) {
                    throw new ParameterException(spec.commandLine(), "--age " + age + " is outside 0 .. " + maxAge);
                }
                a[n] = age;
                t[n++] = year;
            }
        }
        double[] p = predictor.density(a, t);
        StringBuilder csv = new StringBuilder("age,year,density\n");
        for (int i = 0; i < n; i++) {
            org.popcast.data.io.CsvText.appendRow(csv, a[i], t[i], p[i]);
        }
        outputs.write(out, tmp -> java.nio.file.Files.writeString(tmp, csv));
        outputs.commit();
        return 0;
    }
}
