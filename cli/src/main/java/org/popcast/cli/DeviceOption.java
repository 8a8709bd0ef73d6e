package org.popcast.cli;

import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --device cpu|gpu|auto} for the commands that train on TensorFlow. */
final class DeviceOption {

    @Option(names = "--device", completionCandidates = Candidates.Devices.class, paramLabel = "DEVICE", defaultValue = "auto",
            description = "cpu, gpu or auto: the GPU when TensorFlow sees one (default ${DEFAULT-VALUE}).")
    String device;

    /**
     * The chosen device, checked before any work: gpu without a GPU fails with one line, auto
     * without one says on the progress stream that the CPU runs and why; the device is
     * always named there, below the start banner.
     */
    Device resolve(CommandSpec spec, Progress progress) {
        Device d;
        try {
            d = Device.parse(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Device runs = d.resolve();
        String name = runs.name().toLowerCase(java.util.Locale.ROOT);
        if (d == Device.AUTO) {
            progress.message("device: " + name + (runs == Device.CPU ? " (--device auto: no GPU seen: " + Device.noGpuReason() + ")"
                    : " (--device auto)"));
        } else {
            progress.message("device: " + name);
        }
        return d;
    }
}
