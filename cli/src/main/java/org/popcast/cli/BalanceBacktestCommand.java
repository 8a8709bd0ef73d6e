package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.BalanceSeries;
import org.popcast.models.balance.ChinaCitySeries;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.balance.Backtest;
import org.popcast.models.balance.MethodForecast;
import org.popcast.models.balance.RollingBacktests;
import org.popcast.models.balance.RollingSkill;
import org.popcast.models.balance.RollingSummaryCsv;
import org.popcast.models.balance.BalanceOutputs;
import org.popcast.models.balance.BalanceSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backtest",
        header = "Fit on all but the last years, forecast them and score every method against the data.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Fit on all but the last --holdout years, forecast them and report the errors per indicator",
                "(PE = (F - A)/A x 100) and whether the facts fall inside the bands; the population also by --method beside",
                "every other method (weights and bands from years before the hold-out only). --all-cities runs a rolling-origin",
                "backtest of every city of the embedded table (every origin, horizons 1 to --max-horizon; the combined",
                "forecast and calibrated bands use only errors known at each origin) and writes one summary table."})
public final class BalanceBacktestCommand implements Callable<Integer> {

    /** A named limit: the embedded series span 15 years. */
    static final int MAX_HORIZON = 20;

    @Mixin
    BalanceOptions options;

    @Option(names = "--holdout", paramLabel = "K", defaultValue = "3",
            description = "Years held out at the end of the series (default ${DEFAULT-VALUE}).")
    int holdout;

    @Option(names = "--max-horizon", paramLabel = "H", defaultValue = "5",
            description = "--all-cities: forecast 1 .. H years past each origin (default ${DEFAULT-VALUE}).")
    int maxHorizon;

    @Option(names = "--all-cities", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Backtest every city of the embedded table; writes --summary.")
    boolean allCities;

    @Option(names = "--summary", paramLabel = "FILE", defaultValue = "backtest-summary.csv",
            description = "Summary table of --all-cities, CSV or Parquet by the extension (.parquet) (default ${DEFAULT-VALUE}).")
    Path summary;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "balance-backtest.h5",
            description = "Output HDF5 file of a single backtest (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    MethodOption method;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxHorizon < 1 || maxHorizon > MAX_HORIZON) {
            throw new ParameterException(spec.commandLine(), "--max-horizon must be within 1 .. " + MAX_HORIZON + ", got " + maxHorizon);
        }
        if (holdout < 1) {
            throw new ParameterException(spec.commandLine(), "--holdout must be >= 1, got " + holdout);
        }
        BalanceSettings settings = options.settings(spec);
        if (allCities) {
            if (options.fromFile() || options.source.city != null) {
                throw new ParameterException(spec.commandLine(), "--all-cities runs the embedded table: drop --series and --city");
            }
            try (OutputFiles outputs = config.outputs()) {
                outputs.file("--summary", summary);
                outputs.file("--summary", BalanceOutputs.BatchSummary.failuresFile(summary));
                return batch(settings, outputs);
            }
        }
        try (OutputFiles outputs = options.outputs(config.outputs(), out)) {
            return single(settings, outputs);
        }
    }

    private int single(BalanceSettings settings, OutputFiles outputs) throws Exception {
        BalanceInput input = options.input();
        BalanceSeries series = input.series();
        Backtest bt = Backtest.run(series, input.jumps(), settings, holdout);
        MethodForecast population = options.method(spec, method.method, input, bt.forecast(), bt.cutoff(), series.lastYear());
        outputs.write(out, NetcdfWriter.writer(BalanceOutputs.backtestDataset(bt, Provenance.of(PopcastCommand.commandLine(spec)),
                Map.of("backtest_cutoff", (long) bt.cutoff(), "backtest_holdout", (long) holdout), population)));
        if (options.tables().any()) {
            org.popcast.data.io.TableFolders tables = options.tables(spec);
            BalanceOutputs.writeTables(outputs, tables, bt.forecast(), series);
            BalanceOutputs.writeBacktestTable(outputs, tables, bt);
            BalanceOutputs.writeMethodTable(outputs, tables, population);
        }
        outputs.commit();
        BalanceReport report = new BalanceReport(spec.commandLine().getOut());
        report.fit(bt.fit(), bt.forecast());
        report.backtest(bt);
        report.methodBacktest(population);
        report.written(out, options.tables());
        return 0;
    }

    private int batch(BalanceSettings settings, OutputFiles outputs) throws Exception {
        RollingBacktests all = RollingBacktests.run(ChinaCitySeries.builtin(), settings, maxHorizon, options.cache(),
                PopcastCommand.progress(spec));
        RollingSummaryCsv.write(outputs, summary, all);
        outputs.commit();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("rolling-origin backtest of %d cities, horizons 1-%d: %d forecasts, %d balance fits, %d not (%.1f s%s)%n", all.cities(),
                maxHorizon, all.rows().size(), all.fits(), all.failures().size(), all.seconds(), all.cached() ? ", fits from the cache" : "");
        all.reasons().forEach((reason, n) -> w.printf("  balance not fitted (%d origins): %s%n", n, reason));
        if (settings.fullCurves()) {
            w.printf("  full curves fitted at %d of %d origins (%.1f %%); %d fell back to BIC-chosen forms%n", all.fits() - all.fallbacks(),
                    all.fits(), 100.0 * (all.fits() - all.fallbacks()) / Math.max(all.fits(), 1), all.fallbacks());
        }
        new BalanceReport(w).skill(RollingSkill.of(all.rows()), settings.confidence());
        w.printf("summary -> %s, balance fits that failed -> %s%n", summary, BalanceOutputs.BatchSummary.failuresFile(summary));
        w.flush();
        return 0;
    }
}
