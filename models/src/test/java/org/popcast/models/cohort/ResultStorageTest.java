package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputFolder;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.slabs.FileSlabs;
import org.popcast.models.cohort.slabs.MemorySlabs;
import org.popcast.models.cohort.slabs.OpenScratchFiles;
import org.popcast.models.cohort.slabs.SlabShape;
import org.popcast.models.cohort.slabs.YearSlabs;

/** Large results go to scratch files beside the output, small ones stay in memory; both give the same numbers. */
class ResultStorageTest {

    static CohortInput input;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() {
        input = CohortInputReader.read(InputFolder.builtin("cohort/china-cities"), CohortInputReader.ProjectionOverrides.horizon(6));
    }

    private static ProjectionPlan plan(ResultStorage storage) {
        return new ProjectionPlan(input, ScenarioSet.builtin("paper-5x3").scenarios(), storage);
    }

    @Test
    void theThresholdIsOnThePopulationBytesAndTheProperty() {
        ProjectionPlan plan = plan(ResultStorage.memory());
        long bytes = ResultStorage.populationBytes(plan);
        assertEquals(356L * 15 * 2 * 101 * 7 * 8, bytes);
        assertFalse(ResultStorage.memory().onDisk(Long.MAX_VALUE), "no output, no scratch file");
        Path out = dir.resolve("out.h5");
        assertEquals(256L << 20, ResultStorage.beside(out).memoryBytes());
        assertTrue(ResultStorage.beside(out, bytes).onDisk(bytes));
        assertFalse(ResultStorage.beside(out, bytes + 1).onDisk(bytes));
        String before = System.getProperty(ResultStorage.MEMORY_BYTES);
        try {
            System.setProperty(ResultStorage.MEMORY_BYTES, "1000");
            assertEquals(1000, ResultStorage.beside(out).memoryBytes());
        } finally {
            if (before == null) {
                System.clearProperty(ResultStorage.MEMORY_BYTES);
            } else {
                System.setProperty(ResultStorage.MEMORY_BYTES, before);
            }
        }
        SlabShape shape = new SlabShape(2, 1, 3);
        try (ResultStorage small = ResultStorage.beside(out, bytes + 1); ResultStorage large = ResultStorage.beside(out, bytes)) {
            assertInstanceOf(MemorySlabs.class, small.slabs(plan, shape, 2));
            assertInstanceOf(FileSlabs.class, large.slabs(plan, shape, 2));
        }
    }

    @Test
    void aResultOnDiskWritesTheSameValuesAsOneInMemoryAndLeavesNothing() throws IOException {
        ProjectionResult memory = new StreamProjector(2).run(plan(ResultStorage.memory()), Progress.none());
        try (ResultStorage storage = ResultStorage.beside(dir.resolve("out.h5"), 0)) {
            ProjectionPlan plan = plan(storage);
            try (ProjectionResult disk = new StreamProjector(2).run(plan, Progress.none())) {
                assertEquals(0, BandwidthProbe.largestDifference(memory, disk));
                assertEquals(4, scratchDescriptors().size(), "population and the three flows by age");
                NetcdfDataset a = new ProjectionOutputs(plan, memory, "stream").dataset(Provenance.of("test"), Map.of());
                NetcdfDataset b = new ProjectionOutputs(plan, disk, "stream").dataset(Provenance.of("test"), Map.of());
                for (NetcdfDataset.Variable v : a.variables()) {
                    if (v.type() == NetcdfDataset.Variable.Type.FLOAT64) {
                        double[] x = v.data(), y = b.variable(v.name()).data();
                        for (int i = 0; i < x.length; i++) {
                            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), v.name() + " value " + i);
                        }
                    }
                }
            }
            assertEquals(List.of(), scratchDescriptors(), "closed with the result");
        }
    }

    @Test
    void closingTheStorageClosesWhatAFailedRunLeftOpen() throws IOException {
        ResultStorage storage = ResultStorage.beside(dir.resolve("out.h5"), 0);
        YearSlabs slabs = storage.slabs(plan(storage), new SlabShape(2, 1, 3), 2);
        slabs.put(0, new double[6]); // a projector that throws here never returns its result
        assertEquals(1, scratchDescriptors().size());
        storage.close();
        assertEquals(List.of(), scratchDescriptors());
        assertThrows(IllegalStateException.class, () -> slabs.put(1, new double[6]));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static List<String> scratchDescriptors() throws IOException {
        return OpenScratchFiles.of("out.h5");
    }
}
