package org.popcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config",
        header = "Config files: print an example, edit it, pass it with --config FILE.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Config files: the commands with many options take --config FILE, a YAML file of option",
                "values (keys are the long option names without dashes); options on the command line override it."},
        subcommands = {ConfigExampleCommand.class})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
