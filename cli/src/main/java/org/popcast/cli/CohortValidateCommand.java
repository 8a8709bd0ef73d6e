package org.popcast.cli;

import java.io.PrintWriter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputFiles;
import org.popcast.data.input.InputFolder;
import org.popcast.data.io.CsvTableWriter;
import org.popcast.data.io.ParquetTableWriter;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.cohort.Validation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        header = "Compare a projection's totals with observed totals: APE and PE per region and level.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Compare a projection's total population with observed totals: APE and PE per region; per level the",
                "mean APE and PE and the share of regions under 5 %% and 10 %% APE (also weighted by population)."},
        footer = {"", "Without --observed: the 2020 census shipped with the china-cities input (cities, provinces, nation).",
                "Example: popcast cohort validate --projection cohort-projection.h5 --year 2020"})
public final class CohortValidateCommand implements Callable<Integer> {

    @Option(names = "--projection", paramLabel = "FILE.h5", required = true, description = "A result of popcast cohort project.")
    Path projection;

    @Option(names = "--observed", paramLabel = "CSV", description = "Observed totals: columns region,population.")
    Path observed;

    @Option(names = "--year", paramLabel = "YEAR", defaultValue = "2020", description = "Year compared (default ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario compared, in short form when unambiguous (medium for medium-medium; default: the central one).")
    String scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.h5", defaultValue = "cohort-validation.h5",
            description = "HDF5 with ape(region), pe(region) (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the per-region errors as CSV (- for standard output).")
    Path csv;

    @Option(names = "--parquet", paramLabel = "FILE.parquet", description = "Also write the per-region errors as Parquet.")
    Path parquet;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (OutputFiles outputs = config.outputs().input("--projection", projection).input("--observed", observed)) {
            outputs.file("--out", out);
            outputs.text("--csv", csv);
            outputs.file("--parquet", parquet);
            return validate(outputs);
        }
    }

    private int validate(OutputFiles outputs) throws Exception {
        CsvTable table;
        String source;
        if (observed != null) {
            source = observed.toString();
            table = CsvTable.parse(source, InputFiles.readString(observed));
        } else {
            InputFolder shipped = InputFolder.builtin("cohort/china-cities");
            source = shipped.name("observed-2020.csv");
            table = shipped.csv("observed-2020.csv");
        }
        Validation v = Validation.run(projection, scenario, year, table);
        Provenance provenance = Provenance.of(PopcastCommand.commandLine(spec));
        outputs.write(out, NetcdfWriter.writer(v.dataset(provenance, source)));
        Map<String, String> metadata = new LinkedHashMap<>(provenance.attributes());
        if (csv != null) {
            outputs.write(csv, CsvTableWriter.writer(v.table(metadata)));
        }
        if (parquet != null) {
            outputs.write(parquet, ParquetTableWriter.writer(v.table(metadata)));
        }
        outputs.commit();
        // with --csv - the table is standard output; the report then goes to standard error
        PrintWriter report = outputs.usesStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        report.print(v.report());
        report.flush();
        return 0;
    }
}
