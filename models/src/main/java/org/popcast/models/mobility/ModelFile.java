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
 *
 * <p>A change-form model (format 1.1; attribute {@code target_form} = change) adds dimension
 * {@code input} naming its inputs in order ({@link ChangeForm#inputNames}), the attributes
 * {@code lag_years}, {@code target_sd}, {@code change_scale} and {@code shrinkage}; its ridge
 * weights run over {@code input}, and {@code ridge_cv} adds {@code change_ridge_weights(input)}
 * with {@code change_ridge_intercept}, {@code change_ridge_alpha} and {@code change_ridge_shrinkage}.
 * Files of format 1.0 are level-form models and are still read.
 */
public final class ModelFile {

    /** A named limit (docs/reliability.md): rows or columns of one network weight matrix (the input side is at most the features). */
    public static final int MAX_LAYER_WIDTH = FeatureTableReader.MAX_COLUMNS;

    public static final String FORMAT_VERSION = "1.1";
    /** The format before change-form models: level form only, read as such. */
    private static final String LEVEL_ONLY_VERSION = "1.0";
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
        b.attribute("target_form", m.form().key());
        String inputDimension = "feature";
        ChangeForm change = m.change();
        if (change != null) {
            inputDimension = "input";
            b.dimension(inputDimension, ChangeForm.inputNames(cols).toArray(String[]::new),
                    "model input, in the order the model reads them: features, the same city's features of the year before, "
                            + "last year's target standardised, 1 if the city has last year's target");
            b.attribute("lag_years", (long) ChangeForm.LAG_YEARS).attribute("target_sd", change.targetSd())
                    .attribute("change_scale", change.changeScale()).attribute("shrinkage", change.shrinkage());
            ChangeRidge cr = change.changeRidge();
            if (cr != null) {
                b.attribute("change_ridge_intercept", cr.model().intercept()).attribute("change_ridge_alpha", cr.alpha())
                        .attribute("change_ridge_shrinkage", cr.shrinkage());
                b.variable("change_ridge_weights", List.of(inputDimension), cr.model().weights(), "1",
                        "ridge coefficient of the change from last year's value per input (rows with last year's target)");
            }
        }
        if (m.ridge() != null) {
            b.attribute("ridge_intercept", m.ridge().intercept()).attribute("ridge_alpha", m.ridge().alpha());
            b.variable("ridge_weights", List.of(inputDimension), m.ridge().weights(), "1", "ridge coefficient per standardised input");
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
            String version = text(h, file, "format_version");
            if (!FORMAT_VERSION.equals(version) && !LEVEL_ONLY_VERSION.equals(version)) {
                throw new InputException(file + ": model format " + version + ", this popcast reads " + LEVEL_ONLY_VERSION + " and "
                        + FORMAT_VERSION);
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
            double trainingMean = number(h, file, "training_mean");
            TargetForm form = h.getAttribute("target_form") == null ? TargetForm.LEVEL : TargetForm.ofKey(text(h, file, "target_form"));
            ChangeForm change = form == TargetForm.CHANGE ? readChangeForm(h, file, cols, trainingMean) : null;
            require(file, form == TargetForm.CHANGE || !kind.alwaysChange(), kind.key() + " predicts the change but the file says target_form "
                    + form.key());
            int width = form == TargetForm.CHANGE ? ChangeForm.width(cols.size()) : cols.size();
            RidgeRegression ridge = kind != ModelKind.RIDGE && kind != ModelKind.RIDGE_CV ? null
                    : ridge(h, file, "ridge_weights", number(h, file, "ridge_intercept"), number(h, file, "ridge_alpha"), width);
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
                checkArchitecture(file, kind, width, weights);
            }
            ColumnScreen.Settings columns = new ColumnScreen.Settings(text(h, file, "target_column"), text(h, file, "id_column"),
                    text(h, file, "year_column"), List.of(), List.of(), ColumnScreen.THRESHOLD_DEFAULT);
            return new TrainedModel(kind, columns, (int) number(h, file, "window"), pre, trainingMean, ridge, weights,
                    new ArrayList<>(), text(h, file, "settings"), change);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(file + ": not a readable popcast mobility model: " + e.getMessage(), e);
        }
    }

    /**
     * The change form's lag structure and constants. The input names must be exactly those this
     * version builds from the feature columns: a file whose inputs are laid out differently (other
     * lags, another order) would otherwise be fed the wrong numbers without any error.
     */
    private static ChangeForm readChangeForm(HdfFile h, Path file, List<String> cols, double trainingMean) {
        long lag = (long) number(h, file, "lag_years");
        require(file, lag == ChangeForm.LAG_YEARS, "lag_years is " + lag + ", this popcast builds inputs from " + ChangeForm.LAG_YEARS
                + " year before");
        List<String> inputs = Arrays.asList((String[]) h.getDatasetByPath("input").getData());
        require(file, inputs.equals(ChangeForm.inputNames(cols)), "the inputs must be the features, the features @t-1, "
                + "last_year_target_standardised and has_last_year_target, in that order");
        double sd = number(h, file, "target_sd"), scale = number(h, file, "change_scale"), shrinkage = number(h, file, "shrinkage");
        require(file, Double.isFinite(trainingMean) && Double.isFinite(sd) && sd > 0 && Double.isFinite(scale) && scale > 0,
                "the change form needs a finite training mean and positive finite target_sd and change_scale");
        require(file, shrinkage >= 0 && shrinkage <= 1, "shrinkage must be within 0 .. 1, got " + shrinkage);
        ChangeRidge cr = null;
        if (h.getAttribute("change_ridge_alpha") != null) {
            double crShrinkage = number(h, file, "change_ridge_shrinkage");
            require(file, crShrinkage >= 0 && crShrinkage <= 1, "change_ridge_shrinkage must be within 0 .. 1, got " + crShrinkage);
            RidgeRegression model = ridge(h, file, "change_ridge_weights", number(h, file, "change_ridge_intercept"),
                    number(h, file, "change_ridge_alpha"), ChangeForm.width(cols.size()));
            cr = new ChangeRidge(model, model.alpha(), crShrinkage, new double[0]);
        }
        return new ChangeForm(trainingMean, sd, scale, shrinkage, cr);
    }

    /** Ridge weights {@code variable}: one finite number per input, a finite intercept and a penalty > 0 (infinity: intercept only). */
    private static RidgeRegression ridge(HdfFile h, Path file, String variable, double intercept, double alpha, int width) {
        double[] w = (double[]) h.getDatasetByPath(variable).getData();
        require(file, w.length == width && finite(w) && Double.isFinite(intercept) && alpha > 0,
                variable + " must be one finite number per input (" + width + ") with a finite intercept and a penalty > 0");
        return new RidgeRegression(w, intercept, alpha);
    }

    /** The network's weights must be exactly those of its architecture over {@code width} inputs: names and shapes. */
    private static void checkArchitecture(Path file, ModelKind kind, int width, Map<String, float[][]> weights) {
        Map<String, float[][]> expected = (kind == ModelKind.LSTM ? NetworkKind.LSTM : NetworkKind.FNN).initialWeights(width, 0);
        require(file, expected.keySet().equals(weights.keySet()), "a " + kind.key() + " network has weights " + expected.keySet()
                + ", the file " + weights.keySet());
        for (Map.Entry<String, float[][]> e : expected.entrySet()) {
            float[][] w = weights.get(e.getKey());
            require(file, w.length == e.getValue().length && w[0].length == e.getValue()[0].length, "weights " + e.getKey() + " must be "
                    + e.getValue().length + " x " + e.getValue()[0].length + " for " + width + " inputs, got " + w.length + " x " + w[0].length);
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
