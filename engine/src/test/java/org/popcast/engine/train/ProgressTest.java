package org.popcast.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void plainLinesAreThrottledButTheLastStepIsAlwaysShown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 3600);
        for (int i = 1; i <= 100; i++) {
            p.update("adam", i, 100, i, "loss 1");
        }
        p.message("done");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("|", lines));
        assertTrue(lines[0].startsWith("adam 1/100 (  1%)"), lines[0]);
        assertTrue(lines[1].startsWith("adam 100/100 (100%)  loss 1"), lines[1]);
        assertTrue(!lines[1].contains("\r") && lines[1].contains("steps/s") && lines[1].contains("ETA 0m00s"), lines[1]);
        assertEquals("done", lines[2]);
    }

    @Test
    void eachPhaseSaysWhatItCounts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
        for (String phase : new String[] {"epoch", "city", "project", "trajectories", "l-bfgs", "adam"}) {
            p.update(phase, 1, 1, 1, "");
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        String[] units = {"epochs/s", "cities/s", "years/s", "trajectories/s", "iterations/s", "steps/s"};
        for (int i = 0; i < units.length; i++) {
            assertTrue(lines[i].contains(" " + units[i] + "  ETA"), lines[i]);
        }
    }

    @Test
    void aTerminalLineIsRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0);
        p.update("adam", 1, 2, 1, "x");
        p.update("adam", 2, 2, 2, "x");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\r\033[Kadam 1/2"), out);
        assertTrue(out.contains("\r\033[Kadam 2/2") && out.endsWith("\n"), out);
        assertEquals("1m05s", Progress.duration(65));
        assertEquals("2h03m", Progress.duration(2 * 3600 + 3 * 60 + 10));
    }

    @Test
    void aPhaseThatStartsOverIsTimedAfreshWithoutAnExtraLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 3600);
        for (int model = 0; model < 3; model++) {
            for (int epoch = 1; epoch <= 50; epoch++) {
                p.update("epoch", epoch, 100, epoch, "model " + model);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // only the very first step prints within the hour; a restart does not reset the pace
        assertEquals(1, lines.length, String.join("|", lines));
        p.update("epoch", 100, 100, 100, "model 2");
        lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        // timed from the restart at epoch 1 of model 2: 99 steps, a positive finite speed
        double rate = Double.parseDouble(lines[1].replaceAll(".*  ([0-9.]+) epochs/s.*", "$1"));
        assertTrue(rate > 0 && Double.isFinite(rate), lines[1]);
    }

    @Test
    void clearingErasesAnOpenTerminalLineOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0);
        p.clearLine(); // nothing open: nothing written
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        p.update("epoch", 1, 2, 1, "loss 1");
        p.clearLine();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("loss 1  0.0 epochs/s  ETA ?\r\033[K"), bytes.toString());
        p.clearLine();
        p.message("next");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r\033[Knext\n"), "no blank line after a cleared line");
        Progress quiet = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
        quiet.update("epoch", 1, 2, 1, "x");
        int before = bytes.size();
        quiet.clearLine(); // plain lines are complete lines: nothing to erase
        assertEquals(before, bytes.size());
    }
}
