package org.popcast.models.fuzz;

import java.nio.charset.StandardCharsets;

import org.popcast.data.input.InputException;

/**
 * The contract every input reader keeps under fuzzing: an input either parses or fails with
 * {@link InputException} carrying one line that names the source. Any other exception or error
 * (a crash, a stack overflow, an out-of-memory) escapes and is a finding.
 */
final class ReaderContract {

    private ReaderContract() {
    }

    interface Reader {
        void read() throws Exception;
    }

    static void holds(String source, Reader reader) throws Exception {
        try {
            reader.read();
        } catch (InputException e) {
            String m = e.getMessage();
            if (m == null || !m.contains(source) || m.lines().count() != 1) {
                throw new AssertionError("not a one-line message naming " + source + ": " + m, e);
            }
        }
    }

    private static final java.util.Map<String, java.nio.file.Path> SCRATCH = new java.util.HashMap<>();

    /** A temporary file the fuzzer's bytes are written to, one per name, deleted when the JVM ends. */
    static synchronized java.nio.file.Path scratch(String name) throws java.io.IOException {
        java.nio.file.Path f = SCRATCH.get(name);
        if (f == null) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("popcast-fuzz-");
            dir.toFile().deleteOnExit();
            f = dir.resolve(name);
            f.toFile().deleteOnExit();
            SCRATCH.put(name, f);
        }
        return f;
    }

    /** Fuzzer bytes as the text a reader sees after InputFiles (which refuses malformed UTF-8 earlier). */
    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }
}
