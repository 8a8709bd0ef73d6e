package org.popcast.models.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.models.mobility.FeatureTableReader;

/** The mobility feature table reader (CSV). */
class MobilityTableFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void mobilityCsv(byte[] data) throws Exception {
        ReaderContract.holds("table.csv", () -> FeatureTableReader.parseCsv("table.csv", ReaderContract.text(data)));
    }
}
