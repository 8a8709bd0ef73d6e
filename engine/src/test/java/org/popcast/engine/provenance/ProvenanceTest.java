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

    @Test
    void libraryVersionsAreThoseOfTheJarsOnTheClassPath() throws Exception {
        java.util.Map<String, String> v = Provenance.libraryVersions();
        assertEquals(pomVersion("org.tensorflow/tensorflow-core-api"), v.get("tensorflow_java"));
        assertTrue(v.get("hdf5").matches("\\d+\\.\\d+\\.\\d+-\\d+\\.\\d+\\.\\d+"), v.get("hdf5")); // engine does not depend on HDF5
    }

    /** The version Maven wrote into a dependency's own jar: an independent record of what is on the class path. */
    private static String pomVersion(String groupAndArtifact) throws Exception {
        try (java.io.InputStream in = ProvenanceTest.class.getResourceAsStream("/META-INF/maven/" + groupAndArtifact + "/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }
}
