package org.popcast.engine.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bytedeco.javacpp.Loader;

/**
 * Native libraries as the process sees them: those JavaCPP extracted and loaded (TensorFlow,
 * HDF5), JavaCPP's cache, and whether a shared library can be opened by name the way
 * TensorFlow's GPU build opens CUDA (dlopen, so LD_LIBRARY_PATH and the ldconfig cache count).
 */
public final class NativeLibraries {

    /**
     * What TensorFlow 2.18's GPU build opens at run time: the driver (from the host; in docker
     * it comes with {@code --gpus all}), then the CUDA 12 runtime and maths libraries and cuDNN 9.
     */
    public static final List<String> CUDA = List.of("libcuda.so.1", "libcudart.so.12", "libcublas.so.12",
            "libcublasLt.so.12", "libcufft.so.11", "libcusolver.so.11", "libcusparse.so.12", "libcudnn.so.9");

    /** A library looked up by soname: where it was mapped from, or the loader's reason it was not found. */
    public record Lookup(String soname, Optional<Path> path, String error) {
        public boolean found() {
            return error == null;
        }
    }

    private NativeLibraries() {
    }

    /**
     * Opens {@code soname} with dlopen (RTLD_GLOBAL, as a probe: the library stays loaded) and
     * finds the file it was mapped from in /proc/self/maps (a soname is usually a symlink).
     */
    public static Lookup find(String soname) {
        try {
            Loader.loadGlobal(soname);
        } catch (UnsatisfiedLinkError e) {
            return new Lookup(soname, Optional.empty(), e.getMessage());
        }
        return new Lookup(soname, mappedFrom(soname), null);
    }

    /** Libraries JavaCPP has loaded so far, by name, with the file each came from. */
    public static Map<String, String> loaded() {
        return new TreeMap<>(Loader.getLoadedLibraries());
    }

    /** Where JavaCPP extracts native libraries (set with -Dorg.bytedeco.javacpp.cachedir). */
    public static Path cacheDirectory() throws IOException {
        return Loader.getCacheDir().toPath();
    }

    /** JavaCPP's version. */
    public static String javacppVersion() {
        try {
            return Loader.getVersion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapped file that {@link #sameLibrary} names {@code soname}. */
    static Optional<Path> mappedFrom(String soname) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                Path file = Path.of(line.substring(slash).strip());
                if (sameLibrary(file.getFileName().toString(), soname)) {
                    return Optional.of(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux) or an odd line: the library was found, only its path is unknown
        }
        return Optional.empty();
    }

    /**
     * True when {@code fileName} is the library {@code soname} names: the soname's stem
     * ("libcudart.so") alone or followed by a version ("libcudart.so.12.5.82"), the file a soname
     * symlink usually points to.
     */
    static boolean sameLibrary(String fileName, String soname) {
        int so = soname.indexOf(".so");
        String stem = so < 0 ? soname : soname.substring(0, so + 3);
        return fileName.equals(stem) || fileName.startsWith(stem + ".");
    }
}
