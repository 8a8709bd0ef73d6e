package org.popcast.models.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.models.mobility.ModelFile;
import org.popcast.models.pinn.PinnModelFile;

/** The saved-model readers (`pde predict --model`, `mobility predict --model`) on the fuzzer's bytes written to a file. */
class SavedModelFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void pinnModel(byte[] data) throws Exception {
        Path f = ReaderContract.scratch("model.h5");
        Files.write(f, data);
        ReaderContract.holds(f.toString(), () -> PinnModelFile.read(f));
    }

    @FuzzTest(maxDuration = "2m")
    void mobilityModel(byte[] data) throws Exception {
        Path f = ReaderContract.scratch("model.h5");
        Files.write(f, data);
        ReaderContract.holds(f.toString(), () -> ModelFile.read(f));
    }
}
