package org.popcast.models.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.models.agepde.PdeScenarioReader;

/** The scenario YAML reader (as for a stored scenario: no file named inside is opened). */
class ScenarioYamlFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void scenarioYaml(byte[] data) throws Exception {
        ReaderContract.holds("fuzz.yaml", () -> PdeScenarioReader.stored("fuzz.yaml", ReaderContract.text(data)));
    }
}
