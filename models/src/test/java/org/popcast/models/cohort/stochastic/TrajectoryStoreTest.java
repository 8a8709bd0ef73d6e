package org.popcast.models.cohort.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.io.ScratchFile;
import org.popcast.engine.train.Progress;

/**
 * The scratch-file path of the quantiles against the in-memory reference ({@link ProjectionQuantiles#of}):
 * the same doubles to the bit, whatever the block size and the threads; no file left behind.
 */
class TrajectoryStoreTest {

    static final int N = 11;
    static SummaryShape shape;
    static TrajectoryDraws draws;
    static TrajectorySummary[] inMemory;
    static ProjectionQuantiles reference;
    static final double[] P = {0.025, 0.1, 0.5, 0.9, 0.975};

    @BeforeAll
    static void trajectories() {
        ProbabilisticProjectionTest.plan();
        shape = SummaryShape.of(ProbabilisticProjectionTest.central, 5);
        draws = new TrajectoryDraws(ProbabilisticProjectionTest.central, ProbabilisticProjectionTest.parameters, 77);
        inMemory = Trajectories.run(ProbabilisticProjectionTest.central, draws, shape, 0, N, 2, Progress.none());
        reference = ProjectionQuantiles.of(inMemory, shape, P);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static TrajectoryStore filled(Path dir, int threads) throws IOException {
        TrajectoryStore store = new TrajectoryStore(ScratchFile.beside(dir.resolve("out.h5")), shape, N);
        Trajectories.run(ProbabilisticProjectionTest.central, draws, shape, 0, N, threads, Progress.none(), store);
        return store;
    }

    @Test
    void quantilesAreTheInMemoryOnesToTheBitWhateverTheBlock(@TempDir Path dir) throws Exception {
        int row = shape.totalSize() + shape.byAgeSize();
        try (TrajectoryStore store = filled(dir, 3)) {
            // 1 cell, 7 cells (no block divides the row), a block across the totals/by-age border, the whole row at once
            for (long budget : new long[] {1, 7L * N * Float.BYTES, (shape.totalSize() + 5L) * N * Float.BYTES, TrajectoryStore.BUDGET_DEFAULT}) {
                ProjectionQuantiles q = store.quantiles(P, budget);
                assertArrayEquals(reference.totals(), q.totals(), "budget " + budget);
                assertArrayEquals(reference.byAge(), q.byAge(), "budget " + budget);
            }
            assertEquals(7, store.blockCells(7L * N * Float.BYTES));
            assertEquals(row, store.blockCells(TrajectoryStore.BUDGET_DEFAULT), "the city input's 12 years fit one block");
            float[][] totals = store.totals();
            for (int j = 0; j < N; j++) {
                assertArrayEquals(inMemory[j].totals(), totals[j], "trajectory " + j);
            }
        }
        assertEquals(List.of(), files(dir));
        // there is a spread and NaN-free nation: the comparison is not between empty arrays
        int last = shape.years().length - 1;
        assertTrue(reference.total(0, 0, last, shape) < reference.total(4, 0, last, shape));
    }

    @Test
    void theBufferIsTheBudgetWhateverTheTrajectories() throws Exception {
        try (TrajectoryStore thousand = new TrajectoryStore(ScratchFile.inTempDir("popcast-test"), shape, 1000);
             TrajectoryStore million = new TrajectoryStore(ScratchFile.inTempDir("popcast-test"), shape, 1_000_000)) {
            long budget = 1L << 20;
            assertEquals(budget / (1000 * 4), thousand.blockCells(budget));
            assertEquals(1, million.blockCells(budget));
        }
    }

    @Test
    void aFailedRunLeavesNoFile(@TempDir Path dir) throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (TrajectoryStore store = new TrajectoryStore(ScratchFile.beside(dir.resolve("out.h5")), shape, N)) {
                Trajectories.run(ProbabilisticProjectionTest.central, draws, shape, 0, N, 2, Progress.none(), (j, s) -> {
                    store.accept(j, s);
                    if (j == 3) {
                        throw new IllegalStateException("trajectory 3 failed");
                    }
                });
            }
        });
        assertEquals("trajectory 3 failed", e.getMessage());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aStoreMissingTrajectoriesRefusesToMakeQuantiles() throws Exception {
        try (TrajectoryStore store = new TrajectoryStore(ScratchFile.inTempDir("popcast-test"), shape, 3)) {
            store.accept(0, inMemory[0]);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.quantiles(P, 1 << 20));
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.accept(3, inMemory[0]));
        }
    }

    @Test
    void theProjectionsRunWritesBesideItsOutputAndLeavesNothing(@TempDir Path dir) throws Exception {
        ProbabilisticProjection p = new ProbabilisticProjection(ProbabilisticProjectionTest.central, ProbabilisticProjectionTest.parameters,
                new ProbabilisticProjection.Settings(N, 77, P, 5, true)).run(2, dir.resolve("out.h5"), Progress.none());
        assertArrayEquals(reference.totals(), p.quantiles().totals());
        assertArrayEquals(reference.byAge(), p.quantiles().byAge());
        assertEquals(N, p.keptTotals().length);
        assertArrayEquals(inMemory[N - 1].totals(), p.keptTotals()[N - 1]);
        assertEquals(List.of(), files(dir));
    }
}
