package org.popcast.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link TidyTable} as CSV (formats.md) through Apache Commons CSV ({@link CsvText#FORMAT}):
 * header row, comma separator, RFC 4180 quoting where a cell needs it, numbers as
 * {@link CsvText#number} (shortest round-trip text, whole numbers without ".0"), UTF-8, no index
 * column. Atomic.
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
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW), 1 << 16);
                 CSVPrinter printer = new CSVPrinter(out, CsvText.FORMAT)) {
                for (TidyTable.Column c : table.columns()) {
                    printer.print(c.name());
                }
                printer.println();
                table.source().forEachBatch((rows, batch) -> {
                    table.check(rows, batch);
                    for (int i = 0; i < rows; i++) {
                        for (Object col : batch) {
                            if (col instanceof String[] s) {
                                printer.print(s[i]);
                            } else if (col instanceof long[] l) {
                                printer.print(Long.toString(l[i]));
                            } else {
                                printer.print(CsvText.number(((double[]) col)[i]));
                            }
                        }
                        printer.println();
                    }
                });
            }
        };
    }
}
