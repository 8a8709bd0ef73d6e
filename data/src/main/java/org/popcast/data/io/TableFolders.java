package org.popcast.data.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a command writes its tidy tables: a folder per format ({@code --csv DIR}, {@code --arrow DIR},
 * {@code --parquet DIR}; null: not asked for). Each table goes to every folder given, as
 * {@code NAME.csv}, {@code NAME.arrow}, {@code NAME.parquet}, through {@link OutputFiles}
 * (staged, renamed together with the run's other files).
 */
public record TableFolders(Path csv, Path arrow, Path parquet, Map<String, String> metadata) {

    public TableFolders {
        metadata = Map.copyOf(metadata);
    }

    /** Folders without metadata of their own. */
    public TableFolders(Path csv, Path arrow, Path parquet) {
        this(csv, arrow, parquet, Map.of());
    }

    public static TableFolders none() {
        return new TableFolders(null, null, null);
    }

    /**
     * The same folders; tables written without metadata of their own get {@code metadata}
     * (provenance) in the formats that carry it (Arrow, Parquet).
     */
    public TableFolders withMetadata(Map<String, String> metadata) {
        return new TableFolders(csv, arrow, parquet, metadata);
    }

    /** Whether any folder was given. */
    public boolean any() {
        return csv != null || arrow != null || parquet != null;
    }

    /** Declares the folders given as outputs (checked, created) under their option names. */
    public TableFolders declare(OutputFiles outputs) throws IOException {
        outputs.directory("--csv", csv);
        outputs.directory("--arrow", arrow);
        outputs.directory("--parquet", parquet);
        return this;
    }

    /** Writes {@code table} as {@code name}.csv/.arrow/.parquet into each folder given. */
    public void write(OutputFiles outputs, String name, TidyTable given) throws IOException {
        TidyTable table = given.metadata().isEmpty() && !metadata.isEmpty() ? new TidyTable(given.columns(), metadata, given.source()) : given;
        if (csv != null) {
            outputs.write(csv.resolve(name + ".csv"), CsvTableWriter.writer(table));
        }
        if (arrow != null) {
            outputs.write(arrow.resolve(name + ".arrow"), ArrowWriter.writer(table));
        }
        if (parquet != null) {
            outputs.write(parquet.resolve(name + ".parquet"), ParquetTableWriter.writer(table));
        }
    }

    /** The folders given, for messages ("a, b"). */
    public String describe() {
        return String.join(", ", java.util.stream.Stream.of(csv, arrow, parquet).filter(java.util.Objects::nonNull).map(Path::toString).toList());
    }

    /**
     * The writer of a single table file by its extension: {@code .parquet} Parquet, {@code .arrow},
     * {@code .feather} or {@code .ipc} Arrow IPC, anything else CSV.
     */
    public static AtomicFile.IoAction<Path> writerFor(Path target, TidyTable table) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return ParquetTableWriter.writer(table);
        }
        if (name.endsWith(".arrow") || name.endsWith(".feather") || name.endsWith(".ipc")) {
            return ArrowWriter.writer(table);
        }
        return CsvTableWriter.writer(table);
    }
}
