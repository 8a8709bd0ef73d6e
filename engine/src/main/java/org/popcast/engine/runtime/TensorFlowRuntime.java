package org.popcast.engine.runtime;

import java.util.Map;

import org.bytedeco.javacpp.Loader;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The TensorFlow Java runtime popcast runs its graphs on. */
public final class TensorFlowRuntime {

    private TensorFlowRuntime() {
    }

    /** The version of the native TensorFlow library; loading it proves the native artefact resolved. */
    public static String version() {
        return TensorFlow.version();
    }

    /**
     * The native artefact on the class path: {@code linux-x86_64-gpu} for the GPU build (mvn -Pgpu),
     * {@code linux-x86_64} for the CPU build. JavaCPP loads the {@code -gpu} directory first when
     * it is there, so its presence is what decides which library runs.
     */
    public static String nativeArtefact() {
        return gpuBuild() ? Loader.getPlatform() + "-gpu" : Loader.getPlatform();
    }

    /** True when TensorFlow's GPU native library is on the class path (it still runs without CUDA, on the CPU). */
    public static boolean gpuBuild() {
        String library = "/org/tensorflow/internal/c_api/" + Loader.getPlatform() + "-gpu/" + System.mapLibraryName("jnitensorflow");
        return TensorFlowRuntime.class.getResource(library) != null;
    }

    /**
     * A smoke test of the native runtime: the product of two fixed 2x2 matrices computed on
     * {@code device}, with the devices that ran the ops (from a traced run).
     *
     * @param product row-major; [[1, 2], [3, 4]] x [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
     */
    public record MatmulCheck(float[] product, Map<String, Integer> placement) {
        public static final float[] EXPECTED = {19, 22, 43, 50};
    }

    public static MatmulCheck matmul(Device device) {
        try (Graph g = new Graph(); Session s = new Session(g, device.config())) {
            Ops tf = Ops.create(g);
            var product = tf.linalg.matMul(tf.constant(new float[][] {{1, 2}, {3, 4}}), tf.constant(new float[][] {{5, 6}, {7, 8}}));
            try (Result r = s.runner().fetch(product).setOptions(Device.tracing()).runAndFetchMetadata()) {
                TFloat32 t = (TFloat32) r.get(0);
                float[] values = new float[4];
                for (int i = 0; i < 4; i++) {
                    values[i] = t.getFloat(i / 2, i % 2);
                }
                return new MatmulCheck(values, Device.placement(r));
            }
        }
    }
}
