package org.popcast.models.pinn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.InputException;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;

/**
 * A trained PINN saved in a model directory as {@code model.h5} (netCDF-4, readable from Python):
 * per layer l a kernel {@code layer<l>_kernel(layer<l>_in, layer<l>_out)} and a bias
 * {@code layer<l>_bias(layer<l>_out)} in float64, the settings as {@code setting_*} attributes and
 * the scenario's YAML text, so {@code popcast pde predict} rebuilds the network without retraining.
 */
public final class PinnModelFile {

    public static final String FILE_NAME = "model.h5";
    public static final String FORMAT_VERSION = "1.0";
    private static final String SETTING = "setting_";

    /** What a model directory holds. */
    public record Loaded(PdeScenario scenario, PinnSettings settings, PinnWeights weights) {
    }

    private PinnModelFile() {
    }

    public static void write(Path modelDir, PdeScenario scenario, PinnSettings settings, PinnWeights weights,
                             Provenance provenance) throws IOException {
        Files.createDirectories(modelDir);
        NetcdfDataset.Builder b = NetcdfDataset.builder()
                .attribute("title", "popcast PINN model for the McKendrick-von Foerster problem, scenario " + scenario.name());
        provenance.attributes().forEach(b::attribute);
        b.attribute("format_version", FORMAT_VERSION)
                .attribute("product", "agepde_pinn_model")
                .attribute("scenario", scenario.name())
                .attribute("scenario_yaml", scenario.source())
                .attribute("scenario_dir", scenario.directory().toAbsolutePath().toString());
        settings.toMap().forEach((k, v) -> b.attribute(SETTING + k, v));
        for (int l = 0; l < weights.kernels().size(); l++) {
            double[][] k = weights.kernels().get(l);
            String in = "layer" + l + "_in", out = "layer" + l + "_out";
            b.dimension(in, indices(k.length), "1", "input unit of layer " + l)
                    .dimension(out, indices(k[0].length), "1", "output unit of layer " + l);
            double[] flat = new double[k.length * k[0].length];
            for (int i = 0; i < k.length; i++) {
                System.arraycopy(k[i], 0, flat, i * k[0].length, k[0].length);
            }
            b.variable("layer" + l + "_kernel", List.of(in, out), flat, "1", "weights of layer " + l + " (x W + b)")
                    .variable("layer" + l + "_bias", List.of(out), weights.biases().get(l), "1", "bias of layer " + l);
        }
        NetcdfWriter.write(modelDir.resolve(FILE_NAME), b.build());
    }

    public static Loaded read(Path modelDir) {
        Path file = Files.isDirectory(modelDir) ? modelDir.resolve(FILE_NAME) : modelDir;
        NetcdfDataset ds;
        try {
            ds = NetcdfReader.read(file);
        } catch (IOException e) {
            throw new InputException(file + ": not a popcast model (" + e.getMessage() + ")");
        }
        if (!"agepde_pinn_model".equals(ds.attributes().get("product"))) {
            throw new InputException(file + ": not a popcast PINN model (product is " + ds.attributes().get("product") + ")");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        ds.attributes().forEach((k, v) -> {
            if (k.startsWith(SETTING)) {
                settings.put(k.substring(SETTING.length()), String.valueOf(v));
            }
        });
        PinnSettings s = PinnSettings.fromMap(settings);
        PdeScenario scenario = PdeScenarioReader.parse(file + ": scenario_yaml", (String) ds.attributes().get("scenario_yaml"),
                Path.of((String) ds.attributes().get("scenario_dir")));
        List<double[][]> kernels = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; ds.variable("layer" + l + "_kernel") != null; l++) {
            NetcdfDataset.Variable k = ds.variable("layer" + l + "_kernel");
            int rows = (int) k.shape()[0], cols = (int) k.shape()[1];
            double[][] w = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(k.data(), i * cols, w[i], 0, cols);
            }
            kernels.add(w);
            biases.add(ds.variable("layer" + l + "_bias").data());
        }
        PinnWeights weights = new PinnWeights(kernels, biases);
        if (weights.count() != s.parameterCount(scenario.problem())) {
            throw new InputException(file + ": the weights (" + weights.count() + ") do not fit the settings ("
                    + s.parameterCount(scenario.problem()) + ")");
        }
        return new Loaded(scenario, s, weights);
    }

    private static long[] indices(int n) {
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
