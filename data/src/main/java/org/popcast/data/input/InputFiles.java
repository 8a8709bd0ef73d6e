package org.popcast.data.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads input files as UTF-8 text, with errors that name the file. */
public final class InputFiles {

    private InputFiles() {
    }

    public static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The cells of a CSV header line, trimmed, without a byte-order mark; empty for no line. */
    public static List<String> header(List<String> lines) {
        return lines.isEmpty() ? List.of()
                : Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
    }

    /** The header, which must be exactly {@code expected}. */
    public static List<String> requireHeader(String name, List<String> lines, List<String> expected) {
        List<String> header = header(lines);
        if (!header.equals(expected)) {
            throw new InputException(name + ":1: expected the header " + String.join(",", expected) + ", found "
                    + (header.isEmpty() ? "an empty file" : String.join(",", header)));
        }
        return header;
    }
}
