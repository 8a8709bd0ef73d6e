package org.popcast.models.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.data.input.InputFolder;
import org.popcast.models.cohort.stochastic.StochasticSettings;

/** stochastic.yaml of a probabilistic projection (the YAML settings; the tables it names are CSV readers fuzzed elsewhere). */
class StochasticSettingsFuzzTest {

    private static Path dir;

    private static synchronized Path dir() throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("popcast-fuzz-");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    @FuzzTest(maxDuration = "2m")
    void stochasticYaml(byte[] data) throws Exception {
        Path d = dir();
        Files.write(d.resolve(StochasticSettings.FILE), data);
        d.resolve(StochasticSettings.FILE).toFile().deleteOnExit();
        ReaderContract.holds(StochasticSettings.FILE, () -> StochasticSettings.read(InputFolder.of(d)));
    }
}
