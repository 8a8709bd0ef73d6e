package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import picocli.CommandLine;

/** Runs the real command line in-process and reads its files back with jHDF, an independent reader. */
class PopcastCliTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void solveWritesTheExactSolutionWithNamedDimensions() throws Exception {
        Path file = dir.resolve("x.h5");
        CliRun run = CliRun.popcast("pde", "solve", "--policy", "three-child", "--out", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("three-child: 301 times x 1001 ages"), run.out());
        assertEquals(List.of(file), files(), "only the result, no temporary file");
        try (HdfFile hdf = new HdfFile(file)) {
            double[] time = (double[]) hdf.getDatasetByPath("time").getData();
            double[] age = (double[]) hdf.getDatasetByPath("age").getData();
            assertEquals(301, time.length);
            assertEquals(1001, age.length);
            assertEquals(2030.0, time[60], 1e-9);
            assertEquals(10.0, age[100], 1e-9);
            for (String coord : new String[] {"time", "age"}) {
                assertEquals("DIMENSION_SCALE", hdf.getDatasetByPath(coord).getAttribute("CLASS").getData());
            }
            // age is a duration in years; time is a calendar date, without a duration unit (CF, formats.md)
            assertEquals("year", hdf.getDatasetByPath("age").getAttribute("units").getData());
            assertNull(hdf.getDatasetByPath("time").getAttribute("units"));
            Dataset density = hdf.getDatasetByPath("density");
            assertArrayEquals(new int[] {301, 1001}, density.getDimensions());
            assertEquals("year-1", density.getAttribute("units").getData());
            assertEquals("persons per year of age", density.getAttribute("display_units").getData());
            assertTrue(density.getAttributes().containsKey("DIMENSION_LIST"));
            double[][] p = (double[][]) density.getData();
            assertEquals(1.014496e7, p[60][100], 1e-6 * 1.014496e7, "P(10, 2030) from seed-notes");
            assertEquals(1.528417e7, p[260][50], 1e-6 * 1.528417e7, "P(5, 2050) from seed-notes");
            double[] births = (double[]) hdf.getDatasetByPath("births").getData();
            assertEquals(1.0831e7, births[100], 0.5e3, "B(2034) from seed-notes");
            double[] population = (double[]) hdf.getDatasetByPath("population").getData();
            assertEquals(4.2566e8, population[0], 0.5e4);
            assertEquals("popcast pde solve --policy three-child --out " + file,
                    ((String) hdf.getAttribute("history").getData()).replaceFirst("^[^ ]+ ", ""));
            assertTrue(((String) hdf.getAttribute("source").getData()).startsWith("popcast "));
            assertEquals(org.popcast.models.agepde.ExactSolveRun.FORMAT_VERSION, hdf.getAttribute("format_version").getData());
            assertTrue(((String) hdf.getAttribute("scenario_yaml").getData()).contains("cap: 0.25"));
            assertEquals(0.1, (double) hdf.getAttribute("age_step").getData());
        }
        CliRun info = CliRun.popcast("info", file.toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("density(time, age)"), info.out());
        assertTrue(!info.out().contains("    min "), "headers only without --stats: " + info.out());
        CliRun stats = CliRun.popcast("info", "--stats", file.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("    min "), stats.out());
        CliRun json = CliRun.popcast("info", "--json", file.toString());
        assertEquals(0, json.exit(), json.err());
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(file.toString(), root.get("file").asText());
        assertEquals(Files.size(file), root.get("bytes").asLong());
        assertEquals(org.popcast.models.agepde.ExactSolveRun.FORMAT_VERSION, root.get("attributes").get("format_version").asText());
        assertTrue(root.get("attributes").get("scenario_yaml").asText().contains("cap: 0.25"), "attributes in full");
        com.fasterxml.jackson.databind.JsonNode density = null;
        for (com.fasterxml.jackson.databind.JsonNode v : root.get("variables")) {
            density = v.get("name").asText().equals("density") ? v : density;
        }
        assertEquals("[\"time\",\"age\"]", density.get("dimensions").toString());
        assertEquals(2, density.get("shape").size());
        assertTrue(root.get("dimensions").size() >= 2);
        assertEquals(2, CliRun.popcast("info", "--json", "--stats", file.toString()).exit());
    }

    @Test
    void xarrayOpensTheResultWithTimeAndAgeDimensions() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && exec(python.toString(), "-c", "import xarray, h5netcdf").startsWith("0"),
                "/usr/bin/python3 with xarray and h5netcdf is not available");
        Path file = dir.resolve("x.h5");
        assertEquals(0, CliRun.popcast("pde", "solve", "--policy", "two-child", "--out", file.toString()).exit());
        String check = String.join("\n", "import sys, xarray as xr",
                "ds = xr.open_dataset(sys.argv[1], engine='h5netcdf')",
                "assert ds.density.dims == ('time', 'age'), ds.density.dims",
                "assert ds.births.dims == ('time',) and ds.population.dims == ('time',)",
                "v = float(ds.density.sel(time=2040.0, age=3.0, method='nearest'))",
                "assert abs(v / 9.390923e6 - 1) < 1e-6, v",
                "print('ok')");
        String result = exec(python.toString(), "-c", check, file.toString());
        assertTrue(result.startsWith("0") && result.strip().endsWith("ok"), result);
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "-1 timed out";
        }
        return p.exitValue() + " " + out;
    }

    @Test
    void allPoliciesWriteOneFilePerPolicy() throws Exception {
        CliRun run = CliRun.popcast("pde", "solve", "--all-policies", "--out", dir.resolve("all").toString(), "--time-step", "1", "--age-step", "1");
        assertEquals(0, run.exit(), run.err());
        try (Stream<Path> s = Files.list(dir.resolve("all"))) {
            assertEquals(List.of("pde-three-child.h5", "pde-two-child.h5", "pde-universal-two-child.h5"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private void assertFails(int expectedExit, String expectedMessage, String... args) throws IOException {
        CliRun run = CliRun.popcast(args);
        assertEquals(expectedExit, run.exit(), run.err());
        assertEquals(1, run.errWithoutBanner().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(expectedMessage), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals(List.of(), files().stream().filter(p -> p.toString().endsWith(".h5") || p.getFileName().toString().contains(".tmp")).toList());
    }

    @Test
    void badInputGivesOneLineAndTheRightExitCodeAndNoFile() throws IOException {
        String out = dir.resolve("x.h5").toString();
        assertFails(2, "unknown policy 'one-child'", "pde", "solve", "--policy", "one-child", "--out", out);
        assertFails(2, "--age-step must be a positive number", "pde", "solve", "--age-step", "0", "--out", out);
        assertFails(2, "--time-step must be a positive number", "pde", "solve", "--time-step", "-1", "--out", out);
        assertFails(2, "does not divide", "pde", "solve", "--age-step", "0.3", "--out", out);
        assertFails(2, "mutually exclusive", "pde", "solve", "--policy", "two-child", "--all-policies", "--out", out);
        assertFails(2, "Unknown option", "pde", "solve", "--frobnicate");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "time: {start: 2024, end: 2054}\nfertility: {shape: {quadratic: {scale: -1, from: 20, to: 35}}}\n"
                + "mortality: {linear_exponential: {mu0: 0.01, slope: 0, switch_age: 60, growth: 0.06}}\n"
                + "initial_density: {seed: {scale: 1e6, decay: 0.02, amplitude: 0, frequency: 0}}\n");
        assertFails(1, bad + ":2:", "pde", "solve", "--scenario", bad.toString(), "--out", out);
        Files.delete(bad);
        assertFails(1, "does not exist", "pde", "solve", "--out", dir.resolve("no/such/dir/x.h5").toString());
        assertFails(1, "no-such.h5", "info", dir.resolve("no-such.h5").toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.popcast("--verbose", "pde", "solve", "--out", dir.resolve("no/such/x.h5").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void helpAndVersion() {
        for (String[] args : new String[][] {{"--help"}, {"pde", "--help"}, {"pde", "solve", "--help"}, {"info", "--help"}, {"bench", "--help"}}) {
            CliRun run = CliRun.popcast(args);
            assertEquals(0, run.exit(), String.join(" ", args));
            assertTrue(run.out().contains("Usage:"), run.out());
        }
        CliRun version = CliRun.popcast("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("popcast 0."), version.out());
    }

    @Test
    void benchPrintsATableOfMedians() {
        CliRun run = CliRun.popcast("bench", "--repeat", "2", "--warmup", "0", "--time-step", "1", "--age-step", "1");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("median ms") && run.out().contains("births (renewal equation)"), run.out());
    }

    @Test
    void benchTakesAPolicyOrAScenarioFile() {
        CliRun policy = CliRun.popcast("bench", "--policy", "two-child", "--repeat", "1", "--warmup", "0", "--time-step", "1", "--age-step", "1");
        assertEquals(0, policy.exit(), policy.err());
        assertTrue(policy.out().contains("exact solver, two-child,"), policy.out());
        java.nio.file.Path tables = java.nio.file.Path.of("..", "bench", "pde-tables", "tables.yaml");
        CliRun file = CliRun.popcast("bench", "--scenario", tables.toString(), "--repeat", "1", "--warmup", "0", "--time-step", "5", "--age-step", "5");
        assertEquals(0, file.exit(), file.err());
        assertTrue(file.out().contains("exact solver, one-year-tables,"), file.out());
    }

    @Test
    void everyHelpTextRendersWithoutAPicocliWarning() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(PopcastCli.commandLine()));
            int commands = 0;
            while (!todo.isEmpty()) {
                CommandLine c = todo.pop();
                assertFalse(c.getUsageMessage().isBlank());
                // the line `popcast --help` lists for a command is a whole sentence
                String[] header = c.getCommandSpec().usageMessage().header(), description = c.getCommandSpec().usageMessage().description();
                String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
                assertTrue(summary.endsWith("."), c.getCommandName() + ": " + summary);
                commands++;
                todo.addAll(c.getSubcommands().values());
            }
            assertTrue(commands > 20, "all commands visited: " + commands);
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "a '%' in a description must be written '%%'");
    }
}
