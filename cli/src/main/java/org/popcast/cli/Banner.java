package org.popcast.cli;

import java.util.Map;
import java.util.Set;

import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.TensorFlowRuntime;

/**
 * The first line a command prints on standard error: popcast's version, the Java runtime and the
 * native backends, so a log always says what ran. Read from the build's records, so printing it
 * loads no native library. Commands that report the environment themselves, or print a script,
 * skip it; {@code --quiet} silences it.
 */
final class Banner {

    /** Commands without a banner: their output is the environment or something meant for another program. */
    static final Set<String> SILENT = Set.of("info", "doctor", "completion", "config");

    private Banner() {
    }

    static String line(String command) {
        Map<String, String> v = Provenance.libraryVersions();
        return "popcast " + Provenance.version() + " " + command + " | Java " + System.getProperty("java.version")
                + " | TensorFlow Java " + v.get("tensorflow_java") + " (native " + TensorFlowRuntime.nativeArtefact() + ")"
                + " | HDF5 " + v.get("hdf5").replaceFirst("-.*", "") + " (JavaCPP) | Arrow " + v.get("arrow");
    }
}
