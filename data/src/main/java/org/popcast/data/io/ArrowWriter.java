package org.popcast.data.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a {@link TidyTable} as an Arrow IPC file (Feather v2: {@code pyarrow.feather.read_table},
 * {@code pandas.read_feather}, R's {@code arrow::read_feather}), one record batch per table
 * batch, the table's metadata in the schema. Atomic: written to a temporary file and renamed.
 */
public final class ArrowWriter {

    private ArrowWriter() {
    }

    public static void write(Path target, TidyTable table) throws IOException {
        AtomicFile.write(target, writer(table));
    }

    /** Writes {@code table} to the path it is given, for {@link OutputFiles#write} (which stages and renames). */
    public static AtomicFile.IoAction<Path> writer(TidyTable table) {
        return path -> writeFile(path, table);
    }

    private static void writeFile(Path path, TidyTable table) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (TidyTable.Column c : table.columns()) {
            fields.add(new Field(c.name(), FieldType.notNullable(arrowType(c.type())), null));
        }
        Schema schema = new Schema(fields, table.metadata());
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            table.source().forEachBatch((rows, batch) -> {
                table.check(rows, batch);
                root.allocateNew();
                for (int c = 0; c < batch.length; c++) {
                    fill(root.getVector(c), batch[c], rows);
                }
                root.setRowCount(rows);
                writer.writeBatch();
            });
            writer.end();
        }
    }

    private static void fill(FieldVector vector, Object values, int rows) {
        if (vector instanceof VarCharVector v) {
            String[] s = (String[]) values;
            for (int i = 0; i < rows; i++) {
                v.setSafe(i, s[i].getBytes(UTF_8));
            }
        } else if (vector instanceof BigIntVector v) {
            long[] l = (long[]) values;
            for (int i = 0; i < rows; i++) {
                v.setSafe(i, l[i]);
            }
        } else {
            Float8Vector v = (Float8Vector) vector;
            double[] d = (double[]) values;
            for (int i = 0; i < rows; i++) {
                v.setSafe(i, d[i]);
            }
        }
        vector.setValueCount(rows);
    }

    private static ArrowType arrowType(TidyTable.Type type) {
        return switch (type) {
            case STRING -> ArrowType.Utf8.INSTANCE;
            case INT64 -> new ArrowType.Int(64, true);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        };
    }
}
