package org.popcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A README command's arguments as if typed in another folder: the values of options and
 * parameters typed as paths, and the relative default outputs of options not given, resolved
 * there. Picocli's parse of the command says which words are paths, so nothing is guessed from
 * how a word looks.
 */
final class ReadmeArgs {

    private ReadmeArgs() {
    }

    /**
     * @throws CommandLine.ParameterException when the README command does not parse
     */
    static String[] inFolder(List<String> args, Path folder) {
        CommandLine.ParseResult parsed = PopcastCli.commandLine().parseArgs(args.toArray(String[]::new));
        Set<String> paths = new HashSet<>();
        List<String> defaults = new ArrayList<>();
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            boolean leaf = !p.hasSubcommand();
            for (ArgSpec a : p.commandSpec().args()) {
                if (!isPath(a)) {
                    continue;
                }
                if (p.matchedArgs().contains(a)) {
                    paths.addAll(a.originalStringValues());
                } else if (leaf && a instanceof OptionSpec o && a.defaultValue() != null && !Path.of(a.defaultValue()).isAbsolute()) {
                    // a default output such as cohort-validation.h5 would land in the test's working directory
                    defaults.add(o.longestName());
                    defaults.add(folder.resolve(a.defaultValue()).toString());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String word : args) {
            int eq = word.startsWith("-") ? word.indexOf('=') : -1;
            String value = eq < 0 ? word : word.substring(eq + 1);
            if (paths.contains(value) && !value.equals("-") && !Path.of(value).isAbsolute()) {
                value = folder.resolve(value).toString() + (value.endsWith("/") ? "/" : "");
            }
            out.add(eq < 0 ? value : word.substring(0, eq + 1) + value);
        }
        out.addAll(defaults);
        return out.toArray(String[]::new);
    }

    private static boolean isPath(ArgSpec a) {
        Class<?> type = a.typeInfo().isMultiValue() ? a.typeInfo().getAuxiliaryTypes()[0] : a.type();
        return Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type);
    }
}
