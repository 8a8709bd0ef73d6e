package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.data.io.ArrowWriter;
import org.popcast.data.io.BitRound;
import org.popcast.data.io.CsvTableWriter;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.data.io.ParquetTableWriter;
import org.popcast.data.io.TidyTable;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.ProjectionOutputs;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ProjectionResult;
import org.popcast.models.cohort.ResultStorage;
import org.popcast.models.cohort.Projector;
import org.popcast.models.cohort.Scenario;
import org.popcast.models.cohort.ScenarioSet;
import org.popcast.models.cohort.stochastic.ProbabilisticProjection;
import org.popcast.models.cohort.stochastic.StochasticParameters;
import org.popcast.models.cohort.stochastic.StochasticSettings;
import org.popcast.models.cohort.stochastic.SummaryShape;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "project", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Cohort-component projection of every region x scenario x sex x age, scenarios over all cores.",
                "Writes population, births, deaths and net migration (also by age), TFR and life-table summaries for the",
                "projected regions, their provinces and nation to a netCDF-4 compatible HDF5 file; optionally long tables",
                "as Arrow IPC (Feather v2) and CSV."},
        footer = {"", "Without --input the embedded China input runs (356 cities, 2010 census base, the source paper's 15 scenarios,",
                "2010-2100: a minute or two and a 1 GB file, mostly writing); see docs/cohort.md.",
                "Example: popcast cohort project --builtin china-national --step 5 --out cn.h5"})
public final class CohortProjectCommand implements Callable<Integer> {

    @Mixin
    CohortInputOptions inputOptions;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.h5", defaultValue = "cohort-projection.h5",
            description = "HDF5 result (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--arrow", paramLabel = "DIR|FILE.arrow",
            description = {"Also write the long tables as Arrow IPC (Feather v2) into DIR: population, components, indicators,",
                    "flows_by_age (.arrow). A path ending in .arrow, .feather or .ipc receives the population table only."})
    Path arrow;

    @Option(names = "--csv", paramLabel = "DIR",
            description = "Also write population.csv, components.csv, indicators.csv and flows_by_age.csv (long tables) into DIR.")
    Path csv;

    @Option(names = "--parquet", paramLabel = "DIR",
            description = "Also write the long tables as Parquet (population, components, indicators, flows_by_age .parquet) into DIR.")
    Path parquet;

    @Option(names = "--engine", paramLabel = "stream|loop|spark", defaultValue = "stream",
            completionCandidates = TrajectoryEngineOptions.Choices.class,
            description = "stream: plain Java streaming year slabs, scenarios over all cores (default);"
                    + " loop: plain Java, one cell at a time (the reference); spark: scenarios as stream, the --trajectories"
                    + " on Apache Spark (popcast-spark.jar, docs/spark.md).")
    String engine;

    @Mixin
    TrajectoryEngineOptions trajectoryEngine;

    @Option(names = "--trajectories", paramLabel = "N", arity = "0..1", fallbackValue = "1000",
            description = {"Also make a probabilistic projection: N trajectories (1000 if N is left out) of stochastic TFR, e0 and",
                    "migration around one scenario (--stochastic-scenario), reduced to quantiles (docs/probabilistic.md)."})
    Integer trajectories;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the trajectories' random numbers (default ${DEFAULT-VALUE}); the same seed gives the same numbers.")
    long seed;

    @Option(names = "--quantiles", paramLabel = "P,P,...", split = ",", defaultValue = "0.025,0.1,0.5,0.9,0.975",
            description = "Probabilities of the quantiles over trajectories (default ${DEFAULT-VALUE}).")
    List<Double> quantiles;

    @Option(names = "--quantile-every", paramLabel = "YEARS", defaultValue = "5",
            description = "Quantiles by sex and age every YEARS years from the base year, and the last (default ${DEFAULT-VALUE}).")
    int quantileEvery;

    @Option(names = "--keep-trajectories", fallbackValue = ConfigOption.FLAG_IS_TRUE,
            description = "Also write every trajectory's totals (population_total_trajectory).")
    boolean keepTrajectories;

    @Option(names = "--stochastic-scenario", paramLabel = "NAME",
            description = "The scenario the trajectories move around, in short form when unambiguous (default: the central one, medium-medium).")
    String stochasticScenario;

    @Option(names = "--significant-digits", paramLabel = "N",
            description = {"Round the HDF5 file's values to N significant decimal digits (1-15; BitRound to ceil(N log2 10) bits,",
                    "recorded as CF quantization): a smaller file, still float64. Default: every digit kept."})
    Integer significantDigits;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (significantDigits != null && (significantDigits < 1 || significantDigits > 15)) {
            throw new ParameterException(spec.commandLine(), "--significant-digits must be 1 .. 15, not " + significantDigits);
        }
        Projector projector = TrajectoryEngineOptions.deterministic(engine, spec).projector();
        trajectoryEngine.find(engine, trajectories, spec);
        try (OutputFiles outputs = inputOptions.inputs(config.outputs())) {
            outputs.file("--out", out);
            if (populationOnly(arrow)) {
                outputs.file("--arrow", arrow);
            } else {
                outputs.directory("--arrow", arrow);
            }
            outputs.directory("--csv", csv);
            outputs.directory("--parquet", parquet);
            return project(projector, outputs);
        }
    }

    /** The long tables of a projection by file name (formats.md). */
    private static Map<String, TidyTable> tables(ProjectionOutputs outputs, Map<String, String> metadata) {
        Map<String, TidyTable> tables = new LinkedHashMap<>();
        tables.put("population", outputs.populationTable(metadata));
        tables.put("components", outputs.componentsTable(metadata));
        tables.put("indicators", outputs.indicatorsTable(metadata));
        tables.put("flows_by_age", outputs.flowsByAgeTable(metadata));
        return tables;
    }

    /** An --arrow path naming one Arrow file (format 1.0's population-only table) rather than a folder. */
    private static boolean populationOnly(Path arrow) {
        String name = arrow == null ? "" : arrow.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".arrow") || name.endsWith(".feather") || name.endsWith(".ipc");
    }

    private int project(Projector projector, OutputFiles files) throws Exception {
        long started = System.nanoTime();
        CohortInput input = inputOptions.read(spec);
        ScenarioSet scenarios = ScenarioSet.resolve(input.settings().scenarios(), inputOptions.scenarioFolder(spec));
        // a large result keeps its population and flows by age in scratch files beside --out; closing deletes them, failed run or not
        try (ResultStorage storage = ResultStorage.beside(out)) {
            ProjectionPlan plan = new ProjectionPlan(input, scenarios.scenarios(), storage);
            Progress progress = PopcastCommand.progress(spec);
            ProbabilisticProjection prepared = trajectories == null ? null : probabilistic(input, plan);
            try (ProjectionResult result = projector.run(plan, progress)) {
                return write(projector, files, started, input, scenarios, plan, progress, prepared, result);
            }
        }
    }

    private int write(Projector projector, OutputFiles files, long started, CohortInput input, ScenarioSet scenarios, ProjectionPlan plan,
            Progress progress, ProbabilisticProjection prepared, ProjectionResult result) throws Exception {
        ProbabilisticProjection probabilistic = prepared == null ? null : run(prepared, scenarios, progress);
        long projected = System.nanoTime();
        // summing the provinces and nation and compressing the file take most of a large run
        progress.message("writing " + out + (arrow == null ? "" : ", " + arrow) + (csv == null ? "" : ", " + csv)
                + (parquet == null ? "" : ", " + parquet));
        Provenance provenance = Provenance.of(PopcastCommand.commandLine(spec));
        ProjectionOutputs outputs = new ProjectionOutputs(plan, result, projector.name());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("projection_yaml", inputOptions.folder(spec).text("projection.yaml"));
        texts.put("scenario_yaml", scenarios.source());
        if (probabilistic != null) {
            texts.put("stochastic_yaml", inputOptions.folder(spec).text(StochasticSettings.FILE));
        }
        files.write(out, NetcdfWriter.writer(outputs.dataset(provenance, texts, b -> {
            if (probabilistic != null) {
                probabilistic.addTo(b);
            }
            if (significantDigits != null) {
                b.quantize(BitRound.bitsForDigits(significantDigits), "popcast " + Provenance.version() + " --significant-digits "
                        + significantDigits);
            }
        })));
        Map<String, String> metadata = new LinkedHashMap<>(provenance.attributes());
        metadata.put("format_version", ProjectionOutputs.FORMAT_VERSION);
        metadata.put("input", input.source());
        metadata.put("data_through", Integer.toString(input.dataThrough()));
        if (populationOnly(arrow)) {
            files.write(arrow, ArrowWriter.writer(outputs.populationTable(metadata)));
        } else if (arrow != null) {
            for (Map.Entry<String, TidyTable> t : tables(outputs, metadata).entrySet()) {
                files.write(arrow.resolve(t.getKey() + ".arrow"), ArrowWriter.writer(t.getValue()));
            }
        }
        if (csv != null) {
            for (Map.Entry<String, TidyTable> t : tables(outputs, metadata).entrySet()) {
                files.write(csv.resolve(t.getKey() + ".csv"), CsvTableWriter.writer(t.getValue()));
            }
        }
        if (parquet != null) {
            for (Map.Entry<String, TidyTable> t : tables(outputs, metadata).entrySet()) {
                files.write(parquet.resolve(t.getKey() + ".parquet"), ParquetTableWriter.writer(t.getValue()));
            }
        }
        files.commit();
        PrintWriter stdout = spec.commandLine().getOut();
        int last = result.years().length - 1;
        stdout.printf("%d scenarios x %d regions (%d projected) x 2 sexes x %d ages, %d steps of %d years (%s): %.2f s projection,"
                        + " %.2f s total -> %s%n", result.scenarios(), outputs.regions().size(), result.leaves(), result.ages(),
                last, input.settings().step(), projector.name(), (projected - started) / 1e9, (System.nanoTime() - started) / 1e9, out);
        // the central scenario (medium-medium) is what a reader means by "the projection"
        int central = ScenarioSet.central(plan.scenarios().stream().map(org.popcast.models.cohort.Scenario::name).toList());
        double[] first = outputs.totals(central, 0), end = outputs.totals(central, last);
        for (int r = 0; r < outputs.regions().size(); r++) {
            if (!outputs.regions().get(r).parent().isEmpty()) {
                continue;
            }
            stdout.printf("%s (%s), scenario %s: %.6g in %d -> %.6g in %d%n", outputs.regions().get(r).code(),
                    outputs.regions().get(r).name(), plan.scenarios().get(central).name(), first[r], result.years()[0], end[r], result.years()[last]);
        }
        if (probabilistic != null) {
            printIntervals(stdout, outputs, probabilistic);
        }
        stdout.flush();
        return 0;
    }

    /**
     * The trajectories around the chosen scenario, set up (options checked, stochastic.yaml read,
     * parameters estimated) before any projection runs, so bad options cost no work.
     */
    private ProbabilisticProjection probabilistic(CohortInput input, ProjectionPlan plan) {
        List<String> names = plan.scenarios().stream().map(Scenario::name).toList();
        String name;
        try {
            name = org.popcast.models.cohort.ScenarioNames.name(names, stochasticScenario);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--stochastic-scenario: " + e.getMessage());
        }
        ProjectionPlan central = new ProjectionPlan(input, List.of(plan.scenarios().get(names.indexOf(name))));
        StochasticParameters parameters = StochasticParameters.estimate(central, StochasticSettings.read(inputOptions.folder(spec)),
                inputOptions.folder(spec));
        ProbabilisticProjection.Settings settings;
        try {
            settings = new ProbabilisticProjection.Settings(trajectories, seed, quantiles.stream().mapToDouble(Double::doubleValue).toArray(),
                    quantileEvery, keepTrajectories);
            SummaryShape.of(central, quantileEvery);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new ProbabilisticProjection(central, parameters, settings);
    }

    /** Runs the trajectories on every core, or on the engine --engine names. */
    private ProbabilisticProjection run(ProbabilisticProjection p, ScenarioSet scenarios, Progress progress) {
        org.popcast.models.cohort.stochastic.TrajectoryEngine elsewhere = trajectoryEngine.find(engine, trajectories, spec);
        return elsewhere != null ? trajectoryEngine.run(elsewhere, p, inputOptions, scenarios, p.central(), spec, progress)
                : p.run(Runtime.getRuntime().availableProcessors(), out, progress);
    }

    /** The top region's median and outer interval 10 years after the base, every 50 years and at the end. */
    private static void printIntervals(PrintWriter stdout, ProjectionOutputs outputs, ProbabilisticProjection p) {
        SummaryShape shape = p.shape();
        double[] q = p.quantiles().probabilities();
        int last = q.length - 1, median = java.util.Arrays.binarySearch(q, 0.5);
        for (int r = 0; r < outputs.regions().size(); r++) {
            if (!outputs.regions().get(r).parent().isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%s, %d trajectories around %s",
                    outputs.regions().get(r).code(), p.trajectoryCount(), p.scenario().name()));
            int[] years = shape.years();
            for (int t = 0; t < years.length; t++) {
                if (t == years.length - 1 || (t > 0 && (years[t] - years[0]) % 50 == 0) || years[t] - years[0] == 10) {
                    line.append(String.format(java.util.Locale.ROOT, "%s %d: %s%s %% [%.4g, %.4g]", t == 0 || line.indexOf(":") < 0 ? ":" : ";", years[t],
                            median >= 0 ? String.format(java.util.Locale.ROOT, "median %.4g, ", p.quantiles().total(median, r, t, shape)) : "",
                            new java.math.BigDecimal(100 * (q[last] - q[0])).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString(),
                            p.quantiles().total(0, r, t, shape), p.quantiles().total(last, r, t, shape)));
                }
            }
            stdout.println(line);
        }
    }
}
