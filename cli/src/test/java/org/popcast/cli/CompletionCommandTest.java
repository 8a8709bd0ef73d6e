package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** popcast completion: the generated script, and what bash (and zsh, when installed) complete with it. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void theScriptCoversTheWholeCommandTree() {
        CliRun run = CliRun.popcast("completion", "bash");
        assertEquals(0, run.exit(), run.err());
        String script = run.out();
        for (String word : List.of("_complete_popcast", "pde", "train", "solve", "cohort", "balance", "mobility", "doctor", "completion",
                "config", "example", "--config", "plot", "--years", "--series",
                "--device", "--policy", "--require-gpu", "--quiet", "--verbose")) {
            assertTrue(script.contains(word), word);
        }
        CliRun zsh = CliRun.popcast("completion", "zsh");
        assertEquals(0, zsh.exit(), zsh.err());
        assertTrue(zsh.out().contains("bashcompinit"), "zsh gets the bash script through bashcompinit");
        assertEquals(script.lines().count() + 1, zsh.out().lines().count(), "the bash script plus one comment line");
        CliRun fish = CliRun.popcast("completion", "fish");
        assertEquals(2, fish.exit());
        assertTrue(fish.err().contains("expected one of [bash, zsh]"), fish.err());
    }

    @Test
    void enumeratedOptionsOfferTheWordsTheParserAccepts() {
        String script = CliRun.popcast("completion", "bash").out();
        for (String words : List.of("(\"hard\" \"soft\" \"soft-relative\" \"transported\") # --ic values", "(\"uniform\" \"sobol\") # --sampling values",
                "(\"equal\" \"gradient-norm\") # --loss-weights values", "(\"cpu\" \"gpu\" \"auto\") # --device values",
                "(\"three-child\" \"two-child\" \"universal-two-child\") # --policy values",
                "(\"balance\" \"combination\" \"persistence\" \"drift\" \"damped-trend\") # --method values",
                "(\"exact\" \"pinn\") # --method values", "(\"mortality_scale\" \"fertility_scale\") # --unknown values",
                "(\"level\" \"change\") # --target-form values", "(\"city\" \"time\" \"random_rows\") # --splits values",
                "(\"china-cities\" \"china-national\") # --builtin values", "(\"start\" \"end\" \"even\") # --migration-timing values")) {
            assertTrue(script.contains(words), words);
        }
    }

    /**
     * Every option typed with an enum offers completions, and every word offered for any option
     * parses (a word the converter refuses, as picocli's default SOFT_RELATIVE was, is a bug); the
     * options of one command that offer words have distinct labels, because picocli names the
     * script's bash array after the label and a second array of the same name replaces the first.
     */
    @Test
    void everyOfferedWordParsesAndEveryEnumOptionOffersWords() {
        List<String> problems = new java.util.ArrayList<>();
        visit(PopcastCli.commandLine(), problems);
        assertEquals(List.of(), problems);
    }

    private static void visit(picocli.CommandLine cl, List<String> problems) {
        java.util.Set<String> labels = new java.util.HashSet<>();
        List<String> path = java.util.Arrays.asList(cl.getCommandSpec().qualifiedName(" ").split(" "));
        for (picocli.CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            Class<?> type = o.typeInfo().isMultiValue() ? o.typeInfo().getAuxiliaryTypes()[0] : o.type();
            if (o.completionCandidates() == null) {
                if (type.isEnum()) {
                    problems.add(path + " " + o.longestName() + ": an enum option without completion words");
                }
                continue;
            }
            if (!labels.add(o.paramLabel())) {
                problems.add(path + " " + o.longestName() + ": a second option with completion words labelled " + o.paramLabel());
            }
            for (String word : o.completionCandidates()) {
                List<String> args = new java.util.ArrayList<>(path.subList(1, path.size()));
                args.add(o.longestName() + "=" + word);
                try {
                    PopcastCli.commandLine().parseArgs(args.toArray(String[]::new));
                } catch (picocli.CommandLine.MissingParameterException e) {
                    // the word parsed; the command needs other options too
                } catch (picocli.CommandLine.ParameterException e) {
                    problems.add(path + " " + o.longestName() + " " + word + ": " + e.getMessage());
                }
            }
        }
        cl.getSubcommands().values().forEach(sub -> visit(sub, problems));
    }

    @Test
    void bashCompletesSubcommandsAndOptions() throws Exception {
        Path script = dir.resolve("popcast.bash");
        Files.writeString(script, CliRun.popcast("completion", "bash").out());
        assertEquals(List.of("train"), complete("bash", script, "popcast", "pde", "tr"));
        assertEquals(List.of("--device"), complete("bash", script, "popcast", "pde", "train", "--dev"));
        assertEquals(List.of("soft", "soft-relative"), complete("bash", script, "popcast", "pde", "train", "--ic", "so"));
        assertEquals(java.util.Set.of("damped-trend", "drift"), java.util.Set.copyOf(complete("bash", script, "popcast", "balance", "forecast", "--method", "d")));
        assertTrue(complete("bash", script, "popcast", "").containsAll(List.of("pde", "doctor", "completion", "info", "config", "plot")));
    }

    @Test
    void zshLoadsTheScriptAndRegistersItThroughBashcompinit() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")), "zsh is not installed");
        Path script = dir.resolve("popcast.zsh");
        Files.writeString(script, CliRun.popcast("completion", "zsh").out());
        String check = "autoload -U +X compinit && compinit -u; source " + script + " && print -r -- $_comps[popcast]";
        assertEquals("0 _bash_complete -F _complete_popcast -o default", exec(dir, "zsh", "-f", "-c", check).strip());
    }

    /** The words bash's completion function offers for the last of {@code words}. */
    private List<String> complete(String shell, Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String array = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
        String check = "source " + script + " && COMP_WORDS=(" + array + ") COMP_CWORD=" + (words.length - 1)
                + " COMP_LINE='" + line + "' COMP_POINT=" + line.length() + " && _complete_popcast && printf '%s\\n' \"${COMPREPLY[@]}\"";
        String result = exec(dir, shell, "-c", check);
        assertTrue(result.startsWith("0 "), result);
        return result.substring(2).strip().lines().map(String::strip).toList();
    }

    private static String exec(Path dir, String... command) throws IOException, InterruptedException {
        // stderr dropped: outside an interactive completion bash's compopt complains there, harmlessly
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "-1 timed out";
        }
        return p.exitValue() + " " + out;
    }
}
