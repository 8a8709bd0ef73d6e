package org.popcast.cli;

import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --device cpu|gpu|auto} for the commands that train on TensorFlow. */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "cpu, gpu or auto: the GPU when TensorFlow sees one (default ${DEFAULT-VALUE}).")
    String device;

    /**
     * The chosen device, checked before any work: gpu without a GPU fails with one line, auto
     * without one says on the progress stream that the CPU runs and why.
     */
    Device resolve(CommandSpec spec, Progress progress) {
        Device d;
        try {
            d = Device.parse(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (d.resolve() == Device.CPU && d == Device.AUTO) {
            progress.message("--device auto: no GPU seen, running on the CPU: " + Device.noGpuReason());
        }
        return d;
    }
}
