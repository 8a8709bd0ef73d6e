package org.popcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "pde", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = "The age-structured PDE (McKendrick-von Foerster with a birth integral).",
        subcommands = {PdeSolveCommand.class, PdeInferCommand.class, PdeTrainCommand.class, PdePredictCommand.class, PdeCompareCommand.class})
public final class PdeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
