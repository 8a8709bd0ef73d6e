package org.popcast.models.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.data.input.InputFolder;
import org.popcast.models.cohort.stochastic.StochasticSettings;

/** stochastic.yaml of a probabilistic projection (the YAML settings; the tables it names are CSV readers fuzzed elsewhere). */
class StochasticSettingsFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void stochasticYaml(byte[] data) throws Exception {
        Path f = ReaderContract.scratch(StochasticSettings.FILE);
        Files.write(f, data);
        ReaderContract.holds(StochasticSettings.FILE, () -> StochasticSettings.read(InputFolder.of(f.getParent())));
    }
}
