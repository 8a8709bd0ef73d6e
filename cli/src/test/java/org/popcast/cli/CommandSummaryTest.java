package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
     * validate once had) on its tracer's stream, which holds the System.err of its class
     * initialisation; the test points that field at a buffer.
     */
    @Test
    void everyUsageMessageRendersWithoutWarnings() throws Exception {
        java.lang.reflect.Field stream = CommandLine.Tracer.class.getDeclaredField("stream");
        stream.setAccessible(true);
        PrintStream stderr = (PrintStream) stream.get(CommandLine.tracer());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> warned = new ArrayList<>();
        try {
            stream.set(CommandLine.tracer(), new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandSpec spec : commands()) {
                captured.reset();
                spec.commandLine().getUsageMessage();
                if (captured.size() > 0) {
                    warned.add(spec.qualifiedName() + ": " + captured.toString(StandardCharsets.UTF_8).strip());
                }
            }
        } finally {
            stream.set(CommandLine.tracer(), stderr);
        }
        assertEquals(List.of(), warned);
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
