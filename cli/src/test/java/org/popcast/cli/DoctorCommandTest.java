package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.runtime.NativeLibraries;

/** popcast doctor through the real command line. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsTheEnvironmentAndPassesItsChecks() throws Exception {
        CliRun run = CliRun.popcast("doctor", "--dir", dir.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        String out = run.out();
        assertTrue(out.contains("java         " + System.getProperty("java.version")), out);
        assertTrue(out.contains("cores") && out.contains("GiB memory"), out);
        assertTrue(out.matches("(?s).*tensorflow   2\\.\\d+\\.\\d+, (CPU|GPU) build.*"), out);
        assertTrue(out.contains("devices      cpu"), out);
        for (String lib : NativeLibraries.CUDA) {
            assertTrue(out.matches("(?s).*\\n  " + lib.replace(".", "\\.") + " +(found|not found).*"), lib + " in\n" + out);
        }
        assertTrue(out.contains("OK      tensorflow cpu  2x2 matmul correct, ran on "), out);
        assertTrue(out.contains("OK      hdf5            wrote and read back " + dir.resolve("popcast-doctor.h5")), out);
        assertTrue(out.contains("OK      arrow           wrote and read back " + dir.resolve("popcast-doctor.arrow")), out);
        assertTrue(out.contains("OK      javacpp cache"), out);
        assertTrue(out.contains("jnitensorflow") && out.contains("hdf5"), "native libraries loaded:\n" + out);
        assertTrue(out.strip().endsWith("checks passed"), out);
        assertEquals("", run.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the test files are removed");
        }
    }

    @Test
    void anUnwritableDirectoryFailsTheFileChecksAndTheExitCode() {
        Path missing = dir.resolve("no/such/dir");
        CliRun run = CliRun.popcast("doctor", "--dir", missing.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAILED  hdf5") && run.out().contains("FAILED  arrow"), run.out());
        assertTrue(run.out().contains("does not exist"), run.out());
        assertTrue(run.out().contains("OK      tensorflow cpu"), "the other checks still run: " + run.out());
        assertEquals("popcast doctor: 2 of 4 checks failed (see above)", run.err().strip());
    }

    @Test
    void requireGpuFailsWithTheReasonWhenNoGpuIsSeen() {
        assumeFalse(Device.gpuAvailable(), "this machine has a GPU");
        CliRun run = CliRun.popcast("doctor", "--dir", dir.toString(), "--require-gpu");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAILED  tensorflow gpu  TensorFlow sees no GPU: " + Device.noGpuReason()), run.out());
        assertFalse(run.out().contains("\tat "), run.out());
    }
}
