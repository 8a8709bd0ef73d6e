package org.popcast.data.input;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads input files as UTF-8 text, with errors that name the file. Only regular files up to
 * {@link #MAX_TEXT_BYTES} are read: {@code /dev/zero} or a pipe would never end, a huge file would
 * fill the heap before any check could speak.
 */
public final class InputFiles {

    /** A named limit (docs/reliability.md). */
    public static final long MAX_TEXT_BYTES = 256L << 20;

    private InputFiles() {
    }

    public static String readString(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": not a regular file (a directory, device or pipe); give a file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_TEXT_BYTES) {
                throw new InputException(file + ": " + (size >> 20) + " MB, more than the " + (MAX_TEXT_BYTES >> 20)
                        + " MB popcast reads as a text input");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": permission denied");
        } catch (MalformedInputException e) {
            throw new InputException(file + ": not UTF-8 text; save it as UTF-8 (CSV exported as UTF-8, or iconv -t UTF-8)", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
