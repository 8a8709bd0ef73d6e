package org.popcast.engine.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a result came from: popcast's version, the command line, the Java runtime and OS, and
 * when it was made. Every output file records these as global attributes.
 */
public record Provenance(String popcastVersion, String commandLine, String javaVersion, String os, Instant created) {

    /** The version of this popcast build, from the build's filtered resource. */
    public static String version() {
        return buildProperties().getProperty("version", "unknown");
    }

    /**
     * The versions of the libraries this build was made with, as the build recorded them (no native
     * library is loaded to find them): {@code tensorflow_java}, {@code hdf5} (the JavaCPP preset), {@code arrow}.
     */
    public static Map<String, String> libraryVersions() {
        Properties p = buildProperties();
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : new String[] {"tensorflow_java", "hdf5", "arrow"}) {
            m.put(key, p.getProperty(key, "unknown"));
        }
        return m;
    }

    private static Properties buildProperties() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/popcast/engine/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Provenance of(String commandLine) {
        return new Provenance(version(), commandLine,
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The attributes as netCDF global attributes: {@code source}, {@code history} and the rest. */
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("source", "popcast " + popcastVersion);
        a.put("history", created + ": " + commandLine);
        a.put("popcast_version", popcastVersion);
        a.put("java", javaVersion);
        a.put("os", os);
        a.put("created", created.toString());
        return a;
    }
}
