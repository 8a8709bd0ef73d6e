package org.popcast.models.agepde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;

class PdeScenarioReaderTest {

    @TempDir
    Path dir;

    private static final String SEED_LIKE = """
            name: custom
            time: {start: 2024, end: 2054}
            fertility:
              shape: {quadratic: {scale: 0.0022, from: 20, to: 35}}
              steps: [{year: 2014, increment: 0.2}, {year: 2016, increment: 0.2}, {year: 2021, increment: 0.2}]
              cap: 0.25
            mortality:
              linear_exponential: {mu0: 0.006805083, slope: 0.0003, switch_age: 60, growth: 0.06}
            initial_density:
              seed: {scale: 9.54e6, decay: 0.02, amplitude: 0.3, frequency: 0.2}
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void builtinPoliciesGiveTheSeedBirths() {
        for (String name : PdeScenarioReader.BUILTIN) {
            PdeScenario s = PdeScenarioReader.builtin(name);
            assertEquals(name, s.name());
            assertTrue(s.source().contains("fertility"));
        }
        ExactMvfSolver three = new ExactMvfSolver(PdeScenarioReader.builtin("three-child").problem(), ExactSolverSettings.DEFAULT);
        ExactMvfSolver two = new ExactMvfSolver(PdeScenarioReader.builtin("two-child").problem(), ExactSolverSettings.DEFAULT);
        ExactMvfSolver universal = new ExactMvfSolver(PdeScenarioReader.builtin("universal-two-child").problem(), ExactSolverSettings.DEFAULT);
        assertEquals(9.0033e6, three.births(2024), 50);
        assertEquals(6.7525e6, two.births(2024), 50);
        // inside 2024-2054 no cap binds, so the two two-child policies are the same problem (seed-notes)
        assertEquals(two.births(2050), universal.births(2050), 1e-9 * two.births(2050));
        assertThrows(IllegalArgumentException.class, () -> PdeScenarioReader.builtin("one-child"));
    }

    @Test
    void aFileScenarioEqualsTheBuiltinAndTablesComeFromCsv() throws IOException {
        PdeScenario file = PdeScenarioReader.read(write("s.yaml", SEED_LIKE));
        ExactMvfSolver a = new ExactMvfSolver(file.problem(), ExactSolverSettings.DEFAULT);
        ExactMvfSolver b = new ExactMvfSolver(PdeScenarioReader.builtin("three-child").problem(), ExactSolverSettings.DEFAULT);
        assertEquals(b.density(5, 2050), a.density(5, 2050), 0);

        // a mortality table that samples a constant hazard reproduces it exactly
        write("mu.csv", "age,value\n0,0.01\n100,0.01\n");
        PdeScenario table = PdeScenarioReader.read(write("t.yaml", SEED_LIKE.replace(
                "linear_exponential: {mu0: 0.006805083, slope: 0.0003, switch_age: 60, growth: 0.06}", "csv: mu.csv")));
        assertEquals(0.01 * 42, table.problem().mortality().cumulativeHazard(42), 1e-15);
    }

    @Test
    void theStoredTextCarriesCsvTablesInlineAndStoredTextsNeverOpenFiles() throws IOException {
        write("fx.csv", "age,value\n15,0\n27.5,0.1375\n45,0\n");
        write("mu.csv", "age,value\n0,0.004\n60,0.022\n100,0.24\n");
        PdeScenario read = PdeScenarioReader.read(write("t.yaml", SEED_LIKE
                .replace("shape: {quadratic: {scale: 0.0022, from: 20, to: 35}}", "shape: {csv: fx.csv}")
                .replace("linear_exponential: {mu0: 0.006805083, slope: 0.0003, switch_age: 60, growth: 0.06}", "csv: mu.csv")));
        assertTrue(!read.source().contains("csv"), read.source());
        // the stored text alone, with the CSV files gone, gives the same problem to the last bit
        Files.delete(dir.resolve("fx.csv"));
        Files.delete(dir.resolve("mu.csv"));
        PdeScenario stored = PdeScenarioReader.stored("model.h5: scenario_yaml", read.source());
        ExactMvfSolver a = new ExactMvfSolver(read.problem(), ExactSolverSettings.DEFAULT);
        ExactMvfSolver b = new ExactMvfSolver(stored.problem(), ExactSolverSettings.DEFAULT);
        for (double[] at : new double[][] {{0, 2024}, {27.5, 2030}, {61, 2050}, {99, 2054}}) {
            assertEquals(a.density(at[0], at[1]), b.density(at[0], at[1]), 0);
        }
        assertEquals(a.births(2040), b.births(2040), 0);
        // a file-free text stays verbatim, comments and all
        assertEquals(SEED_LIKE, PdeScenarioReader.read(write("s.yaml", SEED_LIKE)).source());

        // a tampered stored scenario naming a file is refused without opening it
        write("secret.csv", "age,value\n0,1\n100,1\n");
        String tampered = SEED_LIKE.replace("seed: {scale: 9.54e6, decay: 0.02, amplitude: 0.3, frequency: 0.2}",
                "csv: " + dir.resolve("secret.csv"));
        InputException e = assertThrows(InputException.class, () -> PdeScenarioReader.stored("model.h5: scenario_yaml", tampered));
        assertTrue(e.getMessage().contains("must carry its tables inline"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret.csv:"), "no file was read: " + e.getMessage());
    }

    private void assertRejected(String text, String... fragments) throws IOException {
        Path p = write("bad.yaml", text);
        InputException e = assertThrows(InputException.class, () -> PdeScenarioReader.read(p));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
        assertTrue(e.getMessage().startsWith(dir.toString()), "names the file: " + e.getMessage());
    }

    @Test
    void badScenarioFilesAreRejectedWithFileLineAndReason() throws IOException {
        assertRejected(SEED_LIKE.replace("cap: 0.25", "cap: -0.25"), "cap must be > 0", "bad.yaml:6:8 (fertility.cap)");
        assertRejected(SEED_LIKE.replace("scale: 0.0022", "scale: lots"), "expected a number, got 'lots'", "bad.yaml:4:30 (fertility.shape.quadratic.scale)");
        assertRejected(SEED_LIKE.replace("from: 20, to: 35", "from: 35, to: 20"), "0 <= from < to");
        assertRejected(SEED_LIKE.replace("end: 2054", "end: 2024"), "time window is empty");
        assertRejected(SEED_LIKE.replace("mu0: 0.006805083", "mu0: -0.1"), "mu0 must be >= 0");
        assertRejected(SEED_LIKE.replace("cap: 0.25", "cap: 0.25\n  cab: 3"), "unknown key 'cab'");
        assertRejected(SEED_LIKE.replace("from: 20, to: 35", "from: 0, to: 35"), "fertility must be zero below a positive age");
        assertRejected(SEED_LIKE + "max_age: 30\n", "beyond the age limit");
        assertRejected("time: [", "not valid YAML");
        assertRejected("", "empty");
        write("neg.csv", "age,value\n0,1e6\n50,-3\n");
        assertRejected(SEED_LIKE.replace("seed: {scale: 9.54e6, decay: 0.02, amplitude: 0.3, frequency: 0.2}", "csv: neg.csv"),
                "neg.csv:3:2", "must be >= 0");
        assertRejected(SEED_LIKE.replace("seed: {scale: 9.54e6, decay: 0.02, amplitude: 0.3, frequency: 0.2}", "csv: missing.csv"),
                "no such file");
    }
}
