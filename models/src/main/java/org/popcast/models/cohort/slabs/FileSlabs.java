package org.popcast.models.cohort.slabs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.popcast.data.io.ScratchFile;

/**
 * The slabs in a {@link ScratchFile}, band-major: band b of year t at {@code (b * years + t) *
 * bandSize} doubles, so one band over every year (one scenario of a projection, what the writer of
 * the result file reads at a time) is one contiguous read. A writer thread takes the recorded slabs
 * from a small bounded queue, so the projector does not wait on the disk and no more than a few
 * slabs are in memory. Reads of a run of years go through a cache of the last bands read; a read
 * waits until the years it needs are written. A failed write is kept and thrown by the next
 * {@link #put} or read, never dropped.
 */
public final class FileSlabs implements YearSlabs {

    /** Slabs on their way to disk at most (besides the one being written). */
    static final int QUEUE = 2;
    /** Bands kept once read: the chunk writer's threads work on neighbouring chunks, of one or two scenarios. */
    static final int CACHED_BANDS = 2;
    /** Bytes moved per read call. */
    private static final int READ_BYTES = 4 << 20;

    private record Pending(int t, double[] slab) {
    }

    private final ScratchFile file;
    private final SlabShape shape;
    private final int years;
    private final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    // guarded by this
    private final boolean[] recorded;
    private final boolean[] written;
    private Exception failure;
    private boolean closed;
    private final Map<Integer, double[]> bands = new LinkedHashMap<>(4, 0.75f, true);
    private double[] spare;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    /** Takes over {@code file} (closed with these slabs). */
    public FileSlabs(ScratchFile file, SlabShape shape, int years) {
        this.file = file;
        this.shape = shape;
        this.years = years;
        this.recorded = new boolean[years];
        this.written = new boolean[years];
        writer = new Thread(this::writeAll, "popcast-result-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public SlabShape shape() {
        return shape;
    }

    @Override
    public int years() {
        return years;
    }

    @Override
    public void put(int t, double[] slab) {
        if (slab.length != shape.size()) {
            throw new IllegalArgumentException("a slab of " + slab.length + " values, expected " + shape.size());
        }
        synchronized (this) {
            usable();
            if (recorded[t]) {
                throw new IllegalStateException("year index " + t + " is already recorded");
            }
            recorded[t] = true;
        }
        try {
            while (!queue.offer(new Pending(t, slab), 100, TimeUnit.MILLISECONDS)) {
                synchronized (this) {
                    usable(); // the writer stopped: do not wait for it forever
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keeping year index " + t, e);
        }
    }

    @Override
    public double[] year(int t) {
        double[] out = new double[shape.size()], band = new double[shape.bandSize()];
        int width = shape.width();
        synchronized (this) {
            usable();
            awaitWritten(t);
            for (int b = 0; b < shape.bands(); b++) {
                double[] cached = bands.get(b);
                if (cached != null) {
                    System.arraycopy(cached, t * band.length, band, 0, band.length);
                } else {
                    readDoubles(position(b, t), band, 0, band.length);
                }
                for (int row = 0; row < shape.rows(); row++) {
                    System.arraycopy(band, row * width, out, shape.offset(row, b), width);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void read(int band, int row, int from, int count, double[] dst, int at) {
        double[] all = band(band);
        int width = shape.width();
        for (int k = 0; k < count; k++) {
            System.arraycopy(all, ((from + k) * shape.rows() + row) * width, dst, at + k * width, width);
        }
    }

    @Override
    public synchronized double value(int t, int index) {
        int width = shape.width(), piece = index / width;
        return band(piece % shape.bands())[(t * shape.rows() + piece / shape.bands()) * width + index % width];
    }

    @Override
    public synchronized double sum(int t, int from, int length) {
        int width = shape.width(), piece = from / width, j = from % width;
        if (j + length > width) {
            throw new IndexOutOfBoundsException("values " + from + " .. " + (from + length) + " cross a band");
        }
        double[] band = band(piece % shape.bands());
        int start = (t * shape.rows() + piece / shape.bands()) * width + j;
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += band[start + i];
        }
        return sum;
    }

    /** Must hold this (a cached band's array is reused once evicted): band b of every year, [year][row][width]. */
    private double[] band(int b) {
        usable();
        double[] cached = bands.get(b);
        if (cached != null) {
            return cached;
        }
        for (int t = 0; t < years; t++) {
            awaitWritten(t);
        }
        double[] all = spare != null ? spare : new double[Math.multiplyExact(years, shape.bandSize())];
        spare = null;
        readDoubles(position(b, 0), all, 0, all.length);
        if (bands.size() == CACHED_BANDS) {
            // the least recently read band's array takes the next band: no large garbage per band read
            Integer oldest = bands.keySet().iterator().next();
            spare = bands.remove(oldest);
        }
        bands.put(b, all);
        return all;
    }

    /** Byte position of band b of year t. */
    private long position(int b, int t) {
        return ((long) b * years + t) * shape.bandSize() * Double.BYTES;
    }

    /** Must hold this. */
    private void readDoubles(long position, double[] dst, int at, int n) {
        try {
            for (int done = 0; done < n; ) {
                int m = Math.min(n - done, READ_BYTES / Double.BYTES);
                readBuffer.clear().limit(m * Double.BYTES);
                file.read(readBuffer, position + (long) done * Double.BYTES);
                readBuffer.flip();
                readBuffer.asDoubleBuffer().get(dst, at + done, m);
                done += m;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the projection back from " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /** Must hold this: waits until year t is on disk; fails if it never will be. */
    private void awaitWritten(int t) {
        while (!written[t]) {
            usable();
            if (!recorded[t]) {
                throw new IllegalStateException("year index " + t + " was never recorded");
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for year index " + t + " to be written", e);
            }
        }
    }

    /** Must hold this. */
    private void usable() {
        if (failure != null) {
            throw new UncheckedIOException("cannot keep the projection in " + file.path() + ": " + failure.getMessage(),
                    failure instanceof IOException io ? io : new IOException(failure));
        }
        if (closed) {
            throw new IllegalStateException("the projection's slabs in " + file.path() + " are closed");
        }
    }

    /** The writer thread: each slab band by band; after a failure it only drains the queue. */
    private void writeAll() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(shape.bandSize() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (true) {
                Pending p = queue.take();
                synchronized (this) {
                    if (failure != null || closed) {
                        continue;
                    }
                }
                try {
                    write(p, buffer);
                    synchronized (this) {
                        written[p.t()] = true;
                        notifyAll();
                    }
                } catch (IOException | RuntimeException e) {
                    synchronized (this) {
                        failure = e;
                        notifyAll();
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void write(Pending p, ByteBuffer buffer) throws IOException {
        int width = shape.width();
        for (int b = 0; b < shape.bands(); b++) {
            buffer.clear();
            DoubleBuffer values = buffer.asDoubleBuffer();
            for (int row = 0; row < shape.rows(); row++) {
                values.put(p.slab(), shape.offset(row, b), width);
            }
            file.write(buffer, position(b, p.t()));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            bands.clear();
            spare = null;
            notifyAll();
        }
        queue.clear();
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
