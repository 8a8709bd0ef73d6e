package org.popcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.code_intelligence.jazzer.junit.FuzzTest;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --config FILE} reader of every command that takes one, through the real command line:
 * the first byte chooses the command, the rest is the file. Only parsed (picocli reads the file
 * with {@link ConfigFile} and converts its values with each option's converter), never run. The
 * contract (docs/reliability.md, fuzzing): the command line parses, or fails with a
 * {@link ParameterException} whose message, as the user sees it ({@link ConfigOption#describe}),
 * is one line naming the file. Anything else is a finding: another exception (picocli's "Could
 * not invoke ... ConfigOption.config"), an error, a message of several lines, or a parse that
 * takes longer than {@link #HANG_SECONDS}.
 *
 * <p>In package {@code org.popcast.cli}, not a {@code fuzz} package as the models' targets, because
 * {@link ConfigOption#describe} (the message the user sees) is package-private.
 */
class ConfigFileFuzzTest {

    /** A parse this slow is a hang: the YAML limits keep a fuzzer-sized file far below it. */
    static final long HANG_SECONDS = 10;

    /** Values for the options some commands require, which a config file need not set (as ConfigFileTest). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "pde infer", List.of("--observed", "obs.csv", "--unknown", "mortality_scale"),
            "pde train", List.of("--model", "pinn"),
            "pde predict", List.of("--model", "some.model"),
            "cohort validate", List.of("--projection", "projection.h5"),
            "balance groups", List.of("--groups", "groups.csv"));

    private static List<String> commands;
    private static final Map<String, CommandLine> LINES = new java.util.concurrent.ConcurrentHashMap<>();
    private static Path file;
    // one thread parses, so a hang is seen as a timeout instead of stopping the fuzzer silently
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "config-fuzz-parser");
        t.setDaemon(true);
        return t;
    });

    private static synchronized Path file() throws Exception {
        if (file == null) {
            commands = List.copyOf(ConfigExample.commands(PopcastCli.commandLine()).keySet());
            Path dir = Files.createTempDirectory("popcast-fuzz-config");
            dir.toFile().deleteOnExit();
            file = dir.resolve("fuzz.yaml");
            file.toFile().deleteOnExit();
        }
        return file;
    }

    /** The command the first byte chooses, in the order of {@code popcast config example}'s list. */
    static String command(byte first) {
        return commands.get((first & 0xff) % commands.size());
    }

    @FuzzTest(maxDuration = "2m")
    void configFile(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        Path f = file();
        String name = command(data[0]);
        Files.write(f, Arrays.copyOfRange(data, 1, data.length));
        List<String> args = new ArrayList<>(Arrays.asList(name.split(" ")));
        args.addAll(REQUIRED.getOrDefault(name, List.of()));
        args.add(ConfigOption.NAME);
        args.add(f.toString());
        Future<String> parsed = PARSER.submit(() -> parse(name, args));
        String message;
        try {
            message = parsed.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            parsed.cancel(true);
            throw new AssertionError(name + " --config: no answer after " + HANG_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new AssertionError(name + " --config: " + e.getCause(), e.getCause());
        }
        if (message != null && (!message.contains(f.toString()) || message.lines().count() != 1)) {
            throw new AssertionError(name + " --config: not a one-line message naming the file: " + message);
        }
    }

    /**
     * Null when the command line parses, else the message the user would see. One command line per
     * command, reused: building popcast's whole command tree per input ran 4 inputs a second
     * instrumented; picocli resets every option to its initial value at each parse, and --config
     * sets the file (and its default provider) anew each time.
     */
    private static String parse(String name, List<String> args) {
        CommandLine cl = LINES.computeIfAbsent(name, n -> PopcastCli.commandLine());
        try {
            cl.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (ParameterException e) {
            return ConfigOption.describe(e);
        }
    }
}
