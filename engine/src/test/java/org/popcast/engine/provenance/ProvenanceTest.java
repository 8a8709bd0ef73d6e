package org.popcast.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void versionComesFromTheBuildAndAttributesNameTheCommand() {
        assertTrue(Provenance.version().matches("\\d+\\.\\d+\\.\\d+.*"), Provenance.version());
        var attrs = Provenance.of("popcast pde solve").attributes();
        assertEquals("popcast " + Provenance.version(), attrs.get("source"));
        assertTrue(attrs.get("history").endsWith(": popcast pde solve"));
        assertTrue(attrs.get("java").contains(System.getProperty("java.version")));
    }
}
