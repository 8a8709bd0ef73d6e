package org.popcast.data.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import com.github.luben.zstd.Zstd;

/**
 * Writes a {@link TidyTable} as an Apache Parquet file ({@code pandas.read_parquet},
 * {@code polars.read_parquet}, R's {@code arrow::read_parquet}, DuckDB, Spark): one required column
 * per table column (STRING as UTF-8 byte arrays, INT64, FLOAT64 as DOUBLE), dictionary encoding,
 * ZSTD pages, the table's metadata as the file's key-value metadata (as {@link ArrowWriter} puts
 * it in the schema). Atomic: written to a temporary file and renamed.
 *
 * <p>Through parquet-java (parquet-hadoop) without Hadoop: a local output file, a plain
 * configuration and popcast's own ZSTD codec (zstd-jni), so none of Hadoop's classes is loaded
 * (formats.md: the choice, its jar size and speed).
 */
public final class ParquetTableWriter {

    /** The page compression. */
    public static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    /** zstd's default level: fast, and within a few per cent of the smallest files for these tables. */
    static final int ZSTD_LEVEL = 3;

    private ParquetTableWriter() {
    }

    public static void write(Path target, TidyTable table) throws IOException {
        AtomicFile.write(target, writer(table));
    }

    /** Writes {@code table} to the path it is given, for {@link OutputFiles#write} (which stages and renames). */
    public static AtomicFile.IoAction<Path> writer(TidyTable table) {
        return path -> writeFile(path, table);
    }

    /** The Parquet schema of a table: required columns in the table's order. */
    static MessageType schema(TidyTable table) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (TidyTable.Column c : table.columns()) {
            switch (c.type()) {
                case STRING -> b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                case INT64 -> b.required(PrimitiveTypeName.INT64).named(c.name());
                case FLOAT64 -> b.required(PrimitiveTypeName.DOUBLE).named(c.name());
            }
        }
        return b.named("popcast");
    }

    private static void writeFile(Path path, TidyTable table) throws IOException {
        Cursor cursor = new Cursor();
        Support support = new Support(table, schema(table));
        try (org.apache.parquet.hadoop.ParquetWriter<Cursor> writer = new Builder(new LocalOutputFile(path), support)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CODEC)
                .withCodecFactory(new Codecs())
                .withDictionaryEncoding(true)
                .build()) {
            table.source().forEachBatch((rows, batch) -> {
                table.check(rows, batch);
                cursor.batch = batch;
                for (int i = 0; i < rows; i++) {
                    cursor.row = i;
                    writer.write(cursor);
                }
            });
        }
    }

    /** The row being written: a batch and an index into it. */
    private static final class Cursor {
        Object[] batch;
        int row;
    }

    private static final class Support extends WriteSupport<Cursor> {
        private final TidyTable table;
        private final MessageType schema;
        private final String[] names;
        /** Per column, the last string written and its UTF-8 bytes: long tables repeat a few labels row after row. */
        private final String[] lastText;
        private final Binary[] lastBinary;
        private RecordConsumer out;

        Support(TidyTable table, MessageType schema) {
            this.table = table;
            this.schema = schema;
            this.names = table.columns().stream().map(TidyTable.Column::name).toArray(String[]::new);
            this.lastText = new String[names.length];
            this.lastBinary = new Binary[names.length];
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return init((ParquetConfiguration) null);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.copyOf(table.metadata()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Cursor c) {
            out.startMessage();
            for (int k = 0; k < c.batch.length; k++) {
                String name = names[k];
                out.startField(name, k);
                Object col = c.batch[k];
                if (col instanceof String[] s) {
                    String text = s[c.row];
                    if (!text.equals(lastText[k])) {
                        lastText[k] = text;
                        lastBinary[k] = Binary.fromConstantByteArray(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    out.addBinary(lastBinary[k]);
                } else if (col instanceof long[] l) {
                    out.addLong(l[c.row]);
                } else {
                    out.addDouble(((double[]) col)[c.row]);
                }
                out.endField(name, k);
            }
            out.endMessage();
        }
    }

    private static final class Builder extends org.apache.parquet.hadoop.ParquetWriter.Builder<Cursor, Builder> {
        private final Support support;

        Builder(OutputFile file, Support support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Cursor> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<Cursor> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }

    /** ZSTD through zstd-jni directly (parquet-java's own codec factory would load Hadoop). */
    private static final class Codecs implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            if (codec != CODEC) {
                throw new IllegalArgumentException("popcast writes Parquet with " + CODEC + ", not " + codec);
            }
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CODEC;
                }

                @Override
                public void release() {
                    // nothing held
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("popcast only writes Parquet");
        }

        @Override
        public void release() {
            // nothing held
        }
    }
}
