package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;

import picocli.CommandLine;

/** --device resolution with its fallback message, and the global --quiet. */
class DeviceAndQuietTest {

    private static String resolve(String device, Device expected) {
        DeviceOption option = new DeviceOption();
        option.device = device;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
        assertEquals(expected, option.resolve(new CommandLine(new PdeTrainCommand()).getCommandSpec(), progress));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void autoWithoutAGpuSaysItRunsOnTheCpuAndWhy() {
        assumeFalse(Device.gpuAvailable(), "this machine has a GPU");
        assertEquals("device: cpu (--device auto: no GPU seen: " + Device.noGpuReason() + ")\n", resolve("auto", Device.AUTO));
        assertEquals("device: cpu\n", resolve("cpu", Device.CPU));
        IllegalStateException gpu = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> resolve("gpu", Device.GPU));
        assertTrue(gpu.getMessage().startsWith("--device gpu: TensorFlow sees no GPU: "), gpu.getMessage());
        CommandLine.ParameterException bad = org.junit.jupiter.api.Assertions.assertThrows(CommandLine.ParameterException.class,
                () -> resolve("tpu", Device.CPU));
        assertEquals("device must be cpu, gpu or auto, got 'tpu'", bad.getMessage());
    }

    @Test
    void quietIsGlobalAndReachesTheRootFromAnySubcommand() {
        for (String[] args : new String[][] {{"-q", "pde", "train", "--model", "pinn"}, {"pde", "train", "--model", "pinn", "--quiet"},
                {"pde", "-q", "train", "--model", "pinn"}}) {
            CommandLine cl = PopcastCli.commandLine();
            cl.parseArgs(args);
            assertTrue(((PopcastCommand) cl.getCommand()).quiet, String.join(" ", args));
        }
        CommandLine cl = PopcastCli.commandLine();
        cl.parseArgs("pde", "train", "--model", "pinn");
        assertEquals(false, ((PopcastCommand) cl.getCommand()).quiet);
    }

    @Test
    void computeCommandsStartWithTheBannerUnlessQuiet() {
        CliRun run = CliRun.popcast("pde", "solve", "--policy", "three-child", "--age-step", "5", "--time-step", "5", "--out",
                tmp.resolve("s.h5").toString());
        assertEquals(0, run.exit(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("popcast " + org.popcast.engine.provenance.Provenance.version() + " pde solve | Java "), first);
        assertTrue(first.contains("TensorFlow Java 1.1.0 (native linux-x86_64") && first.contains("HDF5 1.14.3 (JavaCPP)"), first);

        CliRun quiet = CliRun.popcast("-q", "pde", "solve", "--policy", "three-child", "--age-step", "5", "--time-step", "5", "--out",
                tmp.resolve("q.h5").toString());
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err());
        for (String[] args : new String[][] {{"pde", "solve", "--help"}, {"--version"}, {"completion", "bash"}}) {
            assertTrue(!CliRun.popcast(args).err().contains("| Java "), String.join(" ", args));
        }
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;
}
