package org.popcast.models.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.models.mobility.ModelFile;
import org.popcast.models.pinn.PinnModelFile;

/** The saved-model readers (`pde predict --model`, `mobility predict --model`) on the fuzzer's bytes written to a file. */
class SavedModelFuzzTest {

    private static Path file;

    private static synchronized Path file() throws Exception {
        if (file == null) {
            file = Files.createTempFile("popcast-fuzz-model-", ".h5");
            file.toFile().deleteOnExit();
        }
        return file;
    }

    @FuzzTest(maxDuration = "2m")
    void pinnModel(byte[] data) throws Exception {
        Path f = file();
        Files.write(f, data);
        ReaderContract.holds(f.toString(), () -> PinnModelFile.read(f));
    }

    @FuzzTest(maxDuration = "2m")
    void mobilityModel(byte[] data) throws Exception {
        Path f = file();
        Files.write(f, data);
        ReaderContract.holds(f.toString(), () -> ModelFile.read(f));
    }
}
