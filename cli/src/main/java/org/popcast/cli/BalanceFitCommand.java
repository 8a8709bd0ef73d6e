package org.popcast.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.data.input.BalanceSeries;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.balance.BalanceFit;
import org.popcast.models.balance.BalanceForecast;
import org.popcast.models.balance.BalanceRun;
import org.popcast.models.balance.FittedBalance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Fit the balance model to a series: parameters with standard errors, error measures, anomalies,",
                "and the 13 indicators per year, observed and modelled (missing years restored from the model)."})
public final class BalanceFitCommand implements Callable<Integer> {

    @Mixin
    BalanceOptions options;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "balance-fit.h5",
            description = "Output HDF5 file (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var settings = options.settings(spec);
        BalanceSeries series = options.series();
        FittedBalance fit = BalanceFit.fit(series, options.jumps(), settings);
        BalanceForecast forecast = BalanceForecast.of(fit, series.lastYear());
        NetcdfWriter.write(out, BalanceRun.dataset(forecast, series, "fit", Provenance.of(BalanceOptions.commandLine(spec)), Map.of()));
        if (options.csv != null) {
            BalanceRun.writeCsv(options.csv, forecast, series);
        }
        BalanceReport report = new BalanceReport(spec.commandLine().getOut());
        report.fit(fit, forecast);
        report.written(out, options.csv);
        return 0;
    }
}
