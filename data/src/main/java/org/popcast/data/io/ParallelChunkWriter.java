package org.popcast.data.io;

import static org.bytedeco.hdf5.global.hdf5.H5Dwrite_chunk;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.BytePointer;

/**
 * Writes a chunked float64 variable with its chunks filtered on every core: worker threads run
 * {@link ChunkEncoder} (shuffle, deflate, Fletcher-32 in Java) on chunks in file order while the
 * calling thread, which holds HDF5's lock, stores each finished chunk with {@code H5Dwrite_chunk}
 * (filter mask 0: every filter of the dataset was applied). HDF5 is only ever called from the
 * calling thread. At most {@link #IN_FLIGHT_PER_THREAD} chunks per worker wait to be written, so
 * memory stays a few MB whatever the variable's size.
 */
final class ParallelChunkWriter {

    static final int IN_FLIGHT_PER_THREAD = 3;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private ParallelChunkWriter() {
    }

    /** Filter threads: one per core (HDF5's own pipeline used one). */
    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static void write(long dset, long[] shape, long[] chunk, NetcdfDataset.Values data, int level, String what) throws IOException {
        int rank = shape.length;
        long[] counts = new long[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            counts[i] = (shape[i] + chunk[i] - 1) / chunk[i];
            total *= counts[i];
        }
        int threads = (int) Math.min(threads(), total);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "popcast-deflate-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<ChunkEncoder> encoders = new ThreadLocal<>();
        List<ChunkEncoder> all = Collections.synchronizedList(new ArrayList<>());
        ArrayDeque<Future<ChunkEncoder.Encoded>> pending = new ArrayDeque<>();
        ArrayDeque<long[]> origins = new ArrayDeque<>();
        // Output buffers go round: a written chunk's array takes the next chunk, so a variable of
        // 1000 chunks allocates a handful of arrays, not 1000 (the heap would grow by the file's size).
        int bound = ChunkEncoder.bound(Math.multiplyExact(Math.toIntExact(Arrays.stream(chunk).reduce(1, Math::multiplyExact)), Double.BYTES));
        ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
        BytePointer buf = new BytePointer(0L);
        try {
            long next = 0;
            while (next < total || !pending.isEmpty()) {
                while (next < total && pending.size() < threads * IN_FLIGHT_PER_THREAD) {
                    long[] origin = origin(next++, counts, chunk);
                    pending.add(pool.submit(() -> {
                        ChunkEncoder e = encoders.get();
                        if (e == null) {
                            e = new ChunkEncoder(level);
                            encoders.set(e);
                            all.add(e);
                        }
                        byte[] target = free.poll();
                        return e.encode(data, shape, chunk, origin, target != null ? target : new byte[bound]);
                    }));
                    origins.add(origin);
                }
                ChunkEncoder.Encoded c = get(pending.poll(), what);
                long[] origin = origins.poll();
                if (buf.capacity() < c.length()) {
                    buf.deallocate();
                    buf = new BytePointer((long) c.length() + (c.length() >> 3));
                }
                buf.position(0).put(c.bytes(), 0, c.length());
                NetcdfWriter.check(H5Dwrite_chunk(dset, H5P_DEFAULT, 0, origin, c.length(), buf.position(0)),
                        "H5Dwrite_chunk", what);
                if (c.bytes().length == bound) {
                    free.add(c.bytes());
                }
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            all.forEach(ChunkEncoder::close);
            buf.deallocate();
        }
    }

    /** The first element of chunk number {@code k} in row-major chunk order. */
    static long[] origin(long k, long[] counts, long[] chunk) {
        long[] origin = new long[counts.length];
        for (int i = counts.length - 1; i >= 0; i--) {
            origin[i] = (k % counts[i]) * chunk[i];
            k /= counts[i];
        }
        return origin;
    }

    private static ChunkEncoder.Encoded get(Future<ChunkEncoder.Encoded> f, String what) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err; // OutOfMemoryError keeps its one-line message upstream
            }
            throw new IOException("compressing " + what + ": " + cause, cause);
        }
    }
}
