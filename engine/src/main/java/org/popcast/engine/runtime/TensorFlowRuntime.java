package org.popcast.engine.runtime;

import org.tensorflow.TensorFlow;

/** The TensorFlow Java runtime popcast runs its graphs on. */
public final class TensorFlowRuntime {

    private TensorFlowRuntime() {
    }

    /** The version of the native TensorFlow library; loading it proves the native artefact resolved. */
    public static String version() {
        return TensorFlow.version();
    }
}
