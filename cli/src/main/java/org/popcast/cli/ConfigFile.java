package org.popcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.popcast.data.input.ConfigNode;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFiles;
import org.popcast.data.input.YamlConfig;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The option values of one {@code --config} file, checked against the command they are for: each
 * key is an option's long name without the dashes, each value what would follow the option on the
 * command line (a YAML list is joined with commas). Values stay strings so that the option's own
 * converter reads them, exactly as it reads a flag.
 */
final class ConfigFile {

    /** A value for one option and where it stood, for messages. */
    record Setting(OptionSpec option, String value, String where) {
    }

    /** A config file that cannot be used; one line, and no "see --help" since the fix is in the file. */
    static final class Error extends ParameterException {
        private static final long serialVersionUID = 1L;

        Error(CommandLine commandLine, String message) {
            super(commandLine, message);
        }
    }

    private final Path file;
    private final Map<OptionSpec, Setting> settings;

    private ConfigFile(Path file, Map<OptionSpec, Setting> settings) {
        this.file = file;
        this.settings = settings;
    }

    Path file() {
        return file;
    }

    Optional<Setting> setting(OptionSpec option) {
        return Optional.ofNullable(settings.get(option));
    }

    /** Reads and checks {@code file} for {@code command}; every problem is an {@link Error}. */
    static ConfigFile read(Path file, CommandSpec command) {
        try {
            String text = InputFiles.readString(file);
            Map<OptionSpec, Setting> settings = new LinkedHashMap<>();
            if (!onlyComments(text)) {
                ConfigNode root = YamlConfig.parse(file.toString(), text);
                for (String key : root.keys()) {
                    ConfigNode value = root.get(key);
                    OptionSpec option = option(command, key, value);
                    settings.put(option, new Setting(option, text(value, key), value.where()));
                }
            }
            checkExclusiveGroups(settings);
            return new ConfigFile(file, Collections.unmodifiableMap(settings));
        } catch (InputException e) {
            throw new Error(command.commandLine(), e.getMessage());
        }
    }

    /** The options a config file may set: the command's own, except help, version and --config itself. */
    static List<OptionSpec> settable(CommandSpec command) {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : command.options()) {
            if (!o.usageHelp() && !o.versionHelp() && !o.inherited() && !ConfigOption.NAME.equals(o.longestName())) {
                out.add(o);
            }
        }
        return out;
    }

    /** The key of an option in a config file: its long name without the dashes. */
    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** "pde train" for "popcast pde train". */
    static String commandName(CommandSpec command) {
        return command.qualifiedName().substring(command.root().name().length()).trim();
    }

    private static OptionSpec option(CommandSpec command, String key, ConfigNode value) {
        for (OptionSpec o : settable(command)) {
            if (key(o).equals(key)) {
                return o;
            }
        }
        OptionSpec other = command.findOption(key);
        if (other != null) {
            throw value.error("option '" + key + "' cannot be set in a config file; give it on the command line");
        }
        List<String> keys = settable(command).stream().map(ConfigFile::key).toList();
        String near = keys.stream().min(Comparator.comparingInt(k -> EditDistance.of(k, key))).orElse(null);
        boolean close = near != null && EditDistance.of(near, key) <= Math.max(1, key.length() / 3);
        throw value.error("unknown option '" + key + "' for " + commandName(command)
                + (close ? " (did you mean '" + near + "'?)" : " (popcast config example " + commandName(command) + " lists them)"));
    }

    /** The value as it would follow the option on the command line. */
    private static String text(ConfigNode value, String key) {
        if (value.isNull()) {
            throw value.error("no value for '" + key + "' (remove the line to keep the default)");
        }
        if (value.isList()) {
            List<String> items = new ArrayList<>();
            for (ConfigNode item : value.list()) {
                items.add(item.text());
            }
            return String.join(",", items);
        }
        return value.text();
    }

    /** Two options of one exclusive group in the file are an error, as on the command line. */
    private static void checkExclusiveGroups(Map<OptionSpec, Setting> settings) {
        Map<ArgGroupSpec, Setting> seen = new LinkedHashMap<>();
        for (Setting s : settings.values()) {
            ArgGroupSpec group = s.option().group();
            if (group != null && group.exclusive()) {
                Setting first = seen.putIfAbsent(group, s);
                if (first != null) {
                    throw new InputException(s.where() + ": '" + key(first.option()) + "' and '" + key(s.option())
                            + "' exclude each other; set one");
                }
            }
        }
    }

    /** A file of comments and blank lines sets nothing (a freshly printed example, all commented). */
    private static boolean onlyComments(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"));
    }

    /** Levenshtein distance, for "did you mean". */
    static final class EditDistance {
        private EditDistance() {
        }

        static int of(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
