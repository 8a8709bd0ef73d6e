package org.popcast.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link TidyTable} as CSV (formats.md): header row, comma separator, dot decimals
 * (shortest text that reads back to the same double), UTF-8, no index column. Atomic.
 * Values containing a comma, quote or line break are quoted.
 */
public final class CsvTableWriter {

    private CsvTableWriter() {
    }

    public static void write(Path target, TidyTable table) throws IOException {
        AtomicFile.write(target, writer(table));
    }

    /** Writes {@code table} to the path it is given, for {@link OutputFiles#write} (which stages and renames). */
    public static AtomicFile.IoAction<Path> writer(TidyTable table) {
        return tmp -> {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                for (int c = 0; c < table.columns().size(); c++) {
                    out.write(c == 0 ? "" : ",");
                    out.write(quote(table.columns().get(c).name()));
                }
                out.write('\n');
                StringBuilder line = new StringBuilder();
                table.source().forEachBatch((rows, batch) -> {
                    table.check(rows, batch);
                    for (int i = 0; i < rows; i++) {
                        line.setLength(0);
                        for (int c = 0; c < batch.length; c++) {
                            if (c > 0) {
                                line.append(',');
                            }
                            Object col = batch[c];
                            if (col instanceof String[] s) {
                                line.append(quote(s[i]));
                            } else if (col instanceof long[] l) {
                                line.append(l[i]);
                            } else {
                                line.append(((double[]) col)[i]);
                            }
                        }
                        line.append('\n');
                        out.append(line);
                    }
                });
            }
        };
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
