package org.popcast.models.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.data.input.BuiltinData;
import org.popcast.data.input.InputFolder;
import org.popcast.models.cohort.CohortInputReader;

/**
 * The cohort input reader over a copy of the shipped national input, one file replaced by the
 * fuzzer's bytes (the first byte chooses which file); the others stay valid so the reader gets past
 * them.
 */
class CohortInputFuzzTest {

    private static final List<String> FILES = List.of("regions.csv", "population.csv", "fertility.csv", "mortality.csv", "srb.csv", "projection.yaml");
    private static Path folder;

    private static synchronized Path folder() throws Exception {
        if (folder == null) {
            folder = Files.createTempDirectory("popcast-fuzz-cohort");
            folder.toFile().deleteOnExit();
            for (String f : FILES) {
                Files.writeString(folder.resolve(f), BuiltinData.text("cohort/china-national/" + f));
                folder.resolve(f).toFile().deleteOnExit();
            }
        }
        return folder;
    }

    @FuzzTest(maxDuration = "2m")
    void cohortInput(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        Path dir = folder();
        String file = FILES.get((data[0] & 0xff) % FILES.size());
        Files.write(dir.resolve(file), java.util.Arrays.copyOfRange(data, 1, data.length));
        try {
            ReaderContract.holds(file, () -> CohortInputReader.read(InputFolder.of(dir), CohortInputReader.ProjectionOverrides.NONE));
        } finally {
            Files.writeString(dir.resolve(file), BuiltinData.text("cohort/china-national/" + file));
        }
    }
}
