package org.popcast.models.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.data.input.CsvTable;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.models.agepde.PdeScenarioReader;
import org.popcast.models.inverse.ObservationsReader;

/** The observed densities of `pde infer` (year,age,density) against the three-child scenario's domain. */
class ObservationsFuzzTest {

    private static final AgePdeProblem DOMAIN = PdeScenarioReader.builtin("three-child").problem();

    @FuzzTest(maxDuration = "2m")
    void observations(byte[] data) throws Exception {
        ReaderContract.holds("observed.csv", () -> ObservationsReader.read(CsvTable.parse("observed.csv", ReaderContract.text(data)), DOMAIN, 2));
    }
}
