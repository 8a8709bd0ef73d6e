package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21's data-loss cases, through the real command line: an output named like an input is
 * refused before any work, in one line, and every file in the folder is left as it was.
 */
class OutputSafetyTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p), Files.readString(p));
            }
        }
        return m;
    }

    /** Runs popcast in {@code dir}'s terms and checks: exit 1, one line naming {@code fragment}, no file changed or added. */
    private void refused(String fragment, String... args) throws IOException {
        Map<Path, String> before = snapshot();
        CliRun run = CliRun.popcast(args);
        assertEquals(1, run.exit(), String.join(" ", args) + "\n" + run.err());
        String err = run.errWithoutBanner().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains(fragment), err);
        assertEquals(before, snapshot(), "nothing written, nothing overwritten: " + String.join(" ", args));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void anOutputOnAnInputIsRefusedByEveryCommand() throws IOException {
        file("s.yaml", org.popcast.data.input.BuiltinData.text("scenarios/pde/three-child.yaml"));
        file("M/model.h5", "weights");
        file("gi/population.csv", "region,sex,age,population\n");
        file("proj.h5", "projection");
        file("obs.csv", "region,population\n");
        file("s2.csv", "year,population\n");
        file("model.h5", "mobility model");
        file("table.csv", "city,year\n");
        file("c.yaml", "until: 2030\n");
        refused("is the input --scenario", "-q", "pde", "solve", "--scenario", p("s.yaml"), "--out", p("s.yaml"));
        refused("inside the input --model", "-q", "pde", "predict", "--model", p("M"), "--out", p("M/model.h5"));
        refused("is the input --scenario", "-q", "pde", "train", "--model", "pinn", "--scenario", p("s.yaml"), "--out", p("s.yaml"));
        refused("inside the input --input", "-q", "cohort", "project", "--input", p("gi"), "--out", p("gi/population.csv"));
        refused("inside the input --input", "-q", "cohort", "project", "--input", p("gi"), "--out", p("o.h5"), "--csv", p("gi"));
        refused("is also --out", "-q", "cohort", "project", "--out", p("o.h5"), "--arrow", p("o.h5"));
        refused("is the input --projection", "-q", "cohort", "validate", "--projection", p("proj.h5"), "--out", p("proj.h5"));
        refused("is the input --observed", "-q", "cohort", "validate", "--projection", p("proj.h5"), "--observed", p("obs.csv"),
                "--out", p("v.h5"), "--csv", p("obs.csv"));
        refused("is the input --series", "-q", "balance", "forecast", "--series", p("s2.csv"), "--out", p("s2.csv"));
        refused("is the input --config", "-q", "balance", "forecast", "--config", p("c.yaml"), "--out", p("c.yaml"));
        refused("is the input --model", "-q", "mobility", "predict", "--model", p("model.h5"), "--out", p("model.h5"));
        refused("is the input --table", "-q", "mobility", "predict", "--model", p("model.h5"), "--table", p("table.csv"),
                "--out", p("table.csv"));
        refused("is the input --table", "-q", "mobility", "train", "--table", p("table.csv"), "--out", p("table.csv"));
        file("result.png", "a result named like a picture");
        refused("is the input FILE", "-q", "plot", p("result.png"), "--out", p("result.png"));
    }

    @Test
    void devicesStandardOutputAndFilesWhereFoldersGoAreRefusedBeforeAnyWork() throws IOException {
        refused("--out -: standard output takes text tables only (CSV), not this output; give a file name", "-q", "pde", "solve", "--out", "-");
        file("afile", "not a folder");
        refused("exists and is not a directory", "-q", "cohort", "project", "--builtin", "china-national", "--horizon", "5",
                "--out", p("o.h5"), "--arrow", p("o.arrow"), "--csv", p("afile"));
        assertFalse(Files.exists(dir.resolve("o.h5")));
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            CliRun run = CliRun.popcast("-q", "pde", "solve", "--out", devNull.toString());
            assertEquals(1, run.exit(), run.err());
            assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        }
    }

    @Test
    void aFailedRunLeavesNoneOfItsFiles() throws IOException {
        // the CSV folder is fine, the run fails later (an unknown scenario set): no h5, no arrow, no folder
        CliRun run = CliRun.popcast("-q", "cohort", "project", "--builtin", "china-national", "--horizon", "5",
                "--scenarios", "builtin:nonesuch", "--out", p("o.h5"), "--arrow", p("o.arrow"), "--csv", p("tables"));
        assertTrue(run.exit() != 0, run.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
        // the same run with a good input writes all three
        CliRun ok = CliRun.popcast("-q", "cohort", "project", "--builtin", "china-national", "--horizon", "5",
                "--out", p("o.h5"), "--arrow", p("o.arrow"), "--csv", p("tables"));
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(Files.isRegularFile(dir.resolve("o.h5")) && Files.isRegularFile(dir.resolve("o.arrow"))
                && Files.isRegularFile(dir.resolve("tables/population.csv")) && Files.isRegularFile(dir.resolve("tables/components.csv")));
    }

    @Test
    void aResultOutOfRangeIsNotWritten() throws IOException {
        // fertility scaled by 1e308 without a cap: the births overflow, the density turns NaN
        String text = org.popcast.data.input.BuiltinData.text("scenarios/pde/three-child.yaml")
                .replace("scale: 0.0022", "scale: 1e308").replaceAll("(?m)^\\s*cap:.*$", "");
        file("huge.yaml", text);
        refused("out of range", "-q", "pde", "solve", "--scenario", p("huge.yaml"), "--out", p("huge.h5"));
        assertFalse(Files.exists(dir.resolve("huge.h5")));
    }

    @Test
    void namedLimitsFailInOneLineInsteadOfHanging() {
        String[][] cases = {
            {"steps per year must be within 1 .. 365", "balance", "forecast", "--steps-per-year", "100000000"},
            {"0 .. 64 sequence steps", "pde", "train", "--model", "lstm-pinn", "--sequence-steps", "1000"},
            {">= 0.001 years", "pde", "solve", "--quadrature-piece", "1e-300"},
            {">= 0.001 years", "pde", "solve", "--birth-panel", "1e-300"},
            {"more than 10 million points", "pde", "solve", "--age-step", "1e-308"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "-q";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliRun run = CliRun.popcast(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(c[0]) && run.err().strip().lines().count() == 1, run.err());
        }
    }

    @Test
    void hostileTextInputsGetOneClearLine() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'g'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(8)).append('*').append((char) (c - 1))
                    .append("]\n");
        }
        file("bomb.yaml", bomb.toString());
        Files.write(dir.resolve("latin1.csv"), new byte[] {'y', 'e', 'a', 'r', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        String[][] cases = {
            {"Number of aliases", "balance", "forecast", "--config", p("bomb.yaml")},
            {"not a regular file", "balance", "forecast", "--config", "/dev/zero"},
            {"not UTF-8 text", "balance", "forecast", "--series", p("latin1.csv")},
            {"not a regular file", "pde", "solve", "--scenario", dir.toString()},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "-q";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliRun run = CliRun.popcast(args);
            assertTrue(run.exit() != 0, String.join(" ", args));
            assertTrue(run.err().contains(c[0]) && run.err().strip().lines().count() == 1, String.join(" ", args) + ": " + run.err());
        }
        assertEquals("/x/y.h5: no such file or directory",
                PopcastCli.describe(new java.nio.file.NoSuchFileException("/x/y.h5")), "not the path alone");
    }
}
