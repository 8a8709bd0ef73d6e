package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    private IOException refused(OutputFiles outputs, String option, Path target, String fragment) {
        IOException e = assertThrows(IOException.class, () -> outputs.file(option, target));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith(option + " ") || e.getMessage().startsWith(option + ": "), "names the option: " + e.getMessage());
        return e;
    }

    @Test
    void anOutputOnAnInputIsRefusedUnderEveryNameOfTheFile() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "name: x\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), scenario);
        Path model = Files.createDirectories(dir.resolve("M"));
        Files.writeString(model.resolve("model.h5"), "weights");
        try (OutputFiles outputs = new OutputFiles().input("--scenario", scenario).input("--model", model).input("--table", null)) {
            refused(outputs, "--out", scenario, "is the input --scenario");
            refused(outputs, "--out", link, "is the input --scenario");
            refused(outputs, "--out", dir.resolve("sub/../s.yaml"), "is the input --scenario");
            refused(outputs, "--out", model.resolve("model.h5"), "inside the input --model");
            refused(outputs, "--out", model.resolve("new.h5"), "inside the input --model");
            IOException e = assertThrows(IOException.class, () -> outputs.directory("--csv", model));
            assertTrue(e.getMessage().contains("inside the input --model"), e.getMessage());
            assertEquals(dir.resolve("r.h5"), outputs.file("--out", dir.resolve("r.h5")));
        }
        assertEquals("name: x\n", Files.readString(scenario));
        assertEquals("weights", Files.readString(model.resolve("model.h5")));
    }

    @Test
    void anInputNamedAfterTheOutputsIsRefusedToo() throws IOException {
        Path table = Files.writeString(dir.resolve("fx.csv"), "age,value\n");
        try (OutputFiles outputs = new OutputFiles().overwrite(true)) {
            outputs.file("--out", table);
            org.popcast.data.input.InputException e = assertThrows(org.popcast.data.input.InputException.class,
                    () -> outputs.input("--scenario", table));
            assertTrue(e.getMessage().contains("is the input --scenario"), e.getMessage());
        }
    }

    @Test
    void existingFilesAreReplacedOnlyWithOverwrite() throws IOException {
        Path old = Files.writeString(dir.resolve("r.h5"), "old"), folder = Files.createDirectories(dir.resolve("csv"));
        Path inFolder = Files.writeString(folder.resolve("t.csv"), "old"), state = Files.createDirectories(dir.resolve("model"));
        Path checkpoint = Files.writeString(state.resolve("model.h5"), "old");
        try (OutputFiles outputs = new OutputFiles()) {
            refused(outputs, "--out", old, "exists; add --overwrite to replace it");
            outputs.directory("--csv", folder);
            IOException e = assertThrows(IOException.class, () -> outputs.write(inFolder, p -> Files.writeString(p, "new")));
            assertTrue(e.getMessage().contains("--csv " + inFolder + ": exists; add --overwrite"), e.getMessage());
            outputs.write(folder.resolve("other.csv"), p -> Files.writeString(p, "new"));
            outputs.directory("--model-dir", state);
            outputs.lock("--model-dir", state);
            outputs.write(checkpoint, p -> Files.writeString(p, "new")); // a folder the command keeps its state in
            outputs.commit();
        }
        assertEquals("old", Files.readString(old));
        assertEquals("old", Files.readString(inFolder));
        assertEquals("new", Files.readString(checkpoint));
        try (OutputFiles outputs = new OutputFiles().overwrite(true)) {
            outputs.file("--out", old);
            outputs.write(old, p -> Files.writeString(p, "new"));
            outputs.commit();
        }
        assertEquals("new", Files.readString(old));
    }

    @Test
    void aTextOutputGoesToStandardOutputWhenTheRunCommits() throws IOException {
        java.io.StringWriter stdout = new java.io.StringWriter();
        try (OutputFiles outputs = new OutputFiles().stdout(stdout)) {
            outputs.text("--csv", Path.of("-"));
            assertTrue(outputs.usesStdout());
            refused(outputs, "--out", Path.of("-"), "standard output takes text tables only");
            assertEquals("--table - is also --csv: only one output can go to standard output",
                    assertThrows(IOException.class, () -> outputs.text("--table", Path.of("-"))).getMessage());
            outputs.write(Path.of("-"), p -> Files.writeString(p, "a,b\n1,2\n"));
            assertEquals("", stdout.toString(), "nothing printed before the commit");
            outputs.commit();
        }
        assertEquals("a,b\n1,2\n", stdout.toString());
        assertFalse(Files.exists(dir.resolve("-")), "no file named -");
        java.io.StringWriter failed = new java.io.StringWriter();
        try (OutputFiles outputs = new OutputFiles().stdout(failed)) {
            outputs.text("--csv", Path.of("-"));
            outputs.write(Path.of("-"), p -> Files.writeString(p, "a,b\n"));
        }
        assertEquals("", failed.toString(), "a run that fails before its commit prints nothing");
        try (OutputFiles outputs = new OutputFiles()) {
            assertTrue(assertThrows(IOException.class, () -> outputs.text("--csv", Path.of("-"))).getMessage().contains("no standard output"));
        }
    }

    @Test
    void standardOutputDevicesDirectoriesAndTwinOutputsAreRefused() throws IOException {
        try (OutputFiles outputs = new OutputFiles()) {
            refused(outputs, "--out", Path.of("-"), "standard output takes text tables only");
            refused(outputs, "--out", dir, "is a directory");
            refused(outputs, "--out", dir.resolve("missing/r.h5"), "does not exist");
            outputs.file("--out", dir.resolve("o.h5"));
            refused(outputs, "--arrow", dir.resolve("o.h5"), "is also --out");
        }
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            try (OutputFiles outputs = new OutputFiles()) {
                IOException e = assertThrows(IOException.class, () -> outputs.file("--out", devNull));
                assertTrue(e.getMessage().contains("not a regular file") || e.getMessage().contains("not writable"), e.getMessage());
            }
            assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        }
    }

    @Test
    void filesAppearTogetherOnCommitAndNotAtAllOnFailure() throws IOException {
        Path a = dir.resolve("a.txt"), csv = dir.resolve("tables/deep");
        try (OutputFiles outputs = new OutputFiles()) {
            outputs.file("--out", a);
            outputs.directory("--csv", csv);
            outputs.write(a, p -> Files.writeString(p, "A"));
            assertFalse(Files.exists(a), "nothing is in place before the commit");
            assertThrows(IOException.class, () -> outputs.write(csv.resolve("b.csv"), p -> {
                Files.writeString(p, "half");
                throw new IOException("disk full");
            }));
        }
        assertEquals(List.of(), listing(), "no file, no temporary, no folder made for the failed run");

        try (OutputFiles outputs = new OutputFiles()) {
            outputs.file("--out", a);
            outputs.directory("--csv", csv);
            outputs.write(a, p -> Files.writeString(p, "A"));
            outputs.write(csv.resolve("b.csv"), p -> Files.writeString(p, "B"));
            outputs.commit();
        }
        assertEquals("A", Files.readString(a));
        assertEquals("B", Files.readString(csv.resolve("b.csv")));
        assertEquals(List.of(a, dir.resolve("tables"), csv, csv.resolve("b.csv")), listing());
    }

    @Test
    void aFileWrittenIntoAnOutputFolderMustNotBeAnInput() throws IOException {
        Path input = Files.writeString(dir.resolve("population.csv"), "region\n");
        try (OutputFiles outputs = new OutputFiles().input("--observed", input)) {
            outputs.directory("--csv", dir);
            IOException e = assertThrows(IOException.class, () -> outputs.write(input, p -> Files.writeString(p, "x")));
            assertTrue(e.getMessage().contains("is the input --observed"), e.getMessage());
        }
        assertEquals("region\n", Files.readString(input));
    }

    @Test
    void temporariesOfKilledRunsAreRemovedAndLiveOnesKept() throws IOException {
        Path stale = Files.writeString(dir.resolve(".r.h5.tmp-killed"), "old");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60)));
        Path live = Files.writeString(dir.resolve(".r.h5.tmp-running"), "now");
        Path other = Files.writeString(dir.resolve(".q.h5.tmp-other"), "old");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60)));
        AtomicFile.write(dir.resolve("r.h5"), p -> Files.writeString(p, "r"));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other), "another target's temporaries are not ours to judge here");
    }

    @Test
    void aLockedFolderRefusesASecondWriter() throws IOException {
        Path model = Files.createDirectories(dir.resolve("tr.model"));
        try (OutputFiles first = new OutputFiles()) {
            first.lock("--model-dir", model);
            try (OutputFiles second = new OutputFiles()) {
                IOException e = assertThrows(IOException.class, () -> second.lock("--model-dir", model));
                assertTrue(e.getMessage().contains("another popcast run is writing there"), e.getMessage());
            }
        }
        try (OutputFiles third = new OutputFiles()) {
            third.lock("--model-dir", model);
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }
}
