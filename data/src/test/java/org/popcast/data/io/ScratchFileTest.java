package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFileTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readsBackWhatWasWrittenAtAnyPositionAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.h5");
        try (ScratchFile f = ScratchFile.beside(target)) {
            assertTrue(f.path().getFileName().toString().startsWith(".out.h5" + AtomicFile.TMP_MARK), f.path().toString());
            assertEquals(dir.toRealPath(), f.path().getParent().toRealPath());
            f.write(ByteBuffer.wrap(new byte[] {5, 6, 7}), 1000);
            f.write(ByteBuffer.wrap(new byte[] {1, 2}), 0);
            assertEquals(1003, f.size());
            ByteBuffer back = ByteBuffer.allocate(4);
            f.read(back, 999);
            assertEquals(0, back.get(0));
            assertEquals(7, back.get(3));
            assertThrows(EOFException.class, () -> f.read(ByteBuffer.allocate(8), 1000));
            // on Linux the name is unlinked as soon as the file is open: a killed run leaves nothing either
            if (System.getProperty("os.name").startsWith("Linux")) {
                assertEquals(List.of(), names(dir));
            }
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aKilledRunsLeftoverIsRemovedAndAFreshOneKept(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve(".out.h5" + AtomicFile.TMP_MARK + "old"), "x");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve(".out.h5" + AtomicFile.TMP_MARK + "live"), "x");
        try (ScratchFile f = ScratchFile.beside(dir.resolve("out.h5"))) {
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(fresh), "another run's live file stays");
        }
    }

    @Test
    void aMissingFolderIsOneSentence(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> ScratchFile.beside(dir.resolve("no/out.h5")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void inTempDirIsInJavaIoTmpdir() throws Exception {
        try (ScratchFile f = ScratchFile.inTempDir("popcast-test")) {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toRealPath(), f.path().getParent().toRealPath());
            f.write(ByteBuffer.wrap(new byte[] {1}), 0);
        }
    }
}
