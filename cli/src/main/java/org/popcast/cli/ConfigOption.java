package org.popcast.cli;

import java.nio.file.Path;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --config FILE} for the commands with many options: the file's values become the options'
 * defaults. Picocli gives unmatched options their defaults after the whole command line is read, so
 * precedence is flag, then file, then the built-in default, wherever {@code --config} stands. The
 * values go into the option fields, so whatever a command records of its settings records them.
 */
final class ConfigOption implements IDefaultValueProvider {

    static final String NAME = "--config";

    /**
     * The {@code fallbackValue} every boolean option of these commands needs. Picocli sets a flag
     * to the opposite of its default, so with {@code resume: true} in the file {@code --resume}
     * would mean false; with this fallback {@code --x} means true and {@code --no-x} false, whatever
     * the file says (ConfigFileTest checks that every flag has it).
     */
    static final String FLAG_IS_TRUE = "true";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private ConfigFile file;

    @Option(names = NAME, paramLabel = "FILE", order = -1,
            description = {"YAML file of option values: keys are the long option names without dashes (steps: 10000),",
                    "lists as [a, b] or a,b. Options on the command line override it;",
                    "'popcast config example <command>' prints one with every option."})
    void config(Path path) {
        file = ConfigFile.read(path, command);
        command.defaultValueProvider(this);
    }

    /** The command's output files, with this config file (if given) among the inputs they may not overwrite. */
    org.popcast.data.io.OutputFiles outputs() {
        return PopcastCommand.outputs(command).input(NAME, file == null ? null : file.file());
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (file == null || !(arg instanceof OptionSpec option)) {
            return null;
        }
        if (file.setting(option).isEmpty()) {
            return null;
        }
        if (otherGivenInExclusiveGroup(option)) {
            // --policy on the command line beats --scenario in the file. Picocli may have put the
            // file's value in before the flag came (it fills a group when one of its options
            // appears), and a null default does not undo that: undo it here.
            option.setValue(option.initialValue());
            return null;
        }
        return file.setting(option).get().value();
    }

    private static boolean otherGivenInExclusiveGroup(OptionSpec option) {
        if (option.group() == null || !option.group().exclusive()) {
            return false;
        }
        return option.group().options().stream().anyMatch(o -> o != option && !o.originalStringValues().isEmpty());
    }

    /**
     * A picocli error about a value from this file (its converter refused it) with the file, line
     * and key in front; other errors unchanged. Always one line: picocli quotes the refused value,
     * which a YAML block or quoted scalar (or a flag) can fill with line breaks (ConfigFileFuzzTest's
     * first finding), so control characters are shown escaped.
     */
    static String describe(ParameterException ex) {
        return org.popcast.data.input.InputException.oneLine(located(ex));
    }

    private static String located(ParameterException ex) {
        if (refused(ex) instanceof OptionSpec option && ex.getCommandLine().getCommandSpec().defaultValueProvider() instanceof ConfigOption c
                && c.file != null && option.originalStringValues().isEmpty()) {
            var setting = c.file.setting(option);
            // a bad flag for an option the file also sets is the flag's error; picocli reads a
            // file's value that looks like a short option ("-o...", -o being --out) as a missing
            // parameter, quoting the value without giving it as the exception's value: that is the
            // file's error too (ConfigFileFuzzTest's second finding)
            if (setting.isPresent() && (setting.get().value().equals(ex.getValue())
                    || ex.getValue() == null && ex.getMessage() != null && ex.getMessage().contains("'" + setting.get().value() + "'"))) {
                return setting.get().where() + ": " + ex.getMessage();
            }
        }
        return optionFirst(ex.getMessage());
    }

    /** The option picocli refused: the exception's, or the one a missing-parameter error names alone. */
    private static ArgSpec refused(ParameterException ex) {
        if (ex.getArgSpec() != null) {
            return ex.getArgSpec();
        }
        if (ex instanceof picocli.CommandLine.MissingParameterException m && m.getMissing() != null && m.getMissing().size() == 1) {
            return m.getMissing().get(0);
        }
        return null;
    }

    /** "Invalid value for option '--ic': must be hard, ..." reads "--ic must be hard, ...". */
    static String optionFirst(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Invalid value for option '(--[\\w-]+)'[^:]*: (must be .*)$", java.util.regex.Pattern.DOTALL)
                .matcher(message == null ? "" : message);
        return m.matches() ? m.group(1) + " " + m.group(2) : message;
    }
}
