package org.popcast.models.pinn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.popcast.models.common.ResultHeader;

/**
 * A trained PINN saved in a model directory as {@code model.h5} (netCDF-4, readable from Python):
 * every weight array as a float64 variable {@code <name>(<name>_rows, <name>_cols)} (MLP:
 * {@code layer<l>_kernel}, {@code layer<l>_bias}; LSTM: {@code lstm<l>_kernel}, {@code lstm<l>_recurrent},
 * {@code lstm<l>_bias}, {@code head_kernel}, {@code head_bias}), the settings as {@code setting_*} attributes and
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
        NetcdfDataset.Builder b = ResultHeader.start("popcast PINN model for the McKendrick-von Foerster problem, scenario "
                + scenario.name(), provenance, FORMAT_VERSION, "agepde_pinn_model");
        b.attribute("scenario", scenario.name())
                .attribute("scenario_yaml", scenario.source());
        settings.toMap().forEach((k, v) -> b.attribute(SETTING + k, v));
        for (Map.Entry<String, double[][]> e : weights.arrays().entrySet()) {
            double[][] a = e.getValue();
            String name = e.getKey(), rows = name + "_rows", cols = name + "_cols";
            b.dimension(rows, indices(a.length), "1", "row of " + name).dimension(cols, indices(a[0].length), "1", "column of " + name);
            double[] flat = new double[a.length * a[0].length];
            for (int i = 0; i < a.length; i++) {
                System.arraycopy(a[i], 0, flat, i * a[0].length, a[0].length);
            }
            b.variable(name, List.of(rows, cols), flat, "1", "network weights " + name + " (inputs as rows: x W + b)");
        }
        NetcdfWriter.write(modelDir.resolve(FILE_NAME), b.build());
    }

    public static Loaded read(Path modelDir) {
        Path file = Files.isDirectory(modelDir) ? modelDir.resolve(FILE_NAME) : modelDir;
        NetcdfDataset ds;
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": not a popcast model (no such file)");
        }
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
        PinnSettings s;
        try {
            s = PinnSettings.fromMap(settings);
        } catch (IllegalArgumentException e) {
            // a tampered file's settings (absurd layer sizes, text for numbers) are refused before any graph is built
            throw new InputException(file + ": damaged or tampered model: settings " + e.getMessage());
        }
        // the stored text carries its tables inline: nothing named in a (possibly tampered) file is opened
        PdeScenario scenario = PdeScenarioReader.stored(file + ": scenario_yaml", (String) ds.attributes().get("scenario_yaml"));
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        for (NetcdfDataset.Variable v : ds.variables()) {
            if (v.shape().length != 2) {
                throw new InputException(file + ": damaged or tampered model: weights " + v.name() + " are not a matrix");
            }
            int rows = (int) v.shape()[0], cols = (int) v.shape()[1];
            double[][] a = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(v.data(), i * cols, a[i], 0, cols);
            }
            if (!java.util.Arrays.stream(v.data()).allMatch(Double::isFinite)) {
                throw new InputException(file + ": damaged or tampered model: weights " + v.name() + " are not all finite");
            }
            arrays.put(v.name(), a);
        }
        PinnWeights weights = new PinnWeights(arrays);
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
