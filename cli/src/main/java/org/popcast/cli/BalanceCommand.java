package org.popcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "balance",
        header = "Demographic balance model of a city: fit, forecast, backtests and age groups.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Demographic balance model of a city: dN/dt = N (nuB - nuD) + (wI - wO) with log-logistic",
                "curves fitted to a yearly series, forecast with bands, gap filling, anomalies, jumps, backtests.",
                "Without --series the embedded Chinese city table is used (default city Chongqing)."},
        subcommands = {BalanceFitCommand.class, BalanceForecastCommand.class, BalanceBacktestCommand.class,
                BalanceGroupsCommand.class})
public final class BalanceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
