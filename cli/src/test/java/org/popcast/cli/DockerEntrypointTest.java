package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker/entrypoint.sh and the ./popcast launcher it runs, without docker: a fake {@code java}
 * first on PATH records the arguments and environment it is started with and exits with a chosen
 * code. Run by sh (dash on Debian and Ubuntu, as in the images) and by bash.
 */
class DockerEntrypointTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path ENTRYPOINT = REPO.resolve("docker/entrypoint.sh");

    @TempDir
    Path tmp;

    private record Run(int exit, String err, List<String> javaArgs, Map<String, String> javaEnv) {
    }

    /** Runs the entrypoint with {@code shell} in {@code workDir}, the given environment over a clean one. */
    private Run entrypoint(String shell, Path workDir, Map<String, String> env, String... args) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, String.join("\n", "#!/bin/sh",
                "printf '%s\\n' \"$@\" > \"$FAKE_JAVA_LOG.args\"",
                "env > \"$FAKE_JAVA_LOG.env\"",
                "[ -z \"${FAKE_JAVA_STDERR:-}\" ] || printf '%b' \"$FAKE_JAVA_STDERR\" >&2",
                "exit \"${FAKE_JAVA_EXIT:-0}\"", ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = tmp.resolve("popcast.jar");
        if (!Files.exists(jar)) {
            Files.createFile(jar);
        }
        Path log = tmp.resolve("java-log");
        Files.deleteIfExists(Path.of(log + ".args"));
        Files.deleteIfExists(Path.of(log + ".env"));
        List<String> command = new ArrayList<>(List.of(shell, ENTRYPOINT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("JAVA") || k.startsWith("TF_") || k.equals("POPCAST_HOME"));
        e.put("PATH", bin + ":/usr/bin:/bin");
        e.put("POPCAST_HOME", REPO.toString());
        e.put("POPCAST_JAR", jar.toString());
        e.put("FAKE_JAVA_LOG", log.toString());
        e.put("TMPDIR", Files.createDirectories(tmp.resolve("tmpdir")).toString());
        e.put("JAVACPP_CACHE_DIR", tmp.resolve("cache").toString());
        e.putAll(env);
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "entrypoint did not finish");
        List<String> javaArgs = Files.exists(Path.of(log + ".args")) ? Files.readAllLines(Path.of(log + ".args")) : List.of();
        Map<String, String> javaEnv = new java.util.HashMap<>();
        if (Files.exists(Path.of(log + ".env"))) {
            for (String line : Files.readAllLines(Path.of(log + ".env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    javaEnv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return new Run(p.exitValue(), err, javaArgs, javaEnv);
    }

    private Path data() throws IOException {
        return Files.createDirectories(tmp.resolve("data"));
    }

    /**
     * What the Dockerfiles promise (docker/README.md), read from their text since no docker engine
     * runs here: the JVM's share of the container's memory, the Maven cache mount (which needs the
     * BuildKit syntax line first) and, in the CUDA image, XLA's auto-jit turned off.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "Dockerfile.cuda"})
    void theDockerfilesSetTheHeapShareTheMavenCacheAndXla(String name) throws IOException {
        String text = Files.readString(REPO.resolve("docker").resolve(name));
        assertTrue(text.startsWith("# syntax=docker/dockerfile:1\n"), "BuildKit syntax first, for RUN --mount");
        assertTrue(text.contains("JAVA_OPTS=\"-XX:MaxRAMPercentage=75\""), "the JVM takes 75 % of the container's memory");
        assertTrue(java.util.regex.Pattern.compile("RUN --mount=type=cache,target=/root/.m2 mvn ").matcher(text).find(), "Maven cache mount");
        if (name.endsWith(".cuda")) {
            // empty, not unset: the launcher turns auto-jit on only when the variable is unset
            assertTrue(java.util.regex.Pattern.compile("(?m)^\\s+TF_XLA_FLAGS= \\\\$").matcher(text).find(), "XLA auto-jit off in the CUDA image");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void passesTheArgumentsVerbatimWithTheCacheDirectoryAndReturnsJavasExitCode(String shell) throws Exception {
        Path cache = tmp.resolve("cache/not/yet");
        Run run = entrypoint(shell, data(), Map.of("JAVACPP_CACHE_DIR", cache.toString(), "JAVA_OPTS", "-Xmx2g -Dx=y",
                "FAKE_JAVA_EXIT", "3"), "pde", "solve", "--out", "my results/p 1.h5", "*", "");
        assertEquals(3, run.exit(), run.err());
        assertEquals(List.of("-Xmx2g", "-Dx=y", "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-jar", tmp.resolve("popcast.jar").toString(),
                "pde", "solve", "--out", "my results/p 1.h5", "*", ""), run.javaArgs());
        assertTrue(Files.isDirectory(cache), "the cache directory is created");
        assertEquals("", run.err());
        assertEquals("2", run.javaEnv().get("TF_CPP_MIN_LOG_LEVEL"), "TensorFlow's native log is kept to errors");
        assertEquals(cache.toString(), run.javaEnv().get("JAVACPP_CACHE_DIR"));
        assertEquals(data().toString(), run.javaEnv().get("PWD"), "runs in the working directory (/data in the image)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void cohortCommandsGetTheVectorApiUnlessTurnedOff(String shell) throws Exception {
        Run on = entrypoint(shell, data(), Map.of(), "-q", "cohort", "project", "--out", "c.h5");
        assertEquals(0, on.exit(), on.err());
        assertEquals("--add-modules=jdk.incubator.vector", on.javaArgs().get(0), on.javaArgs().toString());
        Run off = entrypoint(shell, data(), Map.of("POPCAST_VECTOR", "0"), "cohort", "project");
        assertTrue(off.javaArgs().stream().noneMatch(a -> a.contains("incubator")), off.javaArgs().toString());
        assertTrue(on.javaArgs().stream().noneMatch(a -> a.contains("PreTouch")), "only the benchmark touches its heap: " + on.javaArgs());
        Run bench = entrypoint(shell, data(), Map.of("JAVA_OPTS", "-Xmx2g"), "cohort", "bench");
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-XX:InitialRAMPercentage=25", "-XX:+AlwaysPreTouch", "-Xmx2g"),
                bench.javaArgs().subList(0, 4), "the benchmark's heap, which JAVA_OPTS (after it) can override");
        Run other = entrypoint(shell, data(), Map.of(), "pde", "solve");
        assertTrue(other.javaArgs().stream().noneMatch(a -> a.contains("incubator")), other.javaArgs().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void anUnwritableCacheFallsBackToAPrivateTemporaryDirectoryAndSaysSo(String shell) throws Exception {
        Path file = Files.createFile(tmp.resolve("a-file"));
        Run run = entrypoint(shell, data(), Map.of("JAVACPP_CACHE_DIR", file.resolve("cache").toString(), "TF_CPP_MIN_LOG_LEVEL", "0"),
                "doctor");
        assertEquals(0, run.exit(), run.err());
        String uid = exec("id", "-u").strip();
        Path fallback = tmp.resolve("tmpdir/popcast-javacpp-" + uid);
        assertTrue(run.javaArgs().contains("-Dorg.bytedeco.javacpp.cachedir=" + fallback), run.javaArgs().toString());
        assertTrue(Files.isDirectory(fallback));
        assertEquals("popcast: JavaCPP cache " + file.resolve("cache") + " is not writable by uid " + uid + "; using " + fallback
                + " (native libraries are extracted on every run)", run.err().strip());
        assertEquals("0", run.javaEnv().get("TF_CPP_MIN_LOG_LEVEL"), "a level the user set is kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void anUnwritableWorkingDirectoryIsWarnedAboutButTheCommandStillRuns(String shell) throws Exception {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc), "needs /proc, where no one can create a file");
        Run run = entrypoint(shell, proc, Map.of(), "info", "x.h5");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().startsWith("popcast: warning: /proc is not writable by uid "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals(List.of("info", "x.h5"), run.javaArgs().subList(run.javaArgs().size() - 2, run.javaArgs().size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void quietDropsTensorFlowsNativeLogLinesAndKeepsErrorsAndTheExitCode(String shell) throws Exception {
        String stderr = "WARNING: Using incubator modules: jdk.incubator.vector\\n"
                + "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\\n"
                + "I0000 00:00:1764870000.123456   12345 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled\\n"
                + "W0000 00:00:1764870000.223456   12345 device_compiler.h:188] Compiled cluster using XLA!\\n"
                + "2026-12-05 07:22:32.049490: W tensorflow/core/util/util.cc:163] Not handling type DT_DOUBLE\\n"
                + "E0000 00:00:1764870000.3 12345 cuda_dnn.cc:8] a real native error\\n"
                + "popcast pde train: --out q.h5: exists; add --overwrite to replace it\\n";
        Run quiet = entrypoint(shell, data(), Map.of("FAKE_JAVA_STDERR", stderr, "FAKE_JAVA_EXIT", "3"), "-q", "pde", "train");
        assertEquals(3, quiet.exit(), quiet.err());
        assertEquals("E0000 00:00:1764870000.3 12345 cuda_dnn.cc:8] a real native error\n"
                + "popcast pde train: --out q.h5: exists; add --overwrite to replace it\n", quiet.err());
        assertEquals(List.of("-q", "pde", "train"), quiet.javaArgs().subList(quiet.javaArgs().size() - 3, quiet.javaArgs().size()));
        Run loud = entrypoint(shell, data(), Map.of("FAKE_JAVA_STDERR", stderr), "pde", "train");
        assertEquals(0, loud.exit(), loud.err());
        assertEquals(7, loud.err().lines().count(), "without -q every line stays: " + loud.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void aMissingJarIsOneLineAndExitCodeOne(String shell) throws Exception {
        Run run = entrypoint(shell, data(), Map.of("POPCAST_JAR", tmp.resolve("missing.jar").toString()), "--version");
        assertEquals(1, run.exit());
        assertEquals("popcast: " + tmp.resolve("missing.jar") + " not found; build it first with: mvn -B -q -DskipTests package",
                run.err().strip());
        assertEquals(List.of(), run.javaArgs(), "java was not started");
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
