package org.popcast.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.runtime.NativeLibraries;
import org.popcast.engine.runtime.TensorFlowRuntime;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor",
        header = "Check the environment popcast runs in: Java, the machine, TensorFlow and HDF5.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Check the environment popcast runs in: Java, the machine, TensorFlow and the",
                "devices it sees, the CUDA libraries the GPU build needs, the native libraries",
                "loaded, and output: a tiny HDF5 and a tiny Arrow file are written and read back.",
                "Prints OK or FAILED per check; exit code 1 when a check fails."},
        footer = {"", "Examples:", "  popcast doctor", "  popcast doctor --dir /data --require-gpu   (in docker, run with --gpus all)"})
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the test files are written and removed (default: a new temporary directory). "
                    + "Give your results directory to check that it is writable.")
    Path dir;

    @Option(names = "--require-gpu", description = "Fail unless TensorFlow sees a GPU.")
    boolean requireGpu;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        fact(out, "popcast", Provenance.version());
        fact(out, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("java.home"));
        fact(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        fact(out, "machine", rt.availableProcessors() + " cores, " + physicalMemory() + " memory, Java heap up to " + gib(rt.maxMemory()));
        fact(out, "javacpp", NativeLibraries.javacppVersion() + ", cache " + NativeLibraries.cacheDirectory());
        boolean gpu = false;
        try {
            fact(out, "tensorflow", TensorFlowRuntime.version() + ", " + (TensorFlowRuntime.gpuBuild() ? "GPU" : "CPU")
                    + " build (native artefact " + TensorFlowRuntime.nativeArtefact() + ")");
            gpu = Device.gpuAvailable();
            fact(out, "devices", gpu ? "cpu, gpu" : "cpu; no GPU: " + Device.noGpuReason());
        } catch (RuntimeException | LinkageError e) { // the tensorflow check below fails with the reason; go on with the rest
            fact(out, "tensorflow", "does not load: " + e.getMessage());
        }
        out.println("cuda libraries (what TensorFlow's GPU build opens; the CPU build needs none):");
        for (String soname : NativeLibraries.CUDA) {
            NativeLibraries.Lookup l = NativeLibraries.find(soname);
            out.printf(Locale.ROOT, "  %-19s %s%n", soname, l.found() ? "found " + l.path().map(Path::toString).orElse("(path unknown)") : "not found");
        }
        out.flush();

        List<DoctorChecks.Check> checks = new ArrayList<>();
        checks.add(new DoctorChecks.Check("tensorflow cpu", () -> DoctorChecks.tensorflow(Device.CPU)));
        if (gpu) {
            checks.add(new DoctorChecks.Check("tensorflow gpu", () -> DoctorChecks.tensorflow(Device.GPU)));
        } else if (requireGpu) {
            checks.add(new DoctorChecks.Check("tensorflow gpu", () -> {
                throw new IllegalStateException("TensorFlow sees no GPU: " + Device.noGpuReason());
            }));
        }
        Path where = dir != null ? dir : Files.createTempDirectory("popcast-doctor-");
        checks.add(new DoctorChecks.Check("hdf5", () -> DoctorChecks.hdf5(where)));
        checks.add(new DoctorChecks.Check("arrow", () -> DoctorChecks.arrow(where)));
        checks.add(new DoctorChecks.Check("javacpp cache", DoctorChecks::javacppCache));
        int failed;
        try {
            out.println("checks:");
            failed = run(checks, out);
        } finally {
            if (dir == null) {
                Files.deleteIfExists(where);
            }
        }
        out.println("native libraries loaded:");
        for (Map.Entry<String, String> e : NativeLibraries.loaded().entrySet()) {
            out.printf(Locale.ROOT, "  %-26s %s%n", e.getKey(), e.getValue());
        }
        out.println(failed == 0 ? "all " + checks.size() + " checks passed" : failed + " of " + checks.size() + " checks FAILED");
        out.flush();
        if (failed > 0) {
            spec.commandLine().getErr().println("popcast doctor: " + failed + " of " + checks.size() + " checks failed (see above)");
            spec.commandLine().getErr().flush();
            return PopcastCli.EXIT_FAILURE;
        }
        return 0;
    }

    /** Runs the checks in order, printing each result as it comes; returns how many failed. */
    private static int run(List<DoctorChecks.Check> checks, PrintWriter out) {
        int failed = 0;
        for (DoctorChecks.Check c : checks) {
            String result;
            try {
                result = "OK      " + pad(c.name()) + c.body().run();
            } catch (Exception | LinkageError e) { // a native library that does not load is a failed check, not a crash
                failed++;
                result = "FAILED  " + pad(c.name()) + PopcastCli.describe(e instanceof Exception ex ? ex : new IllegalStateException(e.toString()));
            }
            out.println("  " + result);
            out.flush();
        }
        return failed;
    }

    private static void fact(PrintWriter out, String name, String value) {
        out.printf(Locale.ROOT, "%-12s %s%n", name, value);
    }

    private static String pad(String name) {
        return String.format(Locale.ROOT, "%-16s", name);
    }

    private static String physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? gib(os.getTotalMemorySize()) : "unknown";
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
