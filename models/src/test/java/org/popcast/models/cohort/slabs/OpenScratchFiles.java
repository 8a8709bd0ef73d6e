package org.popcast.models.cohort.slabs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * This process's open descriptors on scratch files of a target (Linux: /proc/self/fd; none
 * elsewhere). A scratch file's name is unlinked once it is open, so a listing of its folder
 * cannot tell whether it was closed; its descriptor can.
 */
public final class OpenScratchFiles {

    private OpenScratchFiles() {
    }

    /** Descriptors on scratch files of {@code target} (a file name: they are named .target.tmp-...). */
    public static List<String> of(String target) throws IOException {
        return open().stream().filter(s -> s.contains("." + target + ".tmp-")).toList();
    }

    /** Descriptors on any scratch file in folder {@code dir}. */
    public static List<String> in(Path dir) throws IOException {
        return open().stream().filter(s -> s.startsWith(dir.toString()) && s.contains(".tmp-")).toList();
    }

    private static List<String> open() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        try (var links = Files.list(fds)) {
            return links.map(p -> {
                try {
                    return Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    return ""; // closed meanwhile
                }
            }).toList();
        }
    }
}
