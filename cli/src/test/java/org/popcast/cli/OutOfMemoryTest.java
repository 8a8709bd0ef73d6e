package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that fills the Java heap ends with one line saying how to give Java more, and leaves no file. */
class OutOfMemoryTest {

    @Test
    void aFullHeapIsOneLineAndLeavesNoFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cohort.h5");
        // the real command in a JVM with a heap far too small for the embedded 388-region projection
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "cohort", "project", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        List<String> err = Files.readAllLines(tmp.resolve("err.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !(l.startsWith("popcast ") && l.contains(" | Java ")))
                .filter(l -> !l.startsWith("WARNING: All log messages before absl") && !l.matches("[IWE]\\d{4} .*")) // TensorFlow's native start-up lines
                .toList();
        assertEquals(PopcastCli.EXIT_FAILURE, p.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("popcast cohort project: out of memory: the Java heap (at most "), err.get(0));
        assertTrue(err.get(0).contains(" MB) is full; give Java more, e.g. JAVA_OPTS=-Xmx8g"), err.get(0));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("err.txt"), files.map(f -> f.getFileName().toString()).toList(), "no result or temporary file");
        }
        assertFalse(Files.exists(out));
    }
}
