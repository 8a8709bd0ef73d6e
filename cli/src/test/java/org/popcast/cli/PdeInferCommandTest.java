package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactMvfSolver;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.PdeScenarioReader;

import io.jhdf.HdfFile;

/** {@code popcast pde infer}: noise-free observations from the exact solver with known scales come back. */
class PdeInferCommandTest {

    @TempDir
    Path dir;

    /** The three-child scenario with mortality x 1.1 and fertility x 0.9, every 10 years and 5 years of age. */
    private Path observations() throws Exception {
        AgePdeProblem p = PdeScenarioReader.builtin("three-child").problem();
        ExactMvfSolver truth = new ExactMvfSolver(new AgePdeProblem(p.startYear(), p.endYear(), p.maxAge(), p.ageingSpeed(),
                p.mortality().scaled(1.1), p.fertility().scaled(0.9), p.initialDensity()), ExactSolverSettings.DEFAULT);
        StringBuilder csv = new StringBuilder("year,age,density\n");
        for (int year = 2024; year <= 2054; year += 10) {
            for (int age = 0; age <= 100; age += 5) {
                csv.append(year).append(',').append(age).append(',').append(truth.density(age, year)).append('\n');
            }
        }
        return Files.writeString(dir.resolve("obs.csv"), csv);
    }

    @Test
    void estimatesTheScalesAndWritesThemWithTheFitAndAProgressLinePerIteration() throws Exception {
        Path obs = observations(), out = dir.resolve("fit.h5");
        CliRun run = CliRun.popcast("pde", "infer", "--policy", "three-child", "--observed", obs.toString(), "--unknown",
                "mortality_scale,fertility_scale", "--method", "exact", "--age-step", "1", "--time-step", "1", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("mortality_scale 1.10000 +- "), run.out());
        assertTrue(run.err().contains("infer iteration 1: rms log misfit"), run.err());
        try (HdfFile hdf = new HdfFile(out)) {
            assertEquals(1.1, (double) hdf.getAttribute("estimate_mortality_scale").getData(), 1e-7);
            assertEquals(0.9, (double) hdf.getAttribute("estimate_fertility_scale").getData(), 1e-7);
            assertTrue((double) hdf.getAttribute("stderr_fertility_scale").getData() < 1e-6);
            assertEquals("agepde_inverse", hdf.getAttribute("product").getData());
            assertEquals(4 * 21, ((double[]) hdf.getDatasetByPath("log_residual").getData()).length);
            assertEquals(31, ((double[][]) hdf.getDatasetByPath("density").getData()).length);
        }
        CliRun quiet = CliRun.popcast("-q", "pde", "infer", "--observed", obs.toString(), "--unknown", "mortality_scale", "--out",
                dir.resolve("q.h5").toString(), "--age-step", "1", "--time-step", "1");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err());
    }

    /** A PINN fit stopped after 40 of 60 steps and resumed gives the uninterrupted fit's estimates, to the bit. */
    @Test
    void pinnFitResumedFromItsCheckpointEqualsTheUninterruptedOne() throws Exception {
        Path obs = observations(), whole = dir.resolve("whole.h5"), parts = dir.resolve("parts.h5");
        String[] common = {"pde", "infer", "--policy", "three-child", "--observed", obs.toString(), "--unknown",
            "mortality_scale,fertility_scale", "--method", "pinn", "--hidden", "8,8", "--warmup-steps", "10", "--checkpoint-every", "20",
            "--age-step", "5", "--time-step", "5", "--seed", "3"};
        assertEquals(0, CliRun.popcast(with(common, "--steps", "60", "--out", whole.toString())).exit());
        assertEquals(0, CliRun.popcast(with(common, "--steps", "40", "--out", parts.toString())).exit());
        CliRun resumed = CliRun.popcast(with(common, "--steps", "60", "--resume", "--overwrite", "--out", parts.toString()));
        assertEquals(0, resumed.exit(), resumed.err());
        try (HdfFile a = new HdfFile(whole); HdfFile b = new HdfFile(parts)) {
            for (String name : new String[] {"estimate_mortality_scale", "estimate_fertility_scale"}) {
                double x = (double) a.getAttribute(name).getData(), y = (double) b.getAttribute(name).getData();
                assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(y), name + ": " + x + " vs " + y);
                assertTrue(Math.abs(x - 1) > 1e-6, name + " moved from 1 after the warm-up: " + x);
            }
            assertEquals(60L, ((Number) b.getAttribute("iterations").getData()).longValue());
        }
        CliRun changed = CliRun.popcast(with(common, "--steps", "60", "--resume", "--overwrite", "--lr", "1e-2", "--out",
                parts.toString()));
        assertEquals(1, changed.exit(), changed.err());
        assertTrue(changed.err().contains("was made with different settings: learning_rate"), changed.err());
    }

    private static String[] with(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    @Test
    void badInputIsOneLineAndLeavesNoFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "year,age,density\n2030,1,5\n2030,1,-5\n"), out = dir.resolve("x.h5");
        CliRun run = CliRun.popcast("pde", "infer", "--observed", bad.toString(), "--unknown", "mortality_scale", "--out", out.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals(bad + ":3:3: density must be a finite number > 0 (the fit compares logarithms), got -5",
                run.errWithoutBanner().strip().replaceFirst("^popcast pde infer: ", ""));
        assertFalse(Files.exists(out));
        CliRun unknown = CliRun.popcast("pde", "infer", "--observed", bad.toString(), "--unknown", "old_age_slope", "--out", out.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown parameter 'old_age_slope', expected one of mortality_scale, fertility_scale"), unknown.err());
        CliRun mixed = CliRun.popcast("pde", "infer", "--observed", bad.toString(), "--unknown", "mortality_scale", "--method", "pinn",
                "--max-iterations", "5");
        assertEquals(2, mixed.exit());
        assertTrue(mixed.err().contains("--max-iterations is not an option of --method pinn"), mixed.err());
        CliRun steps = CliRun.popcast("pde", "infer", "--observed", bad.toString(), "--unknown", "mortality_scale", "--steps", "5");
        assertEquals(2, steps.exit());
        assertTrue(steps.err().contains("--steps is not an option of --method exact"), steps.err());
        assertFalse(Files.exists(out));
    }
}
