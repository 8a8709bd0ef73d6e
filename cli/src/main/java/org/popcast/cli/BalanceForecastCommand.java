package org.popcast.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.BalanceModel;
import org.popcast.models.balance.BalanceSeries;
import org.popcast.models.balance.BalanceForecast;
import org.popcast.models.balance.MethodForecast;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "forecast",
        header = "Fit the balance model and forecast the 13 indicators with bands.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Fit the balance model and forecast the 13 indicators to --until with bands",
                "H = X e^{z err(h)}, L = X e^{-z err(h)} (differences: X +- z err(h)); the population also by --method",
                "(default: the combination of the balance model and the benchmarks, with a calibrated band); see docs/balance-model.md."})
public final class BalanceForecastCommand implements Callable<Integer> {

    @Mixin
    BalanceOptions options;

    @Option(names = "--until", paramLabel = "YEAR", description = "Last forecast year (default: 10 years after the data).")
    Integer until;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "balance-forecast.h5",
            description = "Output HDF5 file (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    MethodOption method;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.settings(spec);
        try (var outputs = options.outputs(config.outputs(), out)) {
            return forecast(outputs);
        }
    }

    private int forecast(org.popcast.data.io.OutputFiles outputs) throws Exception {
        BalanceInput input = options.input();
        BalanceSeries series = input.series();
        int last = until != null ? until : series.lastYear() + 10;
        if (last < series.lastYear() || last > series.lastYear() + 200) {
            throw new ParameterException(spec.commandLine(), "--until " + last + " must be between the last data year "
                    + series.lastYear() + " and 200 years after it");
        }
        BalanceForecast forecast = BalanceModel.run(options.settings(spec), input, last);
        MethodForecast population = options.method(spec, method.method, input, forecast, series.lastYear(), last);
        options.write(spec, outputs, forecast, series, out, "forecast", Map.of("until", (long) last), population);
        BalanceReport report = new BalanceReport(spec.commandLine().getOut());
        report.fit(forecast.fit(), forecast);
        report.forecast(forecast);
        report.method(population);
        report.written(out, options.tables());
        return 0;
    }
}
