package org.popcast.data.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder of input files: a directory on disk, one shipped inside popcast
 * ({@code builtin:NAME}, under {@code org/popcast/data/}) or files held as texts (a folder shipped
 * to another machine, {@link #ofTexts}). Files are named relative to it.
 */
public final class InputFolder {

    private final Path dir;
    private final String builtin;
    /** the files of a folder of texts (then its name is {@code builtin}), else null */
    private final Map<String, String> texts;
    /** the files read so far, in a {@link #recording()} folder, else null */
    private final Map<String, String> read;

    private InputFolder(Path dir, String builtin) {
        this(dir, builtin, null, null);
    }

    private InputFolder(Path dir, String builtin, Map<String, String> texts, Map<String, String> read) {
        this.dir = dir;
        this.builtin = builtin;
        this.texts = texts;
        this.read = read;
    }

    /**
     * A folder of the given files' texts, named {@code name} in messages (e.g. the {@link #describe()}
     * of the folder they were read from): what a task on another machine rebuilds an input from.
     */
    public static InputFolder ofTexts(String name, Map<String, String> files) {
        return new InputFolder(null, name, Map.copyOf(files), null);
    }

    /** The same folder, remembering every file that is read or found to exist ({@link #filesRead()}). */
    public InputFolder recording() {
        return new InputFolder(dir, builtin, texts, java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /** The files a {@link #recording()} folder has read or found so far, by name. */
    public Map<String, String> filesRead() {
        if (read == null) {
            throw new IllegalStateException("not a recording folder");
        }
        synchronized (read) {
            return new LinkedHashMap<>(read);
        }
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
        if (texts != null) {
            return builtin + "/" + file;
        }
        return dir != null ? dir.resolve(file).toString() : "builtin:" + builtin + "/" + file;
    }

    /** The folder's own name for provenance. */
    public String describe() {
        if (texts != null) {
            return builtin;
        }
        return dir != null ? dir.toAbsolutePath().normalize().toString() : "builtin:" + builtin;
    }

    public boolean exists(String file) {
        boolean found = texts != null ? texts.containsKey(file)
                : dir != null ? Files.isRegularFile(dir.resolve(file)) : BuiltinData.text(builtin + "/" + file) != null;
        if (found && read != null) {
            text(file);
        }
        return found;
    }

    /** The text of a file; InputException naming it if it is missing. */
    public String text(String file) {
        String text = textOf(file);
        if (read != null) {
            read.put(file, text);
        }
        return text;
    }

    private String textOf(String file) {
        if (texts != null) {
            String text = texts.get(file);
            if (text == null) {
                throw new InputException(name(file) + ": no such file");
            }
            return text;
        }
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
