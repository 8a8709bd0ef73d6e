package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Model.CommandSpec;

/** The build's man pages (cli/target/generated-docs, written by {@link ManPages}): one AsciiDoc page per command. */
class ManPagesTest {

    private static final Path BUILT = Path.of("target", "generated-docs");

    @Test
    void theBuildWroteOnePagePerCommand() throws IOException {
        assertTrue(Files.isDirectory(BUILT), BUILT.toAbsolutePath() + " is missing: the build's man-pages execution (exec-maven-plugin,"
                + " process-test-classes) did not run");
        assertEquals(expected(), pages(BUILT));
    }

    @Test
    void aPageHasTheSectionsOfAManPage() throws IOException {
        Path dir = Files.createTempDirectory("popcast-man");
        ManPages.main(new String[] {dir.toString()});
        assertEquals(expected(), pages(dir));
        String page = Files.readString(dir.resolve("popcast-cohort-validate.adoc"));
        for (String part : List.of(":doctype: manpage", "= popcast-cohort-validate(1)", "== Name", "== Synopsis", "== Description",
                "== Options", "--scenario", "--overwrite")) {
            assertTrue(page.contains(part), part);
        }
    }

    /** popcast.adoc, popcast-pde.adoc, popcast-pde-solve.adoc, ...: the qualified names of the command tree. */
    private static Set<String> expected() {
        Set<String> names = new TreeSet<>();
        for (CommandSpec spec : CommandSummaryTest.commands()) {
            names.add(spec.qualifiedName("-") + ".adoc");
        }
        return names;
    }

    private static Set<String> pages(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".adoc")).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
