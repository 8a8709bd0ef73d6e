package org.popcast.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A commented example config file for one command, built from its picocli model so that it never
 * falls behind the options: per option its description, then {@code key: default}, or the same
 * line commented out when the option has no default or is one choice of an exclusive group.
 */
final class ConfigExample {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+-][A-Za-z0-9_./+, -]*");

    private ConfigExample() {
    }

    /** The commands that take --config, by name ("pde train"), in the order of the command tree. */
    static Map<String, CommandSpec> commands(CommandLine root) {
        Map<String, CommandSpec> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(CommandLine cl, Map<String, CommandSpec> out) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof ConfigOption)) {
            out.put(ConfigFile.commandName(spec), spec);
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    static String of(CommandSpec command) {
        String name = ConfigFile.commandName(command);
        StringBuilder b = new StringBuilder();
        b.append("# popcast ").append(name).append(" --config FILE\n")
                .append("# Keys are the long option names without the dashes; lists as [a, b] or a,b.\n")
                .append("# An option given on the command line overrides the value here; an option\n")
                .append("# not set here keeps its built-in default. Lines \"# key: VALUE\" are options\n")
                .append("# without a default (or one choice of several): remove the \"# \" to set them.\n")
                .append("# Relative paths are relative to the working directory, as on the command line.\n")
                .append("#\n");
        for (String line : wrap(String.join(" ", command.usageMessage().description()), 76)) {
            b.append("# ").append(line).append('\n');
        }
        for (OptionSpec option : ConfigFile.settable(command)) {
            b.append('\n');
            String value = defaultValue(option);
            for (String line : description(option, value)) {
                b.append("# ").append(line).append('\n');
            }
            boolean choice = option.group() != null && option.group().exclusive();
            if (choice) {
                b.append("# One of: ").append(String.join(", ", option.group().options().stream().map(ConfigFile::key).toList()))
                        .append(".\n");
            }
            if (option.required() && !choice) {
                b.append("# Required (here or on the command line).\n");
            }
            boolean set = value != null && !choice;
            b.append(set ? "" : "# ").append(ConfigFile.key(option)).append(": ")
                    .append(value != null ? yaml(option, value) : placeholder(option)).append('\n');
        }
        return b.toString();
    }

    /** The built-in default as it would be typed, or null: the annotation's, else a field's set initial value. */
    private static String defaultValue(OptionSpec option) {
        if (option.defaultValue() != null) {
            return option.defaultValue();
        }
        Object initial = option.initialValue();
        if (initial == null || initial instanceof Map<?, ?> || initial instanceof Collection<?> c && c.isEmpty()) {
            return null;
        }
        return initial instanceof Collection<?> c ? String.join(",", c.stream().map(String::valueOf).toList()) : String.valueOf(initial);
    }

    /** What to write after a commented-out key: the option's parameter label, or true|false. */
    private static String placeholder(OptionSpec option) {
        Class<?> type = option.type();
        return type == boolean.class || type == Boolean.class ? "true|false" : option.paramLabel();
    }

    private static List<String> description(OptionSpec option, String value) {
        String text = String.join(" ", option.description())
                .replace("${DEFAULT-VALUE}", value == null ? "none" : value)
                .replace("%n", " ").replace("%%", "%");
        return wrap(text, 76);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A list option's default as a YAML list, any other value as a YAML scalar, quoted where YAML needs it. */
    private static String yaml(OptionSpec option, String value) {
        if (option.isMultiValue() && option.splitRegex() != null && !option.splitRegex().isEmpty()) {
            return "[" + String.join(", ", java.util.Arrays.stream(value.split(option.splitRegex())).map(ConfigExample::scalar).toList()) + "]";
        }
        return scalar(value);
    }

    private static String scalar(String value) {
        boolean plain = PLAIN.matcher(value).matches() && !value.endsWith(" ") && !value.contains(" #")
                && !List.of("null", "Null", "NULL", "~").contains(value) && !(value.startsWith("- ") || value.equals("-"));
        return plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
