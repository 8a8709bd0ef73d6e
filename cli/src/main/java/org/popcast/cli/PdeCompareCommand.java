package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.popcast.data.io.AtomicFile;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;
import org.popcast.models.pinn.PdeComparison;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "compare",
        header = "Train PINN and LSTM-PINN with both presets on the built-in policies and compare them.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Train PINN and LSTM-PINN, each with popcast's default and the source paper's preset, on the built-in",
                "policies with one seed, and compare them against the exact solution. Writes compare.md,",
                "compare.csv and compare.png (rel L2 off the jump line, log scale) plus every run's result",
                "file and model directory into --out-dir; the table is rewritten after every run. At full",
                "length this takes hours on 2 CPU cores (the paper presets are slow): --time-limit caps each",
                "run's wall time (the table says where a run was stopped), --steps-scale shortens every",
                "run, and --resume reuses the result files of runs an interrupted comparison finished."})
public final class PdeCompareCommand implements Callable<Integer> {

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "pde-compare", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path outDir;

    /** The --networks labels: network and preset, as PdeComparison labels its configurations. */
    static final List<String> NETWORKS = List.of("pinn-default", "pinn-paper", "lstm-pinn-default", "lstm-pinn-paper");

    @Option(names = "--policies", completionCandidates = Candidates.Policies.class, split = ",", paramLabel = "NAME", description = "Policies (default: all built-in).")
    List<String> policies;

    @Option(names = "--networks", completionCandidates = Candidates.Networks.class, split = ",", paramLabel = "LABEL",
            description = "Subset of: pinn-default, pinn-paper, lstm-pinn-default, lstm-pinn-paper (default: all).")
    List<String> networks;

    @Option(names = "--steps-scale", paramLabel = "F", defaultValue = "1", description = "Multiply every run's Adam steps and L-BFGS iterations (default ${DEFAULT-VALUE}).")
    double stepsScale;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall-clock limit of each training run, e.g. 10m (default: none).")
    java.time.Duration timeLimit;

    @Option(names = "--resume", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Reuse result files in --out-dir that were made with the same settings.")
    boolean resume;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of every run (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DeviceOption deviceOption;

    @Mixin
    GridOptions gridOptions;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(stepsScale > 0)) {
            throw new ParameterException(spec.commandLine(), "--steps-scale must be > 0, got " + stepsScale);
        }
        List<PdeScenario> scenarios = new ArrayList<>();
        for (String name : policies == null ? PdeScenarioReader.BUILTIN : policies) {
            if (!PdeScenarioReader.BUILTIN.contains(name)) {
                throw new ParameterException(spec.commandLine(), "unknown policy '" + name + "', expected some of " + PdeScenarioReader.BUILTIN);
            }
            scenarios.add(PdeScenarioReader.builtin(name));
        }
        List<PdeComparison.Config> chosen = new ArrayList<>();
        for (PdeComparison.Config c : PdeComparison.configs(stepsScale, seed)) {
            // pinn-seed and lstm-pinn-seed: the paper presets' former names
            if (networks == null || networks.stream().map(n -> n.replaceFirst("-seed$", "-paper")).toList().contains(c.label().replace(' ', '-'))) {
                chosen.add(c);
            }
        }
        if (chosen.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--networks matches none of " + String.join(", ", NETWORKS));
        }
        ExactSolveRun.Grid grid = gridOptions.grid(spec, scenarios);
        // result files are written as each run finishes (an interrupted comparison keeps them); the
        // lock keeps a second comparison out of the folder meanwhile
        try (OutputFiles outputs = config.outputs()) {
            outputs.directory("--out-dir", outDir);
            outputs.lock("--out-dir", outDir);
            return compare(scenarios, chosen, grid);
        }
    }

    private int compare(List<PdeScenario> scenarios, List<PdeComparison.Config> chosen, ExactSolveRun.Grid grid) throws Exception {
        Progress progress = PopcastCommand.progress(spec);
        Device dev = deviceOption.resolve(spec, progress);
        Provenance provenance = Provenance.of(PopcastCommand.commandLine(spec));
        List<PdeComparison.Row> rows = new ArrayList<>();
        for (PdeScenario scenario : scenarios) {
            for (PdeComparison.Config c : chosen) {
                progress.message("== " + c.label() + ", " + scenario.name());
                rows.add(PdeComparison.run(c, scenario, grid, dev, timeLimit, resume, outDir, provenance, progress));
                writeReport(rows, scenarios, provenance);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(PdeComparison.markdown(rows));
        out.println("-> " + outDir.resolve("compare.md") + ", compare.csv, compare.png");
        out.flush();
        return 0;
    }

    /** compare.md, compare.csv and compare.png for the rows so far, each replaced atomically. */
    private void writeReport(List<PdeComparison.Row> rows, List<PdeScenario> scenarios, Provenance provenance) throws java.io.IOException {
        String md = "# PINN and LSTM-PINN against the exact solution\n\n" + PdeComparison.markdown(rows)
                + "\nseed " + seed + ", steps scale " + stepsScale + ", time limit per run "
                + (timeLimit == null ? "none" : org.popcast.models.pinn.PinnTrainRun.format(timeLimit)) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + provenance.attributes().get("history") + "\n";
        AtomicFile.write(outDir.resolve("compare.md"), tmp -> Files.writeString(tmp, md));
        AtomicFile.write(outDir.resolve("compare.csv"), tmp -> Files.writeString(tmp, PdeComparison.csv(rows)));
        CategoryChart chart = chart(rows, scenarios);
        AtomicFile.write(outDir.resolve("compare.png"), tmp -> {
            try (java.io.OutputStream os = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /** rel L2 off the jump per configuration (series) and policy (category), log scale. */
    static CategoryChart chart(List<PdeComparison.Row> rows, List<PdeScenario> scenarios) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("PDE networks against the exact solution").xAxisTitle("policy").yAxisTitle("relative L2 error off the jump line").build();
        // markers, not bars: XChart's bars start at zero, which a logarithmic axis cannot show
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> policies = scenarios.stream().map(PdeScenario::name).toList();
        for (String config : rows.stream().map(PdeComparison.Row::config).distinct().toList()) {
            List<Double> errors = new ArrayList<>();
            for (String p : policies) {
                errors.add(rows.stream().filter(r -> r.config().equals(config) && r.policy().equals(p))
                        .mapToDouble(PdeComparison.Row::relL2OffJump).findFirst().orElse(Double.NaN));
            }
            chart.addSeries(config, policies, errors);
        }
        return chart;
    }
}
