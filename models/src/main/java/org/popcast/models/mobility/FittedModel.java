package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.popcast.engine.train.Progress;

/**
 * One model fitted on training rows, ready to predict other rows of a table: a baseline, ridge
 * regression or a network, with the training mean every kind keeps as a fallback. Fitting reads
 * only the training rows' targets; the LSTM's early stopping holds out a share of the training
 * cities, never test rows.
 */
public final class FittedModel implements AutoCloseable {

    private final ModelKind kind;
    private final double trainingMean;
    private final RidgeRegression ridge;
    private final NetworkRegressor network;
    private final BoostedTrees trees;
    private final int window;
    private final NetworkRegressor.Log log;
    private final double shrinkage;
    private final double phi;
    private final ChangeRidge changeRidge;

    FittedModel(ModelKind kind, double trainingMean, RidgeRegression ridge, NetworkRegressor network, int window, NetworkRegressor.Log log) {
        this(kind, trainingMean, ridge, network, null, window, log, 1);
    }

    private FittedModel(ModelKind kind, double trainingMean, RidgeRegression ridge, NetworkRegressor network, BoostedTrees trees, int window,
                        NetworkRegressor.Log log, double shrinkage) {
        this(kind, trainingMean, ridge, network, trees, window, log, shrinkage, Double.NaN, null);
    }

    private FittedModel(ModelKind kind, double trainingMean, RidgeRegression ridge, NetworkRegressor network, BoostedTrees trees, int window,
                        NetworkRegressor.Log log, double shrinkage, double phi, ChangeRidge changeRidge) {
        this.kind = kind;
        this.trainingMean = trainingMean;
        this.ridge = ridge;
        this.network = network;
        this.trees = trees;
        this.window = window;
        this.log = log;
        this.shrinkage = shrinkage;
        this.phi = phi;
        this.changeRidge = changeRidge;
    }

    /**
     * A model read back from a file ({@link TrainedModel#fitted}): the fitted pieces as saved, the
     * shrinkage of the change form (1 in the level form) and {@code ridge_cv}'s change ridge.
     */
    static FittedModel restored(ModelKind kind, double trainingMean, RidgeRegression ridge, NetworkRegressor network, int window,
                                double shrinkage, ChangeRidge changeRidge) {
        return new FittedModel(kind, trainingMean, ridge, network, null, window, null, shrinkage, Double.NaN, changeRidge);
    }

    public ModelKind kind() {
        return kind;
    }

    public double trainingMean() {
        return trainingMean;
    }

    public RidgeRegression ridge() {
        return ridge;
    }

    public NetworkRegressor network() {
        return network;
    }

    public int window() {
        return window;
    }

    /**
     * The factor on the predicted change of a row whose city has last year's value (change form;
     * 1 otherwise): fitted on held-out training cities for ridge and the boosted trees, see
     * {@link #persistenceShrinkage}.
     */
    public double shrinkage() {
        return shrinkage;
    }

    /** The damping factor of damped persistence (NaN for other kinds). */
    public double phi() {
        return phi;
    }

    /** The cross-validated change ridge of {@code ridge_cv} (null for other kinds). */
    public ChangeRidge changeRidge() {
        return changeRidge;
    }

    /**
     * The constants fitted for this kind, for the report: the shrinkage of ridge and the trees in
     * the change form, phi of damped persistence, alpha and shrinkage of the change ridge; empty
     * for the others.
     */
    public String fittedConstants(TargetForm form) {
        return switch (kind) {
            case DAMPED -> String.format(java.util.Locale.ROOT, "phi %.3f", phi);
            case RIDGE_CV -> changeRidge == null ? "no row with last year's value"
                    : String.format(java.util.Locale.ROOT, "alpha %.0e shrinkage %.3f", changeRidge.alpha(), changeRidge.shrinkage());
            case RIDGE, GBT -> form == TargetForm.CHANGE ? String.format(java.util.Locale.ROOT, "shrinkage %.3f", shrinkage) : "";
            default -> "";
        };
    }

    /** The training log of a network, else null. */
    public NetworkRegressor.Log log() {
        return log;
    }

    /**
     * Fits {@code kind} on {@code train} (rows with targets); {@code inputs} carries the fold's fitted
     * preprocessor and target form. A network reports its epochs to {@code progress}, labelled with
     * {@code context} (e.g. the fold) and the kind.
     */
    static FittedModel fit(ModelKind kind, ModelInputs inputs, int[] train, MobilitySettings s, long seed, Progress progress,
                           String context) {
        String label = (context.isEmpty() ? "" : context + " ") + kind.key();
        MobilityTable t = inputs.table();
        double mean = 0;
        for (int r : train) {
            mean += t.target(r) / train.length;
        }
        int width = inputs.width();
        switch (kind) {
            case MEAN, LAST_YEAR, DRIFT:
                return new FittedModel(kind, mean, null, null, 1, null);
            case DAMPED:
                return new FittedModel(kind, mean, null, null, null, 1, null, 1, dampingFactor(t, train), null);
            case RIDGE_CV: {
                if (inputs.form() != TargetForm.CHANGE) {
                    throw new IllegalArgumentException("ridge_cv reads the change form's inputs");
                }
                // rows without last year's value: the change-form ridge with the run's penalty, unshrunk
                RidgeRegression fallback = RidgeRegression.fit(inputs.rows(train), inputs.responses(train), s.ridgeAlpha());
                int[] known = Arrays.stream(train).filter(inputs::knowsLastYear).toArray();
                ChangeRidge cr = known.length == 0 ? null : ChangeRidge.fit(inputs.rows(known), observedChanges(t, known),
                        Arrays.stream(known).mapToObj(t::city).toArray(String[]::new), ChangeRidge.INNER_FOLDS_DEFAULT, seed);
                return new FittedModel(kind, mean, fallback, null, null, 1, null, cr == null ? 0 : cr.shrinkage(), Double.NaN, cr);
            }
            case RIDGE, GBT: {
                FittedModel m = unshrunk(kind, inputs, train, s, seed, mean);
                return inputs.form() == TargetForm.CHANGE ? m.withShrinkage(persistenceShrinkage(kind, inputs, train, s, seed)) : m;
            }
            case FNN: {
                NetworkRegressor net = new NetworkRegressor(NetworkKind.FNN, width, 1, NetworkKind.FNN.initialWeights(width, seed),
                        s.learningRate(), seed);
                NetworkRegressor.Log log = net.fit(inputs.flat(train, true), null, s.fnnTraining(seed), progress, label);
                return new FittedModel(kind, mean, null, net, 1, log);
            }
            case LSTM: {
                int[][] parts = holdOutCities(t, train, s.validationShare(), seed);
                NetworkRegressor net = new NetworkRegressor(NetworkKind.LSTM, width, s.window(), NetworkKind.LSTM.initialWeights(width, seed),
                        s.learningRate(), seed);
                NetworkRegressor.Log log = net.fit(inputs.windows(parts[0], s.window(), true),
                        inputs.windows(parts[1], s.window(), true), s.lstmTraining(seed), progress, label);
                return new FittedModel(kind, mean, null, net, s.window(), log);
            }
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    /**
     * Shrinkage of the predicted change toward last year's value, fitted without the test rows:
     * the model is fitted on the training rows of all but a share ({@code --validation-share}) of
     * the training cities, and on the held-out cities' rows that have last year's value the
     * least-squares factor a of the observed change r on the predicted change o is
     * a = clamp(sum o r / sum o^2, 0, 1). a = 0 is persistence, a = 1 the model's change as it is.
     */
    static double persistenceShrinkage(ModelKind kind, ModelInputs inputs, int[] train, MobilitySettings s, long seed) {
        int[][] parts = holdOutCities(inputs.table(), train, s.validationShare(), seed);
        int[] known = java.util.Arrays.stream(parts[1]).filter(inputs::knowsLastYear).toArray();
        if (known.length == 0) {
            return 1;
        }
        try (FittedModel inner = unshrunk(kind, inputs, parts[0], s, seed, 0)) {
            double[] o = inner.outputs(inputs, known);
            double[] r = inputs.responses(known);
            double or = 0, oo = 0;
            for (int i = 0; i < o.length; i++) {
                or += o[i] * r[i];
                oo += o[i] * o[i];
            }
            return oo > 0 ? Math.max(0, Math.min(1, or / oo)) : 0;
        }
    }

    /**
     * The damping factor of damped persistence, least squares over the training rows whose city
     * has targets in the two years before: phi = clamp(sum c_t c_{t-1} / sum c_{t-1}^2, -1, 1) with
     * c_t = y_t - y_{t-1}; 0 when no row has both.
     */
    static double dampingFactor(MobilityTable t, int[] train) {
        double num = 0, den = 0;
        for (int r : train) {
            double c1 = lastChange(t, r);
            int p = t.row(t.city(r), t.year(r) - 1);
            if (Double.isNaN(c1)) {
                continue;
            }
            double c = t.target(r) - t.target(p);
            num += c * c1;
            den += c1 * c1;
        }
        return den > 0 ? Math.max(-1, Math.min(1, num / den)) : 0;
    }

    /** Target of the row's city {@code back} years before the row's year, NaN when unknown. */
    static double earlier(MobilityTable t, int r, int back) {
        int p = t.row(t.city(r), t.year(r) - back);
        return p >= 0 ? t.target(p) : Double.NaN;
    }

    /** The city's last change before the row, y_{t-1} - y_{t-2}: NaN unless both are known. */
    static double lastChange(MobilityTable t, int r) {
        return earlier(t, r, 1) - earlier(t, r, 2);
    }

    /** y_t - y_{t-1} of rows that have last year's value. */
    private static double[] observedChanges(MobilityTable t, int[] rows) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = t.target(rows[i]) - earlier(t, rows[i], 1);
        }
        return c;
    }

    /** Ridge or the boosted trees fitted to the responses of {@code rows}, with no shrinkage. */
    private static FittedModel unshrunk(ModelKind kind, ModelInputs inputs, int[] rows, MobilitySettings s, long seed, double mean) {
        return kind == ModelKind.RIDGE
                ? new FittedModel(kind, mean, RidgeRegression.fit(inputs.rows(rows), inputs.responses(rows), s.ridgeAlpha()), null, null, 1,
                        null, 1)
                : new FittedModel(kind, mean, null, null, BoostedTrees.fit(inputs.rows(rows), inputs.responses(rows),
                        BoostedTrees.Settings.DEFAULT, seed), 1, null, 1);
    }

    private FittedModel withShrinkage(double factor) {
        return new FittedModel(kind, trainingMean, ridge, network, trees, window, log, factor);
    }

    /** Splits training rows into {fit, validation} by city: a share of the cities, drawn with the seed, validates. */
    static int[][] holdOutCities(MobilityTable t, int[] train, double share, long seed) {
        List<String> cities = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(train).mapToObj(t::city).toList()));
        java.util.Collections.shuffle(cities, new Random(seed ^ 0x5DEECE66DL));
        int count = Math.max(1, (int) Math.round(share * cities.size()));
        if (count >= cities.size()) {
            throw new IllegalArgumentException("early stopping needs at least two training cities, got " + cities.size());
        }
        Set<String> validation = Set.copyOf(cities.subList(0, count));
        int[] fit = Arrays.stream(train).filter(r -> !validation.contains(t.city(r))).toArray();
        int[] val = Arrays.stream(train).filter(r -> validation.contains(t.city(r))).toArray();
        return new int[][] {fit, val};
    }

    /** Predictions of the target for {@code rows} of the table behind {@code inputs}. */
    public double[] predict(ModelInputs inputs, int[] rows) {
        MobilityTable t = inputs.table();
        return switch (kind) {
            case MEAN -> filled(rows.length, trainingMean);
            case LAST_YEAR, DRIFT, DAMPED -> {
                double factor = kind == ModelKind.LAST_YEAR ? 0 : kind == ModelKind.DRIFT ? 1 : phi;
                double[] p = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    double lag = earlier(t, rows[i], 1), change = lastChange(t, rows[i]);
                    p[i] = Double.isNaN(lag) ? trainingMean : Double.isNaN(change) ? lag : lag + factor * change;
                }
                yield p;
            }
            case RIDGE_CV -> {
                double[] p = inputs.levels(rows, ridge.predict(inputs.rows(rows)), 1);
                for (int i = 0; i < rows.length; i++) {
                    if (inputs.knowsLastYear(rows[i])) {
                        p[i] = inputs.lag(rows[i]) + (changeRidge == null ? 0 : changeRidge.predict(new double[][] {inputs.row(rows[i])})[0]);
                    }
                }
                yield p;
            }
            default -> inputs.levels(rows, outputs(inputs, rows), shrinkage);
        };
    }

    /** What a learned model outputs for {@code rows}: the target (level form) or the scaled change (change form). */
    double[] outputs(ModelInputs inputs, int[] rows) {
        return switch (kind) {
            case RIDGE -> ridge.predict(inputs.rows(rows));
            case GBT -> trees.predict(inputs.rows(rows));
            case FNN -> network.predict(inputs.flat(rows, false));
            case LSTM -> network.predict(inputs.windows(rows, window, false));
            default -> throw new IllegalStateException(kind + " is a baseline, not a learned model");
        };
    }

    /** Whether the row's city has a target in the year before (where the last-year baseline is not the mean). */
    static boolean knowsLastYear(MobilityTable t, int r) {
        return !Double.isNaN(earlier(t, r, 1));
    }

    /** Share of rows whose previous year has a target (where the last-year baseline is not the mean). */
    static double lastYearCoverage(MobilityTable t, int[] rows) {
        int n = 0;
        for (int r : rows) {
            n += knowsLastYear(t, r) ? 1 : 0;
        }
        return rows.length == 0 ? 0 : n / (double) rows.length;
    }

    private static double[] filled(int n, double v) {
        double[] p = new double[n];
        Arrays.fill(p, v);
        return p;
    }

    @Override
    public void close() {
        if (network != null) {
            network.close();
        }
        if (trees != null) {
            trees.close();
        }
    }
}
