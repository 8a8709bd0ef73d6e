package org.popcast.models.cohort.stochastic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.popcast.data.io.ScratchFile;
import org.popcast.kernels.stochastic.SampleQuantiles;

/**
 * Every trajectory's summary in a {@link ScratchFile} instead of the heap, so the memory of a
 * probabilistic projection does not grow with the number of trajectories. Row j (trajectory j,
 * whichever thread made it) holds its totals [R][Y] then its values by sex and age [R][2][G][Yq]
 * in single precision at byte {@code j * rowBytes}. The quantiles are made block by block of
 * cells: the N values of B cells (B chosen so that N x B floats fit the buffer budget), each
 * cell's values in trajectory order, sorted and reduced with Hyndman-Fan 7 exactly as
 * {@link ProjectionQuantiles#of} does in memory, so the figures are the same to the bit.
 */
public final class TrajectoryStore implements AutoCloseable, Trajectories.Sink {

    /** The quantile buffer's default size: 64 MiB of values, whatever the number of trajectories. */
    public static final long BUDGET_DEFAULT = 64L << 20;

    private final ScratchFile file;
    private final SummaryShape shape;
    private final int count;
    private final int rowFloats;

    /** @param count the trajectories it will hold, numbered 0..count-1 */
    public TrajectoryStore(ScratchFile file, SummaryShape shape, int count) {
        this.file = file;
        this.shape = shape;
        this.count = count;
        this.rowFloats = shape.totalSize() + shape.byAgeSize();
    }

    /** Writes trajectory j's row (thread-safe: rows do not overlap). */
    @Override
    public void accept(int j, TrajectorySummary s) {
        if (j < 0 || j >= count) {
            throw new IllegalArgumentException("trajectory " + j + " outside 0.." + (count - 1));
        }
        ByteBuffer row = ByteBuffer.allocate(rowFloats * Float.BYTES).order(ByteOrder.nativeOrder());
        FloatBuffer f = row.asFloatBuffer();
        f.put(s.totals()).put(s.byAge());
        try {
            file.write(row, (long) j * rowFloats * Float.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep trajectory " + j + " in " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /** The cells per block for a budget of {@code budgetBytes}: at least one, at most a row. */
    int blockCells(long budgetBytes) {
        return (int) Math.max(1, Math.min(rowFloats, budgetBytes / ((long) count * Float.BYTES)));
    }

    /** Quantiles [K][cells] of totals and by age over all trajectories, N x B values in memory at a time. */
    public ProjectionQuantiles quantiles(double[] probabilities, long budgetBytes) {
        int k = probabilities.length, totalSize = shape.totalSize(), ageSize = shape.byAgeSize();
        double[] totals = new double[k * totalSize], byAge = new double[k * ageSize];
        try {
            if (file.size() != (long) count * rowFloats * Float.BYTES) {
                throw new IllegalStateException("temporary file " + file.path() + " holds " + file.size() + " bytes, expected "
                        + (long) count * rowFloats * Float.BYTES + " for " + count + " trajectories");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int b = blockCells(budgetBytes);
        float[] block = new float[count * b];
        ByteBuffer bytes = ByteBuffer.allocateDirect(b * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int from = 0; from < rowFloats; from += b) {
            int cells = Math.min(b, rowFloats - from), start = from;
            read(block, bytes, from, cells);
            IntStream.range(0, cells).parallel().forEach(i -> {
                double[] values = new double[count];
                for (int j = 0; j < count; j++) {
                    values[j] = block[j * cells + i];
                }
                double[] q = Double.isNaN(values[0]) ? nan(k) : SampleQuantiles.of(values, probabilities);
                int c = start + i;
                boolean total = c < totalSize;
                double[] out = total ? totals : byAge;
                int size = total ? totalSize : ageSize, cell = total ? c : c - totalSize;
                for (int p = 0; p < k; p++) {
                    out[p * size + cell] = q[p];
                }
            });
        }
        return new ProjectionQuantiles(probabilities.clone(), totals, byAge);
    }

    /** Every trajectory's totals [N][R][Y], read back in trajectory order. */
    public float[][] totals() {
        int size = shape.totalSize();
        float[][] out = new float[count][size];
        ByteBuffer bytes = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int j = 0; j < count; j++) {
            readRow(bytes, j, 0, size);
            bytes.asFloatBuffer().get(out[j]);
        }
        return out;
    }

    /** Cells [from, from + cells) of every row into block[j * cells + i]. */
    private void read(float[] block, ByteBuffer bytes, int from, int cells) {
        for (int j = 0; j < count; j++) {
            readRow(bytes, j, from, cells);
            bytes.asFloatBuffer().get(block, j * cells, cells);
        }
    }

    private void readRow(ByteBuffer bytes, int j, int from, int cells) {
        bytes.clear().limit(cells * Float.BYTES);
        try {
            file.read(bytes, ((long) j * rowFloats + from) * Float.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trajectory " + j + " back from " + file.path() + ": " + e.getMessage(), e);
        }
        bytes.flip();
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
