package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** --config FILE: values from the file reach the commands, flags win, bad files get one line and exit 2. */
class ConfigFileTest {

    /** Values for the required options, which no example can default. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "pde infer", List.of("--observed", "obs.csv", "--unknown", "mortality_scale"),
            "pde train", List.of("--model", "pinn"),
            "pde predict", List.of("--model", "some.model"),
            "cohort validate", List.of("--projection", "projection.h5"),
            "balance groups", List.of("--groups", "groups.csv"));

    /** Commands left without --config: few options, each a file of the run. */
    private static final List<String> WITHOUT_CONFIG = List.of("mobility predict", "info", "doctor", "completion");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** The command (leaf of the parse) and its options after parsing {@code args} with the real command line. */
    private static CommandSpec parse(List<String> args) {
        ParseResult r = PopcastCli.commandLine().parseArgs(args.toArray(String[]::new));
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r.commandSpec();
    }

    private static Object value(CommandSpec command, String option) {
        return command.findOption(option).getValue();
    }

    @Test
    void everyExampleParsesBackToTheBuiltInDefaults() throws IOException {
        Map<String, CommandSpec> commands = ConfigExample.commands(PopcastCli.commandLine());
        assertEquals(List.of("pde solve", "pde infer", "pde train", "pde predict", "pde compare", "cohort project", "cohort validate",
                "cohort hindcast", "cohort bench", "balance fit", "balance forecast", "balance backtest", "balance groups", "mobility evaluate", "mobility train", "bench"),
                List.copyOf(commands.keySet()));
        WITHOUT_CONFIG.forEach(c -> assertFalse(commands.containsKey(c), c));
        for (String name : commands.keySet()) {
            CliRun example = CliRun.popcast(("config example " + name).split(" "));
            assertEquals(0, example.exit(), name + ": " + example.err());
            assertTrue(example.out().startsWith("# popcast " + name + " --config FILE\n"), example.out());
            long set = example.out().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertTrue(set > 0, name + " has options with defaults");
            Path config = file(name.replace(' ', '-') + ".yaml", example.out());
            List<String> plain = new ArrayList<>(Arrays.asList(name.split(" ")));
            plain.addAll(REQUIRED.getOrDefault(name, List.of()));
            List<String> withConfig = new ArrayList<>(plain);
            withConfig.addAll(List.of("--config", config.toString()));
            CommandSpec expected = parse(plain), actual = parse(withConfig);
            for (OptionSpec o : ConfigFile.settable(expected)) {
                assertEquals(shown(o.getValue()), shown(value(actual, o.longestName())), name + " " + o.longestName());
            }
        }
    }

    /** An option's value as text, arrays (--quantiles' double[]) by their elements. */
    private static String shown(Object value) {
        return value != null && value.getClass().isArray() ? Arrays.deepToString(new Object[] {value}) : Objects.toString(value);
    }

    @Test
    void theExampleDescribesEachOptionAndCommentsOutThoseWithoutDefault() {
        String example = CliRun.popcast("config", "example", "pde", "train").out();
        assertTrue(example.contains("\n# Steps between checkpoints (default 1000).\ncheckpoint-every: 1000\n"), example);
        assertTrue(example.contains("\n# Adam steps.\n# steps: N\n"), example);
        assertTrue(example.contains("\n# jump-feature: true|false\n"), example);
        assertTrue(example.contains("# Required (here or on the command line).\n# model: MODEL\n"), example);
        assertTrue(example.contains("# One of: policy, scenario.\n# policy: NAME\n"), example);
        assertTrue(example.indexOf("\npreset:") < example.indexOf("\n# steps:") && example.indexOf("\n# steps:") < example.indexOf("\nage-step:"),
                "declaration order");
        assertTrue(example.contains("command line overrides"), example);
        String compare = CliRun.popcast("config", "example", "pde", "compare").out();
        assertTrue(compare.contains("\nout-dir: pde-compare\n"), compare);
        assertTrue(compare.contains("\n# time-limit: DURATION\n"), compare);
    }

    @Test
    void anUnknownCommandListsThoseThatTakeConfig() {
        CliRun run = CliRun.popcast("config", "example", "mobility", "predict");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'mobility predict' takes no --config; these do: pde solve, pde infer, pde train"), run.err());
    }

    @Test
    void aValueFromTheFileReachesTheResultAndAFlagOverridesIt() throws IOException {
        Path config = file("solve.yaml", "# coarse grid\npolicy: two-child\nage-step: 1\ntime-step: 1\n");
        Path out = dir.resolve("solve.h5");
        CliRun run = CliRun.popcast("pde", "solve", "--config", config.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("two-child: 31 times x 101 ages"), run.out());
        NetcdfDataset ds = NetcdfReader.read(out);
        assertEquals(1.0, ds.attributes().get("age_step"));
        assertEquals(1.0, ds.attributes().get("time_step"));
        assertEquals(101, ds.dimension("age").size());
        assertTrue(((String) ds.attributes().get("history")).endsWith(": popcast pde solve --config " + config + " --out " + out),
                (String) ds.attributes().get("history"));

        Path override = dir.resolve("override.h5");
        run = CliRun.popcast("pde", "solve", "--time-step", "0.5", "--policy", "three-child", "--config", config.toString(),
                "--out", override.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("three-child: 61 times x 101 ages"), run.out());
        ds = NetcdfReader.read(override);
        assertEquals(0.5, ds.attributes().get("time_step"));
        assertEquals(1.0, ds.attributes().get("age_step"), "not on the command line: from the file");
    }

    @Test
    void aFlagBeatsTheOtherChoiceOfAnExclusiveGroupInTheFile() throws IOException {
        Path all = file("all.yaml", "all-policies: true\n");
        for (List<String> args : List.of(List.of("pde", "solve", "--config", all.toString(), "--policy", "two-child"),
                List.of("pde", "solve", "--policy", "two-child", "--config", all.toString()))) {
            CommandSpec solve = parse(args);
            assertEquals(false, value(solve, "--all-policies"), args.toString());
            assertEquals("two-child", value(solve, "--policy"), args.toString());
        }
        assertEquals(true, value(parse(List.of("pde", "solve", "--config", all.toString())), "--all-policies"));
        Path policy = file("policy.yaml", "policy: two-child\n");
        CommandSpec train = parse(List.of("pde", "train", "--model", "pinn", "--config", policy.toString(), "--scenario", "my.yaml"));
        assertNull(value(train, "--policy"));
        assertEquals(Path.of("my.yaml"), value(train, "--scenario"));
        assertEquals("two-child", value(parse(List.of("pde", "train", "--model", "pinn", "--config", policy.toString())), "--policy"),
                "a group left out on the command line still takes the file's value");
    }

    @Test
    void typesListsBooleansAndDurationsReadAsOnTheCommandLine() throws IOException {
        Path list = file("list.yaml", "policies: [two-child, three-child]\nnetworks: pinn-default,lstm-pinn-seed\ntime-limit: 10m\n"
                + "resume: true\nseed: 7\n");
        CommandSpec compare = parse(List.of("pde", "compare", "--config", list.toString()));
        assertEquals(List.of("two-child", "three-child"), value(compare, "--policies"));
        assertEquals(List.of("pinn-default", "lstm-pinn-seed"), value(compare, "--networks"));
        assertEquals(Duration.ofMinutes(10), value(compare, "--time-limit"));
        assertEquals(true, value(compare, "--resume"));
        assertEquals(7L, value(compare, "--seed"));
        assertEquals(true, value(parse(List.of("pde", "compare", "--config", list.toString(), "--resume")), "--resume"),
                "a flag means true also when the file says true");
        assertEquals(Duration.ofHours(1), value(parse(List.of("pde", "compare", "--config", list.toString(), "--time-limit", "1h")),
                "--time-limit"));

        Path off = file("off.yaml", "model: lstm-pinn\njump-feature: false\nsteps: 500\nlr: 1e-4\n");
        Path on = file("on.yaml", "model: pinn\njump-feature: true\n");
        CommandSpec train = parse(List.of("pde", "train", "--config", off.toString()));
        assertEquals(PdeTrainCommand.Model.LSTM_PINN, value(train, "--model"), "a required option set by the file");
        assertEquals(false, value(train, "--jump-feature"));
        assertEquals(500, value(train, "--steps"));
        assertEquals(1e-4, value(train, "--lr"));
        assertEquals(true, value(parse(List.of("pde", "train", "--config", off.toString(), "--jump-feature")), "--jump-feature"));
        assertEquals(true, value(parse(List.of("pde", "train", "--config", on.toString())), "--jump-feature"));
        assertEquals(false, value(parse(List.of("pde", "train", "--config", on.toString(), "--no-jump-feature")), "--jump-feature"));
        assertEquals(PdeTrainCommand.Model.PINN, value(parse(List.of("pde", "train", "--config", off.toString(), "--model", "pinn")), "--model"));
    }

    @Test
    void aFileOfCommentsOnlySetsNothing() throws IOException {
        Path empty = file("empty.yaml", "# nothing yet\n\n");
        assertEquals(0.1, value(parse(List.of("pde", "solve", "--config", empty.toString())), "--age-step"));
    }

    @Test
    void badFilesGiveOneLineWithFileLineAndExitTwo() throws IOException {
        assertError("steps: 100\nlr: 0.001\nstepz: 3\n", "pde train",
                "popcast pde train: %s:3:8 (stepz): unknown option 'stepz' for pde train (did you mean 'steps'?)");
        assertError("age-step: 0.1\nwhatever: 1\n", "pde solve",
                "popcast pde solve: %s:2:11 (whatever): unknown option 'whatever' for pde solve (popcast config example pde solve lists them)");
        assertError("steps: ten\n", "pde train",
                "popcast pde train: %s:1:8 (steps): Invalid value for option '--steps': 'ten' is not an int");
        assertError("time-limit: 10 minutes\n", "pde train",
                "popcast pde train: %s:1:13 (time-limit): Invalid value for option '--time-limit': expected a duration such as 90s, 10m or"
                        + " 1h30m, got '10 minutes'");
        assertError("age-step: 0.1\nhelp: true\n", "pde solve",
                "popcast pde solve: %s:2:7 (help): option 'help' cannot be set in a config file; give it on the command line");
        assertError("version: true\n", "bench",
                "popcast bench: %s:1:10 (version): option 'version' cannot be set in a config file; give it on the command line");
        assertError("config: other.yaml\n", "cohort project",
                "popcast cohort project: %s:1:9 (config): option 'config' cannot be set in a config file; give it on the command line");
        assertError("quiet: true\n", "balance fit",
                "popcast balance fit: %s:1:8 (quiet): option 'quiet' cannot be set in a config file; give it on the command line");
        assertError("- steps\n- 10\n", "pde train", "popcast pde train: %s:1:1: expected a mapping of keys to values");
        assertError("steps: 1\n  lr: 2\n", "pde train", "popcast pde train: %s:2:5: not valid YAML: mapping values are not allowed here");
        assertError("age-step:\n", "pde solve",
                "popcast pde solve: %s:1:10 (age-step): no value for 'age-step' (remove the line to keep the default)");
        assertError("policy: two-child\nscenario: s.yaml\n", "pde solve",
                "popcast pde solve: %s:2:11 (scenario): 'policy' and 'scenario' exclude each other; set one");
        assertError("steps: 1\nsteps: 2\n", "pde train", "popcast pde train: %s:2:1: duplicate key 'steps'");
        // a value that looks like a short option (-o is --out): picocli's message, located in the file
        assertError("method: -ombination\n", "balance forecast",
                "popcast balance forecast: %s:1:9 (method): Expected parameter for option '--method' but found '-ombination'");
        // a quoted value holding a line break: picocli quotes it back; still one line (ConfigFileFuzzTest's finding)
        assertError("batch-size: \"32\\n1\"\n", "mobility train",
                "popcast mobility train: %s:1:13 (batch-size): Invalid value for option '--batch-size': '32\\n1' is not an int");
        Path steps = file("steps.yaml", "steps: 5\n");
        CliRun flag = CliRun.popcast("pde", "train", "--model", "pinn", "--config", steps.toString(), "--steps", "abc");
        assertEquals(2, flag.exit());
        assertEquals("popcast pde train: Invalid value for option '--steps': 'abc' is not an int (see --help)", flag.err().strip(),
                "a bad flag is not blamed on the file");
        CliRun missing = CliRun.popcast("pde", "solve", "--config", dir.resolve("missing.yaml").toString());
        assertEquals(2, missing.exit());
        assertEquals("popcast pde solve: " + dir.resolve("missing.yaml") + ": no such file", missing.err().strip());
    }

    private void assertError(String text, String command, String expected) throws IOException {
        Path config = file("bad.yaml", text);
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of("--config", config.toString()));
        CliRun run = CliRun.popcast(args.toArray(String[]::new));
        assertEquals(2, run.exit(), run.err());
        assertEquals(String.format(expected, config), run.err().strip(), text);
        assertEquals("", run.out());
    }

    @Test
    void everyFlagOfTheseCommandsMeansTrueWhateverTheFileSays() {
        for (CommandSpec command : ConfigExample.commands(PopcastCli.commandLine()).values()) {
            for (OptionSpec o : ConfigFile.settable(command)) {
                if (o.type() == boolean.class || o.type() == Boolean.class) {
                    assertEquals(ConfigOption.FLAG_IS_TRUE, o.fallbackValue(), command.qualifiedName() + " " + o.longestName());
                }
            }
        }
    }

    @Test
    void configIsAnOptionOfTheCommandsThatTakeIt() {
        CommandLine cl = PopcastCli.commandLine();
        String help = CliRun.popcast("pde", "train", "--help").out();
        assertTrue(help.contains("--config=FILE"), help);
        assertTrue(cl.getSubcommands().containsKey("config"));
    }
}
