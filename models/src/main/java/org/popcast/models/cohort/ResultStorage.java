package org.popcast.models.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.popcast.data.io.ScratchFile;
import org.popcast.models.cohort.slabs.FileSlabs;
import org.popcast.models.cohort.slabs.MemorySlabs;
import org.popcast.models.cohort.slabs.SlabShape;
import org.popcast.models.cohort.slabs.YearSlabs;

/**
 * Where a plan's result keeps its values by year (population, flows by age): in memory, or, when
 * its population totals at least {@link #memoryBytes()}, in scratch files beside the run's output
 * (the default city projection's 785 MB of population and 400 MB of flows by age would otherwise
 * sit on the heap while the file is written). Closing the
 * storage closes every scratch file it opened, so a run that fails before its result is closed
 * leaves nothing behind.
 */
public final class ResultStorage implements AutoCloseable {

    /** System property: the population bytes from which a result goes to disk. */
    public static final String MEMORY_BYTES = "popcast.result.memoryBytes";
    public static final long MEMORY_BYTES_DEFAULT = 256L << 20;

    private static final ResultStorage MEMORY = new ResultStorage(null, Long.MAX_VALUE);

    private final Path beside;
    private final long memoryBytes;
    private final List<YearSlabs> opened = new ArrayList<>();

    private ResultStorage(Path beside, long memoryBytes) {
        this.beside = beside;
        this.memoryBytes = memoryBytes;
    }

    /** Every result in memory (tests, hindcasts, benches, trajectories). */
    public static ResultStorage memory() {
        return MEMORY;
    }

    /** Large results in scratch files beside {@code target}; the threshold from {@value #MEMORY_BYTES}, else 256 MB. */
    public static ResultStorage beside(Path target) {
        return beside(target, Long.getLong(MEMORY_BYTES, MEMORY_BYTES_DEFAULT));
    }

    public static ResultStorage beside(Path target, long memoryBytes) {
        return new ResultStorage(target, memoryBytes);
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    /** Whether a result whose population slabs total {@code bytes} goes to disk. */
    public boolean onDisk(long bytes) {
        return beside != null && bytes >= memoryBytes;
    }

    /** Bytes of a plan's population over every year: [L][S][2][A] doubles per year. */
    static long populationBytes(ProjectionPlan plan) {
        return (long) plan.layout().size() * Double.BYTES * (plan.steps() + 1);
    }

    /** Slabs of {@code shape} for {@code years} year indices of a result of {@code plan}: on disk if its population is large. */
    YearSlabs slabs(ProjectionPlan plan, SlabShape shape, int years) {
        if (!onDisk(populationBytes(plan))) {
            return new MemorySlabs(shape, years);
        }
        try {
            FileSlabs slabs = new FileSlabs(ScratchFile.beside(beside), shape, years);
            synchronized (opened) {
                opened.add(slabs);
            }
            return slabs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every scratch file this storage opened (closing a result's twice is harmless). */
    @Override
    public void close() {
        synchronized (opened) {
            RuntimeException first = null;
            for (YearSlabs s : opened) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            opened.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}
