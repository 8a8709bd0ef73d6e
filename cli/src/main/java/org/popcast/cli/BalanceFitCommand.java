package org.popcast.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.BalanceModel;
import org.popcast.models.balance.BalanceForecast;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit",
        header = "Fit the balance model to a city's series: parameters, error measures, anomalies.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Fit the balance model to a series: parameters with standard errors, error measures, anomalies,",
                "and the 13 indicators per year, observed and modelled (missing years restored from the model)."})
public final class BalanceFitCommand implements Callable<Integer> {

    @Mixin
    BalanceOptions options;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "balance-fit.h5",
            description = "Output HDF5 file (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BalanceForecast forecast;
        try (var outputs = options.outputs(config.outputs(), out)) {
            BalanceInput input = options.input();
            forecast = BalanceModel.run(options.settings(spec), input, input.series().lastYear());
            options.write(spec, outputs, forecast, input.series(), out, "fit", Map.of(), null);
        }
        BalanceReport report = new BalanceReport(spec.commandLine().getOut());
        report.fit(forecast.fit(), forecast);
        report.written(out, options.tables());
        return 0;
    }
}
