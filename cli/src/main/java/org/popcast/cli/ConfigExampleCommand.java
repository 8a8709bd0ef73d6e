package org.popcast.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "example",
        header = "Print a commented example config file for a command.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Print a commented example config file for a command: every option with its description",
                "and its default, in the order of --help; options without a default are commented out."},
        footer = {"", "Example: popcast config example pde train > train.yaml",
                "         popcast pde train --config train.yaml --steps 20000"})
public final class ConfigExampleCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command, e.g. pde train.")
    List<String> command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, CommandSpec> commands = ConfigExample.commands(spec.root().commandLine());
        String name = String.join(" ", command);
        CommandSpec target = commands.get(name);
        if (target == null) {
            throw new ParameterException(spec.commandLine(), "'" + name + "' takes no --config; these do: " + String.join(", ", commands.keySet()));
        }
        spec.commandLine().getOut().print(ConfigExample.of(target));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
