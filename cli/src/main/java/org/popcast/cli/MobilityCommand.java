package org.popcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "mobility",
        header = "Population mobility of cities from city statistics: regressors scored against naive baselines.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Population mobility of cities from city statistics (a panel of Chinese city statistics): FNN and LSTM regressors on TensorFlow Java,",
                "KNN imputation, and an evaluation against baselines that does not leak test rows. See docs/mobility.md."},
        subcommands = {MobilityEvaluateCommand.class, MobilityTrainCommand.class, MobilityPredictCommand.class})
public final class MobilityCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
