package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one-line summaries of the command lists in --help (picocli shows a command's first header
 * line, else its first description line): each is a whole sentence, not the first line of a
 * wrapped paragraph; and every usage message renders without picocli's format warnings.
 */
class CommandSummaryTest {

    @Test
    void everySummaryEndsWhereASentenceEnds() {
        List<String> cut = new ArrayList<>();
        for (CommandSpec spec : commands()) {
            String[] header = spec.usageMessage().header(), description = spec.usageMessage().description();
            String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
            if (header.length > 1) {
                cut.add(spec.qualifiedName() + ": a header of " + header.length + " lines; the command list shows the first only");
            }
            if (!summary.strip().matches("(?s)[A-Z].*[.?!]")) {
                cut.add(spec.qualifiedName() + ": '" + summary + "'");
            }
        }
        assertEquals(List.of(), cut);
    }

    /**
     * Picocli warns about text it cannot format (a lone {@code %} in a description, as cohort
     * validate once had) on System.err, which its tracer looks up on every use.
     */
    @Test
    void everyUsageMessageRendersWithoutWarnings() {
        List<String> warned = new ArrayList<>();
        for (CommandSpec spec : commands()) {
            String warning = warnings(() -> spec.commandLine().getUsageMessage());
            if (!warning.isEmpty()) {
                warned.add(spec.qualifiedName() + ": " + warning);
            }
        }
        assertEquals(List.of(), warned);
    }

    /** The check sees a warning: a lone % in a description. */
    @Test
    void aLonePercentSignIsCaught() {
        @CommandLine.Command(name = "x", description = "share under 5 % and 10 % APE")
        class Unescaped {
        }
        assertTrue(warnings(() -> new CommandLine(new Unescaped()).getUsageMessage()).contains("Could not format"));
    }

    private static String warnings(Runnable render) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            render.run();
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    /** Every command of the tree, popcast itself included. */
    static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(PopcastCli.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandSpec> all) {
        all.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
