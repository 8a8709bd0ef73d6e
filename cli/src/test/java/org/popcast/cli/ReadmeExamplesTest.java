package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command in README.md's fenced shell blocks either runs here, through the real command line
 * in-process, with exit code 0, or is on {@link #SKIPPED} with the reason (issue 20: "README
 * examples are run by a test"). A README command that is neither fails the test, so a new example
 * is run or skipped on purpose; a skip entry that no longer matches anything fails it too.
 *
 * <p>Each command runs in a fresh folder of its own; the files it reads are made first by
 * {@link #FIXTURES} (small stand-ins made by the real commands on tiny settings, once per test) and
 * copied in under the README's names. Relative paths and relative default outputs are resolved in
 * that folder through picocli's model of the command (the JVM's working directory cannot change).
 */
class ReadmeExamplesTest {

    /** A README command not run here: its start ({@code exact}: the whole command) and why. */
    record Skip(String start, boolean exact, String why) {
        boolean matches(String command) {
            return exact ? command.equals(start) : command.startsWith(start);
        }
    }

    private static final List<Skip> SKIPPED = List.of(
            // builds and the whole test suite: CI runs them itself
            new Skip("mvn ", false, "Maven build or test run"),
            // no docker engine in CI (docker/README.md says what was checked without one)
            new Skip("docker ", false, "needs a docker engine"),
            // AsciiDoc to troff: Asciidoctor is not a dependency of the build
            new Skip("asciidoctor ", false, "needs Asciidoctor"),
            // PINN training: minutes (PdeTrainCommandTest trains with tiny settings)
            new Skip("popcast pde train ", false, "trains a network for minutes"),
            // all 356 cities x 15 scenarios to 2100: about 15 s and 3.5 GB of heap (CohortCliTest projects the nation)
            new Skip("popcast cohort project", true, "the full city projection to 2100"),
            new Skip("popcast cohort project --trajectories ", false, "1000 trajectories of every city"),
            new Skip("popcast cohort hindcast --trajectories ", false, "1000 trajectories of every city"),
            // a Spark cluster and the popcast-spark jar (spark/ builds it; SparkCliTest runs the engine on local[2])
            new Skip("spark-submit ", false, "needs a Spark cluster"),
            // FNN, LSTM and gradient-boosted trees on three splits of the full table: minutes (MobilityCliTest runs it small)
            new Skip("popcast mobility evaluate --out ", false, "trains every model on every split"));

    /** A file a README command reads: made once by {@code make} in the fixture folder, copied in as {@code name}. */
    record Fixture(String name, Maker make) {
    }

    @FunctionalInterface
    interface Maker {
        /** Writes the fixture to {@code target}, using {@code dir} for anything else it needs. */
        void make(Path target, Path dir) throws IOException;
    }

    private static final Fixture PDE = new Fixture("pde-three-child.h5",
            (t, d) -> popcast("pde", "solve", "--policy", "three-child", "--age-step", "1", "--time-step", "0.5", "--out", t.toString()));
    private static final Fixture PINN = new Fixture("pinn.h5", (t, d) -> {
        List<String> args = new ArrayList<>(List.of("pde", "train", "--model", "pinn", "--out", t.toString()));
        args.addAll(List.of(PdeTrainCommandTest.TINY));
        popcast(args.toArray(String[]::new));
    });
    /** The nation to 2100 under the source paper's 15 scenarios (named medium-medium, low-low, ...), as the city projection has. */
    private static final Fixture NATIONAL_PROJECTION = new Fixture("cohort-projection.h5", (t, d) -> popcast("cohort", "project",
            "--builtin", "china-national", "--scenarios", "builtin:paper-5x3", "--out", t.toString()));
    /** Every city, to 2020 only: what cohort validate compares with the shipped 2020 census totals. */
    private static final Fixture CITY_PROJECTION_TO_2020 = new Fixture("cohort-projection.h5",
            (t, d) -> popcast("cohort", "project", "--horizon", "10", "--out", t.toString()));
    private static final Fixture VALIDATION = new Fixture("cohort-validation.h5", (t, d) -> {
        Path projection = d.resolve("cn.h5"), observed = Files.writeString(d.resolve("observed.csv"), "region,population\nCN,1409778724\n");
        popcast("cohort", "project", "--builtin", "china-national", "--horizon", "10", "--out", projection.toString());
        popcast("cohort", "validate", "--projection", projection.toString(), "--observed", observed.toString(), "--out", t.toString());
    });
    private static final Fixture FORECAST = new Fixture("balance-forecast.h5",
            (t, d) -> popcast("balance", "forecast", "--method", "balance", "--out", t.toString()));
    private static final Fixture GROUPS = new Fixture("balance-groups.h5", (t, d) -> popcast("balance", "groups",
            "--series", BalanceCliTest.series(d).toString(), "--groups", BalanceCliTest.groups(d).toString(), "--out", t.toString()));
    private static final Fixture EVALUATION = new Fixture("eval/evaluation.h5", (t, d) -> {
        Path table = MobilityCliTest.table(d, "mobility.csv", true);
        popcast(MobilityCliTest.args(new String[] {"mobility", "evaluate", "--table", table.toString(), "--out", t.getParent().toString()},
                "--folds", "3", "--time-origins", "2017,2018"));
    });
    /** A plain ridge of the change: the README trains ridge_cv, which takes longer to fit and predicts through the same path. */
    private static final Fixture MOBILITY_MODEL = new Fixture("m.h5", (t, d) -> popcast("mobility", "train", "--model", "ridge", "--out", t.toString()));
    /** "new" city-years: the shipped table itself, which has every column the model needs. */
    private static final Fixture NEW_TABLE = new Fixture("new.csv",
            (t, d) -> Files.writeString(t, org.popcast.data.input.BuiltinData.text(MobilityOptions.BUILTIN_TABLE)));

    /** The files README commands read, by the start of the command. */
    private static final Map<String, List<Fixture>> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("popcast plot pde-three-child.h5", List.of(PDE));
        FIXTURES.put("popcast plot pinn.h5", List.of(PINN));
        FIXTURES.put("popcast plot cohort-projection.h5", List.of(NATIONAL_PROJECTION));
        FIXTURES.put("popcast plot cohort-validation.h5", List.of(VALIDATION));
        FIXTURES.put("popcast plot balance-forecast.h5", List.of(FORECAST));
        FIXTURES.put("popcast plot balance-groups.h5", List.of(GROUPS));
        FIXTURES.put("popcast plot eval/evaluation.h5", List.of(EVALUATION));
        FIXTURES.put("popcast cohort validate --projection cohort-projection.h5", List.of(CITY_PROJECTION_TO_2020));
        FIXTURES.put("popcast mobility predict --model m.h5 --table new.csv", List.of(MOBILITY_MODEL, NEW_TABLE));
    }

    @TempDir
    Path dir;

    /** Fixtures already made, by identity, and where. */
    private final Map<Fixture, Path> made = new HashMap<>();

    @Test
    void everyReadmeCommandRunsOrIsSkippedWithItsReason() throws IOException {
        List<String> failures = new ArrayList<>();
        Set<Skip> used = new LinkedHashSet<>();
        int ran = 0;
        for (Example example : examples(Files.readString(readme()))) {
            Skip skip = SKIPPED.stream().filter(s -> s.matches(example.command())).findFirst().orElse(null);
            if (skip != null) {
                used.add(skip);
                System.out.printf("skipped  %s (%s)%n", example, skip.why());
            } else if (!example.command().startsWith("popcast ")) {
                failures.add(example + ": neither run nor on ReadmeExamplesTest.SKIPPED");
            } else {
                long start = System.nanoTime();
                String failure = run(example, dir.resolve("run-" + ++ran));
                System.out.printf(java.util.Locale.ROOT, "%5.1f s  %s%s%n", (System.nanoTime() - start) / 1e9, example,
                        failure == null ? "" : " FAILED");
                if (failure != null) {
                    failures.add(example + ": " + failure);
                }
            }
        }
        for (Skip s : SKIPPED) {
            if (!used.contains(s)) {
                failures.add("SKIPPED entry '" + s.start() + "' matches no README command any more");
            }
        }
        for (String start : FIXTURES.keySet()) {
            if (examples(Files.readString(readme())).stream().noneMatch(e -> e.command().startsWith(start))) {
                failures.add("FIXTURES entry '" + start + "' matches no README command any more");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void examplesAreJoinedAtBackslashesSplitAtAndAndStrippedOfComments() {
        String md = String.join("\n", "text", "```sh", "mvn -q package && ./popcast pde solve \\", "    --out 'a b.h5'   # the exact solver",
                "", "popcast info x.h5", "```", "```python", "popcast not shell", "```", "```shell", "$ popcast doctor", "```");
        assertEquals(List.of("mvn -q package", "popcast pde solve --out 'a b.h5'", "popcast info x.h5", "popcast doctor"),
                examples(md).stream().map(Example::command).toList());
        assertEquals(List.of("a", "b c", "d\"e"), words("a 'b c' \"d\\\"e\""));
    }

    // ---- README commands ----

    /** One command of a fenced block: its README line and its text, continuations joined, comment and {@code ./} removed. */
    record Example(int line, String command) {
        @Override
        public String toString() {
            return "README.md:" + line + ": `" + command + "`";
        }
    }

    static List<Example> examples(String markdown) {
        List<Example> all = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        boolean shell = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                shell = !shell && List.of("sh", "shell", "bash", "console").contains(line.substring(3).strip());
                continue;
            }
            if (!shell) {
                continue;
            }
            int first = i + 1;
            StringBuilder command = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                command.append(line, 0, line.length() - 1).append(' ');
                line = lines.get(++i).strip();
            }
            command.append(line);
            String text = withoutComment(command.toString()).replaceFirst("^\\$\\s+", "").strip();
            for (String part : text.split("\\s*&&\\s*")) {
                String c = part.strip().replaceFirst("^\\./popcast\\b", "popcast").replaceAll("\\s+", " ");
                if (!c.isEmpty()) {
                    all.add(new Example(first, c));
                }
            }
        }
        return all;
    }

    /** The command before a {@code #} that starts a word outside quotes. */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** The words of a command as a POSIX shell splits them (quotes, backslash escapes; no expansions). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    // ---- running one ----

    /** Runs {@code example} in {@code folder}; null on success, else what went wrong. */
    private String run(Example example, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, List<Fixture>> e : FIXTURES.entrySet()) {
            if (example.command().startsWith(e.getKey())) {
                for (Fixture f : e.getValue()) {
                    Path target = folder.resolve(f.name());
                    Files.createDirectories(target.getParent());
                    Files.copy(fixture(f), target);
                }
            }
        }
        List<String> words = new ArrayList<>(words(example.command()));
        Path stdout = null;
        int redirect = words.indexOf(">");
        if (redirect >= 0) {
            stdout = folder.resolve(words.get(redirect + 1));
            words.subList(redirect, redirect + 2).clear();
        }
        String[] args;
        try {
            args = ReadmeArgs.inFolder(words.subList(1, words.size()), folder);
        } catch (picocli.CommandLine.ParameterException e) {
            return "does not parse: " + e.getMessage();
        }
        CliRun run = CliRun.popcast(args);
        if (run.exit() != 0) {
            return "exit " + run.exit() + ": " + run.errWithoutBanner().strip();
        }
        if (stdout != null) {
            Files.writeString(stdout, run.out());
        }
        return null;
    }

    /** The fixture's file, made on first use. */
    private Path fixture(Fixture f) throws IOException {
        Path file = made.get(f);
        if (file == null) {
            Path home = dir.resolve("fixtures").resolve(Integer.toString(made.size()));
            file = home.resolve(f.name());
            Files.createDirectories(file.getParent());
            f.make().make(file, home);
            made.put(f, file);
        }
        return file;
    }

    private static void popcast(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("-q")) {
            all.add(0, "-q");
        }
        CliRun run = CliRun.popcast(all.toArray(String[]::new));
        if (run.exit() != 0) {
            throw new IllegalStateException("making a README fixture failed: popcast " + String.join(" ", args) + ": " + run.err());
        }
    }

    /** README.md at the repository root (tests run in cli/). */
    static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("cli"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + here);
    }
}
