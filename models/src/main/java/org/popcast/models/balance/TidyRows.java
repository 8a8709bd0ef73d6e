package org.popcast.models.balance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.popcast.data.io.TableFolders;
import org.popcast.data.io.TidyTable;

/**
 * Collects the few hundred rows of a balance-model table one record at a time and hands them to
 * the project's {@link TidyTable} writers as one batch.
 */
final class TidyRows {

    private final List<TidyTable.Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    /** Columns as name, type pairs: "year", INT64, "indicator", STRING, ... */
    TidyRows(Object... nameTypePairs) {
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.add(new TidyTable.Column((String) nameTypePairs[i], (TidyTable.Type) nameTypePairs[i + 1]));
        }
    }

    /** One record: String for STRING columns, a whole number for INT64, a number for FLOAT64. */
    TidyRows add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    TidyTable table(Map<String, String> metadata) {
        int n = rows.size();
        Object[] batch = new Object[columns.size()];
        for (int c = 0; c < batch.length; c++) {
            int col = c;
            batch[c] = switch (columns.get(c).type()) {
                case STRING -> rows.stream().map(r -> String.valueOf(r[col])).toArray(String[]::new);
                case INT64 -> rows.stream().mapToLong(r -> ((Number) r[col]).longValue()).toArray();
                case FLOAT64 -> rows.stream().mapToDouble(r -> ((Number) r[col]).doubleValue()).toArray();
            };
        }
        return new TidyTable(List.copyOf(columns), metadata, sink -> sink.accept(n, batch));
    }

    /** Writes the table to {@code target}: Parquet for a .parquet name, Arrow for .arrow, else CSV. */
    void writeFile(org.popcast.data.io.OutputFiles outputs, Path target) throws IOException {
        outputs.write(target, TableFolders.writerFor(target, table(Map.of())));
    }

    /** Writes the table as {@code name}.csv/.parquet into the folders of {@code dirs}. */
    void write(org.popcast.data.io.OutputFiles outputs, TableFolders dirs, String name) throws IOException {
        dirs.write(outputs, name, table(Map.of()));
    }
}
