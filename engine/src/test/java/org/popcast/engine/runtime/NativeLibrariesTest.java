package org.popcast.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class NativeLibrariesTest {

    @Test
    void findsALibraryThatIsThereAndTheFileItWasMappedFrom() {
        // zlib: HDF5 needs it, so every machine popcast runs on has it.
        NativeLibraries.Lookup z = NativeLibraries.find("libz.so.1");
        assertTrue(z.found(), z.error());
        Path file = z.path().orElseThrow();
        assertTrue(Files.isRegularFile(file), file.toString());
        assertTrue(file.getFileName().toString().startsWith("libz.so"), file.toString());
    }

    @Test
    void reportsTheLoadersReasonForALibraryThatIsNot() {
        NativeLibraries.Lookup none = NativeLibraries.find("libpopcast-absent.so.7");
        assertFalse(none.found());
        assertTrue(none.path().isEmpty());
        assertTrue(none.error().contains("libpopcast-absent.so.7"), none.error());
    }

    @Test
    void aSonameNamesItsVersionedFileButNotALibraryWithALongerName() {
        assertTrue(NativeLibraries.sameLibrary("libcudart.so.12.5.82", "libcudart.so.12"));
        assertTrue(NativeLibraries.sameLibrary("libcuda.so.560.35.03", "libcuda.so.1"));
        assertTrue(NativeLibraries.sameLibrary("libz.so.1", "libz.so.1"));
        assertFalse(NativeLibraries.sameLibrary("libcudart.so.12.5.82", "libcuda.so.1"));
        assertFalse(NativeLibraries.sameLibrary("libcublasLt.so.12", "libcublas.so.12"));
    }

    @Test
    void tensorflowIsAmongTheLoadedLibrariesAndComputesAProduct() throws Exception {
        TensorFlowRuntime.MatmulCheck check = TensorFlowRuntime.matmul(Device.CPU);
        // [[1, 2], [3, 4]] x [[5, 6], [7, 8]] by hand: 1*5+2*7, 1*6+2*8, 3*5+4*7, 3*6+4*8
        assertArrayEquals(new float[] {19, 22, 43, 50}, check.product());
        assertArrayEquals(TensorFlowRuntime.MatmulCheck.EXPECTED, check.product());
        assertTrue(check.placement().keySet().stream().allMatch(d -> d.contains("CPU")), check.placement().toString());
        assertTrue(NativeLibraries.loaded().containsKey("jnitensorflow"), NativeLibraries.loaded().toString());
        assertTrue(Files.isDirectory(NativeLibraries.cacheDirectory()));
        assertEquals(TensorFlowRuntime.gpuBuild(), TensorFlowRuntime.nativeArtefact().endsWith("-gpu"));
    }
}
