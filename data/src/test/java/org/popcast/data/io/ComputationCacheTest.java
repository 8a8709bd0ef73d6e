package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputationCacheTest {

    @TempDir
    Path dir;

    @Test
    void whereTheCacheLives() {
        assertEquals(Optional.of(Path.of("/c")), ComputationCache.of(Map.of("POPCAST_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x"), "/h").folder());
        assertEquals(Optional.empty(), ComputationCache.of(Map.of("POPCAST_CACHE_DIR", "off"), "/h").folder());
        assertEquals(Optional.of(Path.of("/x/popcast")), ComputationCache.of(Map.of("XDG_CACHE_HOME", "/x"), "/h").folder());
        assertEquals(Optional.of(Path.of("/h/.cache/popcast")), ComputationCache.of(Map.of(), "/h").folder());
        assertEquals(Optional.empty(), ComputationCache.of(Map.of(), null).folder());
    }

    @Test
    void keysTellPartsApart() {
        assertEquals(64, ComputationCache.key("a").length());
        assertEquals(ComputationCache.key("a", "bc"), ComputationCache.key("a", "bc"));
        assertNotEquals(ComputationCache.key("ab", "c"), ComputationCache.key("a", "bc"), "parts are length-prefixed");
        assertNotEquals(ComputationCache.key("a"), ComputationCache.key("a", ""));
    }

    @Test
    void entriesRoundTripAndOnlyPlainFilesAreRead() throws Exception {
        ComputationCache cache = ComputationCache.at(dir.resolve("made-on-write"));
        String key = ComputationCache.key("k");
        assertEquals(Optional.empty(), cache.read("kind", key));
        assertTrue(cache.write("kind", key, "text \u5317\u4eac\n"));
        assertEquals(Optional.of("text \u5317\u4eac\n"), cache.read("kind", key));
        Path entry = dir.resolve("made-on-write/kind/" + key + ".txt");
        Files.delete(entry);
        Files.createSymbolicLink(entry, dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere"), "not the cache's");
        assertEquals(Optional.empty(), cache.read("kind", key), "a link is not an entry");
        Files.delete(entry);
        Files.write(entry, new byte[] {(byte) 0xff, (byte) 0xfe});
        assertEquals(Optional.empty(), cache.read("kind", key), "not UTF-8");
        assertThrows(IllegalArgumentException.class, () -> cache.read("../up", key));
        assertThrows(IllegalArgumentException.class, () -> cache.read("kind", "../../etc/passwd"));
    }

    @Test
    void anUnwritableCacheIsSkippedAndOffStoresNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertFalse(ComputationCache.at(file).write("kind", ComputationCache.key("k"), "t"));
        assertFalse(ComputationCache.off().write("kind", ComputationCache.key("k"), "t"));
        assertEquals(Optional.empty(), ComputationCache.off().read("kind", ComputationCache.key("k")));
    }

    @Test
    void codeFingerprintsAreStableAndPerPackage() {
        String own = ComputationCache.codeFingerprint(ComputationCache.class);
        assertEquals(own, ComputationCache.codeFingerprint(ComputationCache.class));
        assertNotEquals(own, ComputationCache.codeFingerprint(org.popcast.data.input.BuiltinData.class));
        // from a jar as well as from a folder of classes
        String jar = ComputationCache.codeFingerprint(org.junit.jupiter.api.Test.class);
        assertEquals(jar, ComputationCache.codeFingerprint(org.junit.jupiter.api.Test.class));
        assertEquals(64, jar.length());
    }
}
