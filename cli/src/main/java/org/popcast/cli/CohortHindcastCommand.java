package org.popcast.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.popcast.models.balance.ChinaCitySeries;
import org.popcast.models.cohort.CityForecast;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.Hindcast;
import org.popcast.models.cohort.HindcastBaselines;
import org.popcast.models.cohort.HindcastOutputs;
import org.popcast.models.cohort.HindcastTruth;
import org.popcast.models.cohort.ProjectionEngine;
import org.popcast.models.cohort.Scenario;
import org.popcast.models.cohort.ScenarioNames;
import org.popcast.models.cohort.ScenarioSet;

import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.stochastic.IntervalCoverage;
import org.popcast.models.cohort.stochastic.ProbabilisticProjection;
import org.popcast.models.cohort.stochastic.StochasticParameters;
import org.popcast.models.cohort.stochastic.StochasticSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "hindcast",
        header = "Launch the projection at the base year, project to the census year and score it beside naive baselines.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Launch the projection at L (the input's base year) with only the rate rows dated <= L, project to --year",
                "and score it and three naive baselines (national rate, city trend, persistence) against the census: national",
                "PE, provincial mean APE, cities under 5/10 %% APE (plain and population-weighted), cities of 5 M+, the ten",
                "worst cities, broad age shares. Records data_through and says whether the run is out of sample."},
        footer = {"", "Observed values, census totals: observed-YEAR.csv, observed-YEAR-ages.csv, census-national.csv of the input",
                "folder (the embedded china-cities has them) unless given. Example: popcast cohort hindcast --table hindcast.md"})
public final class CohortHindcastCommand implements Callable<Integer> {

    @Mixin
    CohortInputOptions inputOptions;

    @Option(names = "--year", paramLabel = "YEAR", defaultValue = "2020", description = "Year scored (default ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario projected, in short form when unambiguous (medium for medium-medium; default: the central one).")
    String scenario;

    @Option(names = "--engine", completionCandidates = Candidates.Engines.class, paramLabel = "stream|loop", defaultValue = "stream", description = "Projection engine"
            + " (default ${DEFAULT-VALUE}).")
    ProjectionEngine engine;

    @Option(names = "--observed", paramLabel = "CSV", description = "Observed totals region,population.")
    Path observed;

    @Option(names = "--observed-ages", paramLabel = "CSV", description = "Observed age shares region,age_0_14,age_15_59,"
            + "age_60_plus,age_65_plus (percent).")
    Path observedAges;

    @Option(names = "--census", paramLabel = "CSV", description = "National census totals year,population (the national-rate baseline).")
    Path census;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.h5", defaultValue = "cohort-hindcast.h5",
            description = "HDF5 result (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--table", paramLabel = "FILE.md", description = "Also write the comparison table as markdown (- for standard output).")
    Path table;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the scores, one row per method, as CSV (- for standard output).")
    Path csv;

    @Option(names = "--parquet", paramLabel = "FILE.parquet", description = "Also write the scores, one row per method, as Parquet.")
    Path parquet;

    @Option(names = "--trajectories", paramLabel = "N", arity = "0..1", fallbackValue = "1000",
            description = {"Also score a probabilistic hindcast: N trajectories (1000 if N is left out) around the scenario; reports",
                    "the share of cities, provinces and the nation inside their 80 %% and 95 %% intervals (docs/probabilistic.md)."})
    Integer trajectories;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the trajectories (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (trajectories != null && trajectories < 1) {
            throw new ParameterException(spec.commandLine(), "--trajectories must be >= 1, got " + trajectories);
        }
        if (inputOptions.horizon != null || inputOptions.baseYear != null) {
            throw new ParameterException(spec.commandLine(), "hindcast launches at the input's base year and runs to --year:"
                    + " --horizon and --base-year do not apply");
        }
        try (OutputFiles outputs = inputOptions.inputs(config.outputs()).input("--observed", observed)
                .input("--observed-ages", observedAges).input("--census", census)) {
            outputs.file("--out", out);
            outputs.text("--table", table);
            outputs.text("--csv", csv);
            outputs.file("--parquet", parquet);
            return hindcast(outputs);
        }
    }

    private int hindcast(OutputFiles outputs) throws Exception {
        CohortInput input = inputOptions.read(spec);
        InputFolder folder = inputOptions.folder(spec);
        Hindcast.launch(input, year); // checks --year before anything else is read
        List<Scenario> scenarios = ScenarioSet.resolve(input.settings().scenarios(), inputOptions.scenarioFolder(spec)).scenarios();
        Scenario chosen;
        try {
            chosen = scenarios.get(ScenarioNames.resolve(scenarios.stream().map(Scenario::name).toList(), scenario));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
        }
        CsvTable ages = observedAges != null || folder.exists("observed-" + year + "-ages.csv")
                ? csv(folder, observedAges, "observed-" + year + "-ages.csv") : null;
        HindcastTruth truth = HindcastTruth.read(input, year, csv(folder, observed, "observed-" + year + ".csv"), ages);
        List<CityForecast> baselines = List.of(
                HindcastBaselines.nationalRate(input, year, csv(folder, census, "census-national.csv")),
                HindcastBaselines.cityTrend(input, year, ChinaCitySeries.builtin(), ChinaCitySeries.SOURCE),
                HindcastBaselines.persistence(input));
        Hindcast.Result result = Hindcast.run(new Hindcast.Settings(year, engine, chosen), input, truth, baselines,
                PopcastCommand.progress(spec));
        HindcastOutputs files = new HindcastOutputs(result);
        ProbabilisticProjection probabilistic = null;
        IntervalCoverage coverage = null;
        if (trajectories != null) {
            ProjectionPlan central = new ProjectionPlan(result.launched(), List.of(chosen));
            StochasticParameters parameters = StochasticParameters.estimate(central, StochasticSettings.read(folder), folder);
            probabilistic = new ProbabilisticProjection(central, parameters, new ProbabilisticProjection.Settings(trajectories, seed,
                    IntervalCoverage.QUANTILES, year - result.launch(), false)).run(Runtime.getRuntime().availableProcessors(),
                    out, PopcastCommand.progress(spec));
            coverage = IntervalCoverage.of(result.launched(), probabilistic, truth);
        }
        ProbabilisticProjection p = probabilistic;
        IntervalCoverage c = coverage;
        String intervals = c == null ? "" : c.markdown(p);
        Provenance provenance = Provenance.of(PopcastCommand.commandLine(spec));
        outputs.write(out, NetcdfWriter.writer(files.dataset(provenance, b -> {
            if (c != null) {
                c.addTo(b, p);
            }
        })));
        if (table != null) {
            outputs.write(table, path -> java.nio.file.Files.writeString(path, files.markdown() + intervals));
        }
        Map<String, String> metadata = new LinkedHashMap<>(provenance.attributes());
        metadata.put("data_through", Integer.toString(result.dataThrough()));
        if (csv != null) {
            outputs.write(csv, CsvTableWriter.writer(files.table(metadata)));
        }
        if (parquet != null) {
            outputs.write(parquet, ParquetTableWriter.writer(files.table(metadata)));
        }
        outputs.commit();
        // with --table - or --csv - that table is standard output; the report then goes to standard error
        java.io.PrintWriter report = outputs.usesStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        report.print(files.report() + intervals);
        report.flush();
        return 0;
    }

    /** The file given on the command line, else the input folder's file of that name. */
    private static CsvTable csv(InputFolder folder, Path given, String name) {
        return given != null ? CsvTable.parse(given.toString(), InputFiles.readString(given)) : folder.csv(name);
    }
}
