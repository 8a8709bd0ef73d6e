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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Fit the balance model and forecast the 13 indicators to --until with bands",
                "H = X e^{z err(h)}, L = X e^{-z err(h)} (differences: X +- z err(h)); see docs/balance-model.md."})
public final class BalanceForecastCommand implements Callable<Integer> {

    @Mixin
    BalanceOptions options;

    @Option(names = "--until", paramLabel = "YEAR", description = "Last forecast year (default: 10 years after the data).")
    Integer until;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "balance-forecast.h5",
            description = "Output HDF5 file (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var settings = options.settings(spec);
        BalanceSeries series = options.series();
        int last = until != null ? until : series.lastYear() + 10;
        if (last < series.lastYear() || last > series.lastYear() + 200) {
            throw new ParameterException(spec.commandLine(), "--until " + last + " must be between the last data year "
                    + series.lastYear() + " and 200 years after it");
        }
        FittedBalance fit = BalanceFit.fit(series, options.jumps(), settings);
        BalanceForecast forecast = BalanceForecast.of(fit, last);
        NetcdfWriter.write(out, BalanceRun.dataset(forecast, series, "forecast", Provenance.of(BalanceOptions.commandLine(spec)),
                Map.of("until", (long) last)));
        if (options.csv != null) {
            BalanceRun.writeCsv(options.csv, forecast, series);
        }
        BalanceReport report = new BalanceReport(spec.commandLine().getOut());
        report.fit(fit, forecast);
        report.forecast(forecast);
        report.written(out, options.csv);
        return 0;
    }
}
