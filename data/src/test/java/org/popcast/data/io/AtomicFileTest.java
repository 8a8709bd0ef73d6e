package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void movesTheCompleteFileIntoPlace() throws IOException {
        Path target = dir.resolve("result.txt");
        Files.writeString(target, "old");
        AtomicFile.write(target, tmp -> {
            assertEquals(dir, tmp.getParent());
            assertEquals(true, tmp.getFileName().toString().startsWith(".result.txt.tmp-"), tmp.toString());
            Files.writeString(tmp, "new");
        });
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void failingWriterLeavesNoFileBehind() throws IOException {
        Path target = dir.resolve("result.h5");
        IOException boom = new IOException("boom");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, tmp -> {
            Files.writeString(tmp, "half a result");
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals(List.of(), listing());

        RuntimeException bug = assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, tmp -> {
            Files.writeString(tmp, "half a result");
            throw new IllegalStateException("bug");
        }));
        assertEquals("bug", bug.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void failingWriterKeepsThePreviousTarget() throws IOException {
        Path target = dir.resolve("result.h5");
        Files.writeString(target, "previous");
        assertThrows(IOException.class, () -> AtomicFile.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void missingDirectoryIsOneClearMessage() {
        Path target = dir.resolve("x/y.h5");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, tmp -> {
            throw new AssertionError("must not be called");
        }));
        assertEquals("cannot write " + target + ": directory " + dir.resolve("x") + " does not exist", e.getMessage());
    }

    @Test
    void writerThatCreatesNothingIsAnError() {
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(dir.resolve("a.h5"), tmp -> { }));
        assertEquals("cannot write " + dir.resolve("a.h5") + ": the writer produced no file", e.getMessage());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
