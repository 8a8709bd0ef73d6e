package org.popcast.models.mobility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.InputException;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.common.ResultHeader;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;

/**
 * A {@link TrainedModel} as one netCDF-4 compatible HDF5 file (written by the project's one
 * writer, read back with jHDF): dimension {@code feature} holds the column list;
 * {@code scaler_mean(feature)}, {@code scaler_sd(feature)} and
 * {@code imputer_reference(reference_row, feature)} (standardised training rows, NaN where
 * missing) the preprocessing; {@code ridge_weights(feature)} or one flattened variable
 * {@code weight_<name>} per network weight (its shape in the attribute {@code shape}).
 */
public final class ModelFile {

    /** A named limit (docs/reliability.md): rows or columns of one network weight matrix (the input side is at most the features). */
    public static final int MAX_LAYER_WIDTH = FeatureTableReader.MAX_COLUMNS;

    public static final String FORMAT_VERSION = "1.0";
    private static final String PRODUCT = "mobility_model";

    private ModelFile() {
    }

    public static void write(Path target, TrainedModel m, Provenance provenance) throws IOException {
        Preprocessor pre = m.preprocessor();
        List<String> cols = pre.columns();
        double[][] ref = pre.imputer().reference();
        long[] refIndex = new long[ref.length];
        double[] flat = new double[ref.length * cols.size()];
        for (int i = 0; i < ref.length; i++) {
            refIndex[i] = i;
            System.arraycopy(ref[i], 0, flat, i * cols.size(), cols.size());
        }
        NetcdfDataset.Builder b = ResultHeader.start("popcast mobility model (" + m.kind().key() + ") with its preprocessing",
                provenance, FORMAT_VERSION, PRODUCT);
        ColumnScreen.Settings c = m.columns();
        b.attribute("model", m.kind().key())
                .attribute("target_column", c.target()).attribute("id_column", c.id()).attribute("year_column", c.year())
                .attribute("window", (long) m.window()).attribute("neighbours", (long) pre.imputer().k())
                .attribute("training_mean", m.trainingMean()).attribute("settings", m.settings())
                .attribute("dropped_columns", String.join("; ", m.dropped().stream().map(d -> d.column() + ": " + d.reason()).toList()));
        b.dimension("feature", cols.toArray(String[]::new), "feature column, in the order the model reads them")
                .dimension("reference_row", refIndex, "1", "training row kept by the KNN imputer");
        b.variable("scaler_mean", List.of("feature"), pre.scaler().mean(), "1", "training mean of the feature (raw units)")
                .variable("scaler_sd", List.of("feature"), pre.scaler().sd(), "1", "training standard deviation of the feature (raw units)")
                .variable("imputer_reference", List.of("reference_row", "feature"), flat, "1",
                        "standardised training rows the KNN imputer draws neighbours from (NaN: missing)");
        if (m.ridge() != null) {
            b.attribute("ridge_intercept", m.ridge().intercept()).attribute("ridge_alpha", m.ridge().alpha());
            b.variable("ridge_weights", List.of("feature"), m.ridge().weights(), "1", "ridge coefficient per standardised feature");
        }
        if (m.weights() != null) {
            b.attribute("weights", String.join(",", m.weights().keySet()));
            for (Map.Entry<String, float[][]> e : m.weights().entrySet()) {
                float[][] w = e.getValue();
                int rows = w.length, colsW = w[0].length;
                long[] idx = new long[rows * colsW];
                double[] v = new double[rows * colsW];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < colsW; j++) {
                        idx[i * colsW + j] = i * colsW + j;
                        v[i * colsW + j] = w[i][j];
                    }
                }
                String name = "weight_" + e.getKey();
                b.dimension(name + "_element", idx, "1", "element of " + e.getKey() + ", row-major");
                b.variable(name, List.of(name + "_element"), v, "1", "network weight " + e.getKey() + " (float32 in the network)");
                b.variableAttribute(name, "shape", rows + "," + colsW);
            }
        }
        NetcdfWriter.write(target, b.build());
    }

    public static TrainedModel read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such model file");
        }
        try (HdfFile h = org.popcast.data.io.ResultStructure.open(file)) {
            if (!PRODUCT.equals(text(h, file, "product"))) {
                throw new InputException(file + ": not a popcast mobility model (product is '" + text(h, file, "product") + "')");
            }
            if (!FORMAT_VERSION.equals(text(h, file, "format_version"))) {
                throw new InputException(file + ": model format " + text(h, file, "format_version") + ", this popcast reads " + FORMAT_VERSION);
            }
            ModelKind kind = ModelKind.ofKey(text(h, file, "model"));
            List<String> cols = Arrays.asList((String[]) h.getDatasetByPath("feature").getData());
            require(file, cols.size() <= FeatureTableReader.MAX_COLUMNS, cols.size() + " features, more than the limit of "
                    + FeatureTableReader.MAX_COLUMNS);
            double[] mean = (double[]) h.getDatasetByPath("scaler_mean").getData();
            double[] sd = (double[]) h.getDatasetByPath("scaler_sd").getData();
            double[][] ref = (double[][]) h.getDatasetByPath("imputer_reference").getData();
            int k = (int) number(h, file, "neighbours");
            checkPreprocessing(file, cols.size(), mean, sd, ref, k);
            int[] identity = new int[cols.size()];
            for (int j = 0; j < identity.length; j++) {
                identity[j] = j;
            }
            Preprocessor pre = new Preprocessor(cols, identity, new Standardizer(mean, sd), new KnnImputer(ref, k));
            RidgeRegression ridge = kind != ModelKind.RIDGE ? null : new RidgeRegression(
                    (double[]) h.getDatasetByPath("ridge_weights").getData(), number(h, file, "ridge_intercept"), number(h, file, "ridge_alpha"));
            require(file, ridge == null || ridge.weights().length == cols.size() && finite(ridge.weights()) && Double.isFinite(ridge.intercept()),
                    "ridge weights must be one finite number per feature (" + cols.size() + ")");
            Map<String, float[][]> weights = null;
            if (kind.isNetwork()) {
                weights = new LinkedHashMap<>();
                for (String name : text(h, file, "weights").split(",")) {
                    var ds = h.getDatasetByPath("weight_" + name);
                    String[] shape = ((String) ds.getAttribute("shape").getData()).split(",");
                    require(file, shape.length == 2 && shape[0].matches("\\d{1,9}") && shape[1].matches("\\d{1,9}"),
                            "weights " + name + " need a shape 'rows,columns'");
                    int rows = Integer.parseInt(shape[0]), c = Integer.parseInt(shape[1]);
                    require(file, rows <= MAX_LAYER_WIDTH && c <= MAX_LAYER_WIDTH, "weights " + name + " claim " + rows + " x " + c
                            + ", more than the limit of " + MAX_LAYER_WIDTH + " per side");
                    double[] v = (double[]) ds.getData();
                    require(file, rows > 0 && c > 0 && v.length == (long) rows * c && finite(v), "weights " + name + " must be " + rows + " x " + c
                            + " finite numbers");
                    float[][] w = new float[rows][c];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < c; j++) {
                            w[i][j] = (float) v[i * c + j];
                        }
                    }
                    weights.put(name, w);
                }
            }
            ColumnScreen.Settings columns = new ColumnScreen.Settings(text(h, file, "target_column"), text(h, file, "id_column"),
                    text(h, file, "year_column"), List.of(), List.of(), ColumnScreen.THRESHOLD_DEFAULT);
            return new TrainedModel(kind, columns, (int) number(h, file, "window"), pre, number(h, file, "training_mean"), ridge, weights,
                    new ArrayList<>(), text(h, file, "settings"));
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(file + ": not a readable popcast mobility model: " + e.getMessage(), e);
        }
    }

    /**
     * A tampered or damaged model must not predict silently wrong numbers: the scaler has a finite
     * mean and a positive finite deviation per feature, the imputer's rows have a value slot per
     * feature and k is within 1 .. rows.
     */
    private static void checkPreprocessing(Path file, int features, double[] mean, double[] sd, double[][] ref, int k) {
        require(file, mean.length == features && sd.length == features && finite(mean) && finite(sd)
                && java.util.Arrays.stream(sd).allMatch(s -> s > 0), "the scaler needs a finite mean and a positive deviation per feature");
        require(file, java.util.Arrays.stream(ref).allMatch(r -> r.length == features), "imputer rows must have " + features + " values");
        require(file, k >= 1 && k <= Math.max(1, ref.length), "the imputer's neighbours must be within 1 .. " + ref.length + ", got " + k);
    }

    private static void require(Path file, boolean ok, String what) {
        if (!ok) {
            throw new InputException(file + ": damaged or tampered model: " + what);
        }
    }

    private static boolean finite(double[] v) {
        return java.util.Arrays.stream(v).allMatch(Double::isFinite);
    }

    private static Attribute attribute(HdfFile h, Path file, String name) {
        Attribute a = h.getAttribute(name);
        if (a == null) {
            throw new InputException(file + ": attribute '" + name + "' is missing; not a popcast mobility model?");
        }
        return a;
    }

    private static String text(HdfFile h, Path file, String name) {
        return String.valueOf(attribute(h, file, name).getData());
    }

    private static double number(HdfFile h, Path file, String name) {
        Object v = attribute(h, file, name).getData();
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new InputException(file + ": attribute '" + name + "' should be a number, found " + v);
    }
}
