package org.popcast.data.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A long-format ("tidy") table, one row per value, streamed in batches so that tables of many
 * millions of rows are never held whole: the shape that {@link ArrowWriter} and
 * {@link CsvTableWriter} write (formats.md: same column names as the HDF5 dimensions).
 *
 * @param columns  names and types, in order
 * @param metadata key-value pairs (provenance, settings) stored with the table where the format allows
 * @param source   produces the batches; each batch holds one array per column (String[], long[] or
 *                 double[]) of the same length
 */
public record TidyTable(List<Column> columns, Map<String, String> metadata, BatchSource source) {

    public enum Type { STRING, INT64, FLOAT64 }

    public record Column(String name, Type type) {
    }

    @FunctionalInterface
    public interface BatchSource {
        void forEachBatch(BatchSink sink) throws IOException;
    }

    @FunctionalInterface
    public interface BatchSink {
        void accept(int rows, Object[] columns) throws IOException;
    }

    /** Checks a batch against the columns; writers call this so a wrong producer fails loudly. */
    public void check(int rows, Object[] batch) {
        if (batch.length != columns.size()) {
            throw new IllegalArgumentException("batch has " + batch.length + " columns, table has " + columns.size());
        }
        for (int c = 0; c < batch.length; c++) {
            Object a = batch[c];
            boolean ok = switch (columns.get(c).type()) {
                case STRING -> a instanceof String[] s && s.length >= rows;
                case INT64 -> a instanceof long[] l && l.length >= rows;
                case FLOAT64 -> a instanceof double[] d && d.length >= rows;
            };
            if (!ok) {
                throw new IllegalArgumentException("column " + columns.get(c).name() + ": expected " + columns.get(c).type()
                        + " values for " + rows + " rows");
            }
        }
    }
}
