package org.popcast.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * Where a graph runs: {@code cpu}, {@code gpu} or {@code auto} (the GPU when TensorFlow sees one).
 * The same graphs run on both; the choice only changes the session's configuration. With the CPU
 * build (or without CUDA) no GPU is visible, and {@code gpu} is refused with a clear message.
 */
public enum Device {
    CPU, GPU, AUTO;

    private static Boolean gpuSeen;

    /** Parses cpu, gpu or auto (any case). */
    public static Device parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be cpu, gpu or auto, got '" + name + "'");
        }
    }

    /** True when TensorFlow can place an op on /device:GPU:0 (the GPU build on a machine with CUDA and a GPU). */
    public static synchronized boolean gpuAvailable() {
        if (gpuSeen == null) {
            ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
            try (Graph g = new Graph(); Session s = new Session(g, strict)) {
                Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
                var sum = tf.math.add(tf.constant(1f), tf.constant(2f));
                try (Result r = s.runner().fetch(sum).run()) {
                    gpuSeen = true;
                }
            } catch (RuntimeException e) {
                gpuSeen = false;
            }
        }
        return gpuSeen;
    }

    /** Why TensorFlow sees no GPU, in words a user can act on: the CPU build, or the GPU build without CUDA or a GPU. */
    public static String noGpuReason() {
        return TensorFlowRuntime.gpuBuild()
                ? "the GPU build found no usable GPU, which needs the NVIDIA driver, the CUDA 12 and cuDNN 9 libraries "
                        + "and a visible GPU ('popcast doctor' lists the CUDA libraries it finds)"
                : "this is the CPU build of popcast (mvn -Pgpu builds the GPU one)";
    }

    /** The device this choice resolves to on this machine; IllegalStateException for gpu without a GPU. */
    public Device resolve() {
        return switch (this) {
            case CPU -> CPU;
            case GPU -> {
                if (!gpuAvailable()) {
                    throw new IllegalStateException("--device gpu: TensorFlow sees no GPU: " + noGpuReason() + "; use --device cpu or auto");
                }
                yield GPU;
            }
            case AUTO -> gpuAvailable() ? GPU : CPU;
        };
    }

    /** A session configuration for this (resolved) device; ops without a GPU kernel fall back to the CPU. */
    public ConfigProto config() {
        ConfigProto.Builder b = ConfigProto.newBuilder().setAllowSoftPlacement(true);
        if (resolve() == CPU) {
            b.putDeviceCount("GPU", 0);
        }
        return b.build();
    }

    /** Options that make a run record where each op ran (costly: use once, on the first step). */
    public static RunOptions tracing() {
        return RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    }

    /** Devices that ran ops in a traced run, with the number of ops each ran. */
    public static Map<String, Integer> placement(Result traced) {
        Map<String, Integer> devices = new LinkedHashMap<>();
        RunMetadata metadata = traced.getMetadata().orElse(RunMetadata.getDefaultInstance());
        for (DeviceStepStats d : metadata.getStepStats().getDevStatsList()) {
            devices.merge(d.getDevice(), d.getNodeStatsCount(), Integer::sum);
        }
        return devices;
    }
}
