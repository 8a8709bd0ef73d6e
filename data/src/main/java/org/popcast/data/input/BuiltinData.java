package org.popcast.data.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files shipped inside popcast (scenarios, default data sets); provenance in data/README.md. */
public final class BuiltinData {

    private BuiltinData() {
    }

    /** The text of a shipped file, e.g. {@code scenarios/pde/three-child.yaml}, or null if there is none. */
    public static String text(String relativePath) {
        try (InputStream in = BuiltinData.class.getResourceAsStream("/org/popcast/data/" + relativePath)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
