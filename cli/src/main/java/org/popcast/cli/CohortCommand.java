package org.popcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cohort", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = "Cohort-component projection by region x sex x age x year x scenario.",
        subcommands = {CohortProjectCommand.class, CohortValidateCommand.class, CohortHindcastCommand.class,
                CohortBenchCommand.class})
public final class CohortCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
