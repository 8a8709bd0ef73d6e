package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.models.pinn.PinnSettings;

import picocli.CommandLine;

/** pde train and pde predict through the real command line, with a tiny network. */
class PdeTrainCommandTest {

    @TempDir
    Path dir;

    static final String[] TINY = {"--steps", "30", "--lbfgs", "3", "--hidden", "8,8", "--interior-points", "128",
            "--boundary-times", "4", "--quadrature-nodes", "4", "--lbfgs-points", "128", "--age-step", "5", "--time-step", "1", "-q"};

    private CliRun train(String... extra) {
        String[] args = new String[4 + TINY.length + extra.length];
        System.arraycopy(new String[] {"pde", "train", "--model", "pinn"}, 0, args, 0, 4);
        System.arraycopy(TINY, 0, args, 4, TINY.length);
        System.arraycopy(extra, 0, args, 4 + TINY.length, extra.length);
        return CliRun.popcast(args);
    }

    @Test
    void trainWritesResultsAndAModelThatPredictReads() throws Exception {
        Path out = dir.resolve("run.h5");
        CliRun run = train("--out", out.toString(), "--policy", "two-child", "--seed", "3");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("pinn two-child: rel_l2 "), run.out());
        NetcdfDataset ds = NetcdfReader.read(out);
        assertEquals(33, ds.dimension("step").size());
        assertEquals(List.of("time", "age"), ds.variable("density").dims());
        for (String v : List.of("loss_total", "loss_pde", "loss_ic", "loss_bc", "births", "population", "density_error")) {
            assertTrue(ds.variable(v) != null, v);
        }
        for (String a : List.of("rel_l2", "rel_linf", "rel_l2_off_jump", "births_rel_error_2034", "births_rel_error_2044",
                "births_rel_error_2054", "wall_time_s", "steps_per_s", "device", "seed", "hidden", "history", "scenario_yaml")) {
            assertTrue(ds.attributes().containsKey(a), a);
        }
        assertEquals(3L, ds.attributes().get("seed"));
        Path model = dir.resolve("run.model");
        assertTrue(Files.isRegularFile(model.resolve("model.h5")));

        CliRun table = CliRun.popcast("pde", "predict", "--model", model.toString(), "--age", "0,50", "--year", "2030,2054");
        assertEquals(0, table.exit(), table.err());
        List<String> lines = table.out().strip().lines().toList();
        assertEquals("age,year,density", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(lines.get(4).startsWith("50,2054,"), lines.get(4));
        CliRun dash = CliRun.popcast("pde", "predict", "--model", model.toString(), "--age", "0,50", "--year", "2030,2054", "--out", "-");
        assertEquals(0, dash.exit(), dash.err());
        assertEquals(table.out(), dash.out(), "--out - is standard output, as no --out");
        assertFalse(Files.exists(Path.of("-")), "no file named -");
        // the extension decides the format: no CSV in x.h5, no HDF5 in x.csv or on standard output
        for (String[] wrong : List.of(new String[] {"--age", "0", "--year", "2030", "--out", dir.resolve("x.h5").toString()},
                new String[] {"--out", dir.resolve("x.csv").toString()}, new String[] {"--out", "-"})) {
            List<String> args = new java.util.ArrayList<>(List.of("pde", "predict", "--model", model.toString()));
            args.addAll(List.of(wrong));
            CliRun refused = CliRun.popcast(args.toArray(String[]::new));
            assertEquals(2, refused.exit(), refused.err());
            assertEquals(1, refused.errWithoutBanner().strip().lines().count(), refused.err());
        }
        assertFalse(Files.exists(dir.resolve("x.h5")) || Files.exists(dir.resolve("x.csv")));

        Path grid = dir.resolve("grid.h5");
        CliRun g = CliRun.popcast("pde", "predict", "--model", model.toString(), "--age-step", "5", "--time-step", "1", "--out", grid.toString());
        assertEquals(0, g.exit(), g.err());
        assertArrayEquals(ds.variable("density").data(), NetcdfReader.read(grid).variable("density").data(), 0);
    }

    @Test
    void aParametricSurrogateTrainsPredictsMembersAndRefusesBadMembers() throws Exception {
        Path out = dir.resolve("sur.h5"), model = dir.resolve("sur.model");
        CliRun run = train("--out", out.toString(), "--parametric", "fertility_scale=0.8:1.2");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("parametric over fertility_scale=0.8:1.2") && run.out().contains("fertility_scale=1.15"), run.out());
        NetcdfDataset ds = NetcdfReader.read(out);
        assertEquals("fertility_scale=0.8:1.2", ds.attributes().get("parametric"));
        assertTrue(ds.attributes().containsKey("rel_l2_off_jump_heldout_3"));

        CliRun low = CliRun.popcast("pde", "predict", "--model", model.toString(), "--set", "fertility_scale=0.85", "--age", "0", "--year", "2050");
        CliRun high = CliRun.popcast("pde", "predict", "--model", model.toString(), "--set", "fertility_scale=1.15", "--age", "0", "--year", "2050");
        assertEquals(0, low.exit(), low.err());
        assertEquals(0, high.exit(), high.err());
        assertFalse(low.out().equals(high.out()), "members differ");
        Path grid = dir.resolve("member.h5");
        CliRun g = CliRun.popcast("pde", "predict", "--model", model.toString(), "--set", "fertility_scale=1.1", "--age-step", "5",
                "--time-step", "1", "--out", grid.toString());
        assertEquals(0, g.exit(), g.err());
        assertEquals(1.1, (Double) NetcdfReader.read(grid).attributes().get("fertility_scale"), 0);

        Path csv = dir.resolve("bad.csv");
        for (String[] bad : List.of(new String[0], new String[] {"--set", "fertility_scale=1.3"}, new String[] {"--set", "fertilty_scale=1.1"},
                new String[] {"--set", "mortality_scale=1.1"}, new String[] {"--set", "fertility_scale"},
                new String[] {"--set", "fertility_scale=x"}, new String[] {"--set", "fertility_scale=1,fertility_scale=1.1"})) {
            String[] args = new String[9 + bad.length];
            System.arraycopy(new String[] {"pde", "predict", "--model", model.toString(), "--age", "0", "--year", "2050", "--out=" + csv}, 0, args, 0, 9);
            System.arraycopy(bad, 0, args, 9, bad.length);
            CliRun r = CliRun.popcast(args);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.errWithoutBanner().strip().lines().count(), r.err());
            assertFalse(Files.exists(csv), String.join(" ", bad));
        }
        CliRun outside = CliRun.popcast("pde", "predict", "--model", model.toString(), "--set", "fertility_scale=1.3", "--age", "0", "--year", "2050");
        assertTrue(outside.err().contains("outside the trained range 0.8 .. 1.2 (--extrapolate"), outside.err());
        CliRun extrapolated = CliRun.popcast("pde", "predict", "--model", model.toString(), "--set", "fertility_scale=1.3", "--extrapolate",
                "--age", "0", "--year", "2050");
        assertEquals(0, extrapolated.exit(), extrapolated.err());
        assertTrue(extrapolated.err().contains("warning: fertility_scale=1.3 lies outside the trained range"), extrapolated.err());

        // an ordinary model has nothing to --set
        train("--out", dir.resolve("plain.h5").toString());
        CliRun plain = CliRun.popcast("pde", "predict", "--model", dir.resolve("plain.model").toString(), "--set", "fertility_scale=1",
                "--age", "0", "--year", "2050");
        assertEquals(2, plain.exit(), plain.err());
        assertTrue(plain.err().contains("not parametric"), plain.err());

        CliRun range = train("--out", dir.resolve("x.h5").toString(), "--parametric", "fertility_scale=1.2:0.8");
        assertEquals(2, range.exit(), range.err());
        assertTrue(range.err().contains("0 < LOW < HIGH"), range.err());
        assertFalse(Files.exists(dir.resolve("x.h5")));

        CliRun bench = CliRun.popcast("bench", "--surrogate", model.toString(), "--members", "20", "--repeat", "1", "--warmup", "0");
        assertEquals(0, bench.exit(), bench.err());
        assertTrue(bench.out().contains("sweep of 20 members") && bench.out().contains("exact solver (one solve per member, all cores)"), bench.out());
    }

    @Test
    void badOptionsGiveOneLineAndTheRightExitCode() {
        CliRun gpu = train("--device", "gpu", "--out", dir.resolve("g.h5").toString());
        assertEquals(1, gpu.exit());
        assertTrue(gpu.err().contains("TensorFlow sees no GPU") && gpu.err().strip().lines().count() == 1, gpu.err());
        CliRun ic = train("--ic", "sideways", "--out", dir.resolve("i.h5").toString());
        assertEquals(2, ic.exit());
        assertTrue(ic.err().contains("--ic must be hard, soft, soft-relative or transported"), ic.err());
        CliRun hidden = train("--hidden", "8,x", "--out", dir.resolve("h.h5").toString());
        assertEquals(2, hidden.exit(), hidden.err());
        CliRun old = train("--preset", "seed", "--checkpoint-every", "0", "--out", dir.resolve("p.h5").toString());
        assertEquals(2, old.exit(), old.err());
        assertTrue(old.err().contains("--preset seed is now called --preset paper") && old.err().contains("--checkpoint-every must be >= 1"),
                old.err());
        CliRun paper = train("--preset", "paper", "--checkpoint-every", "0", "--out", dir.resolve("p.h5").toString());
        assertEquals(2, paper.exit(), paper.err());
        assertFalse(paper.err().contains("now called"), paper.err());
        CliRun resume = train("--resume", "--out", dir.resolve("r.h5").toString());
        assertEquals(1, resume.exit());
        assertTrue(resume.err().contains("no checkpoint"), resume.err());
        CliRun model = CliRun.popcast("pde", "predict", "--model", dir.resolve("nothing").toString(), "--age", "1", "--year", "2030");
        assertEquals(1, model.exit());
        assertTrue(model.err().contains("not a popcast model"), model.err());
        assertFalse(Files.exists(dir.resolve("g.h5")));
    }

    @Test
    void causalWeightingAndAdaptivePointsAreOptionsRecordedInTheResult() throws Exception {
        Path out = dir.resolve("adaptive.h5");
        CliRun run = train("--out", out.toString(), "--causal-chunks", "4", "--causal-eps", "2", "--rar-every", "10", "--rar-k", "2",
                "--rar-c", "0.5", "--rar-points", "32", "--rar-candidates", "256");
        assertEquals(0, run.exit(), run.err());
        var a = NetcdfReader.read(out).attributes();
        assertEquals(4L, a.get("causal_chunks"));
        assertEquals(2.0, a.get("causal_eps"));
        assertEquals(10L, a.get("rar_every"));
        assertEquals(2.0, a.get("rar_k"));
        assertEquals(0.5, a.get("rar_c"));
        assertEquals(32L, a.get("rar_points"));
        assertEquals(256L, a.get("rar_candidates"));
        String example = CliRun.popcast("config", "example", "pde", "train").out();
        assertTrue(example.contains("# causal-chunks: M") && example.contains("# rar-every: K"), example);
    }

    @Test
    void badCausalAndAdaptiveOptionsAreOneLineUsageErrors() {
        String[][] cases = {
                {"--causal-chunks", "-1", "causal chunks must be >= 0"},
                {"--causal-chunks", "4", "--causal-eps", "0", "causal eps must be a positive number"},
                {"--causal-eps", "1", "--causal-eps needs --causal-chunks"},
                {"--rar-k", "2", "need --rar-every"},
                {"--rar-every", "-5", "rar every must be >= 0"},
                {"--rar-every", "10", "--rar-points", "0", "rar points and rar candidates must be >= 1"},
                {"--rar-every", "10", "--rar-k", "0", "--rar-c", "0", "cannot both be 0"},
                {"--rar-every", "10", "--rar-c", "-1", "rar c must be a number >= 0"}};
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 1);
            args[c.length - 1] = "--out";
            args[c.length] = dir.resolve("bad.h5").toString();
            CliRun r = train(args);
            String expected = c[c.length - 1];
            assertEquals(2, r.exit(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(expected) && r.err().strip().lines().count() == 1, String.join(" ", c) + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("bad.h5")));
        }
    }

    @Test
    void paperPresetIsThePapersConfigurationAndFlagsOverrideIt() {
        CommandLine old = PopcastCli.commandLine();
        CommandLine.ParseResult deprecated = old.parseArgs("pde", "train", "--model", "pinn", "--preset", "seed");
        assertEquals(PdeTrainCommand.Preset.PAPER, ((PdeTrainCommand) deprecated.subcommand().subcommand().commandSpec().userObject()).preset,
                "'seed' is the old name of 'paper'");
        CommandLine cl = PopcastCli.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs("pde", "train", "--model", "pinn", "--preset", "paper", "--steps", "50");
        PdeTrainCommand cmd = (PdeTrainCommand) parsed.subcommand().subcommand().commandSpec().userObject();
        PinnSettings s = cmd.settings();
        assertArrayEquals(new int[] {128, 128, 64}, ((org.popcast.models.pinn.PinnBody.Mlp) s.body()).hidden());
        assertEquals(25217, s.parameterCount(org.popcast.models.agepde.PdeScenarioReader.builtin("three-child").problem()),
                "the seed's MLP has 25,217 parameters");
        assertEquals(5000, s.points().interior());
        assertEquals(2000, s.points().initial());
        assertEquals(2000, s.points().boundaryTimes());
        assertTrue(s.initialCondition() == PinnSettings.InitialCondition.SOFT_RELATIVE
                && s.lossWeights() == PinnSettings.LossWeights.EQUAL && !s.jumpFeature());
        assertEquals(5e-4, s.optimisation().schedule().at(9999));
        assertEquals(50, s.adamSteps());
        assertEquals(0, s.lbfgsIterations());
        String help = cl.getSubcommands().get("pde").getSubcommands().get("train").getUsageMessage();
        assertTrue(help.contains("The paper's defects NOT copied") && help.contains("(1 - a/100)"), help);
    }

    @Test
    void lstmPinnTrainsAndItsModelPredicts() throws Exception {
        Path out = dir.resolve("lstm.h5");
        CliRun run = CliRun.popcast("pde", "train", "--model", "lstm-pinn", "--steps", "5", "--lbfgs", "2", "--lstm-units", "4",
                "--lstm-layers", "2", "--sequence-steps", "2", "--interior-points", "64", "--boundary-times", "4", "--quadrature-nodes", "4",
                "--lbfgs-points", "64", "--age-step", "5", "--time-step", "1", "-q", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("lstm-pinn three-child:"), run.out());
        NetcdfDataset ds = NetcdfReader.read(out);
        assertEquals("lstm-pinn", ds.attributes().get("model"));
        CliRun table = CliRun.popcast("pde", "predict", "--model", dir.resolve("lstm.model").toString(), "--age", "20", "--year", "2040");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("20,2040,"), table.out());
        CliRun mixed = CliRun.popcast("pde", "train", "--model", "pinn", "--lstm-units", "4", "--out", dir.resolve("m.h5").toString());
        assertEquals(2, mixed.exit());
    }

    @Test
    void compareWritesTablesAndAChart() throws Exception {
        Path outDir = dir.resolve("cmp");
        CliRun run = CliRun.popcast("pde", "compare", "--out-dir", outDir.toString(), "--policies", "two-child",
                "--networks", "pinn-default,lstm-pinn-default", "--steps-scale", "0.001", "--age-step", "5", "--time-step", "1", "-q");
        assertEquals(0, run.exit(), run.err());
        List<String> csv = Files.readAllLines(outDir.resolve("compare.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("pinn default,two-child,") && csv.get(2).startsWith("lstm-pinn default,two-child,"), csv.toString());
        assertTrue(Files.readString(outDir.resolve("compare.md")).contains("| lstm-pinn default | two-child |"));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(outDir.resolve("compare.png").toFile());
        assertEquals(900, png.getWidth());
        assertTrue(Files.isRegularFile(outDir.resolve("pinn-default-two-child.h5")));
    }
}
