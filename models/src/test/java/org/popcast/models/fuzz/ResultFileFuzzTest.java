package org.popcast.models.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.data.io.HdfSummary;
import org.popcast.data.io.NetcdfReader;

/** popcast's HDF5 result reader and the info summary, on the fuzzer's bytes written to a file. */
class ResultFileFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void resultFile(byte[] data) throws Exception {
        Path f = ReaderContract.scratch("result.h5");
        Files.write(f, data);
        ReaderContract.holds(f.toString(), () -> NetcdfReader.read(f));
        ReaderContract.holds(f.toString(), () -> HdfSummary.summarize(f));
    }
}
