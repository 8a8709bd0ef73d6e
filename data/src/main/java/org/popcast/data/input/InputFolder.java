package org.popcast.data.input;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of input files: a directory on disk or one shipped inside popcast
 * ({@code builtin:NAME}, under {@code org/popcast/data/}). Files are named relative to it.
 */
public final class InputFolder {

    private final Path dir;
    private final String builtin;

    private InputFolder(Path dir, String builtin) {
        this.dir = dir;
        this.builtin = builtin;
    }

    public static InputFolder of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such directory");
        }
        return new InputFolder(dir, null);
    }

    /** A shipped folder, e.g. {@code cohort/china-cities}. */
    public static InputFolder builtin(String relative) {
        return new InputFolder(null, relative);
    }

    /** The name of a file for messages: its path, or {@code builtin:folder/file}. */
    public String name(String file) {
        return dir != null ? dir.resolve(file).toString() : "builtin:" + builtin + "/" + file;
    }

    /** The folder's own name for provenance. */
    public String describe() {
        return dir != null ? dir.toAbsolutePath().normalize().toString() : "builtin:" + builtin;
    }

    public boolean exists(String file) {
        return dir != null ? Files.isRegularFile(dir.resolve(file)) : BuiltinData.text(builtin + "/" + file) != null;
    }

    /** The text of a file; InputException naming it if it is missing. */
    public String text(String file) {
        if (dir != null) {
            return InputFiles.readString(dir.resolve(file));
        }
        String text = BuiltinData.text(builtin + "/" + file);
        if (text == null) {
            throw new InputException(name(file) + ": no such file");
        }
        return text;
    }

    public CsvTable csv(String file) {
        return CsvTable.parse(name(file), text(file));
    }
}
