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
    private final int window;
    private final NetworkRegressor.Log log;

    FittedModel(ModelKind kind, double trainingMean, RidgeRegression ridge, NetworkRegressor network, int window, NetworkRegressor.Log log) {
        this.kind = kind;
        this.trainingMean = trainingMean;
        this.ridge = ridge;
        this.network = network;
        this.window = window;
        this.log = log;
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

    /** The training log of a network, else null. */
    public NetworkRegressor.Log log() {
        return log;
    }

    /**
     * Fits {@code kind} on {@code train} (rows with targets); {@code rows} carries the fold's fitted
     * preprocessor. A network reports its epochs to {@code progress}, labelled with {@code context}
     * (e.g. the fold) and the kind.
     */
    static FittedModel fit(ModelKind kind, TransformedRows rows, int[] train, MobilitySettings s, long seed, Progress progress,
                           String context) {
        String label = (context.isEmpty() ? "" : context + " ") + kind.key();
        MobilityTable t = rows.table();
        double mean = 0;
        for (int r : train) {
            mean += t.target(r) / train.length;
        }
        switch (kind) {
            case MEAN, LAST_YEAR:
                return new FittedModel(kind, mean, null, null, 1, null);
            case RIDGE: {
                double[] y = Arrays.stream(train).mapToDouble(t::target).toArray();
                return new FittedModel(kind, mean, RidgeRegression.fit(rows.rows(train), y, s.ridgeAlpha()), null, 1, null);
            }
            case FNN: {
                NetworkRegressor net = new NetworkRegressor(NetworkKind.FNN, rows.width(), 1,
                        NetworkKind.FNN.initialWeights(rows.width(), seed), s.learningRate(), seed);
                NetworkRegressor.Log log = net.fit(rows.flat(train, true), null, s.fnnTraining(seed), progress, label);
                return new FittedModel(kind, mean, null, net, 1, log);
            }
            case LSTM: {
                int[][] parts = holdOutCities(t, train, s.validationShare(), seed);
                NetworkRegressor net = new NetworkRegressor(NetworkKind.LSTM, rows.width(), s.window(),
                        NetworkKind.LSTM.initialWeights(rows.width(), seed), s.learningRate(), seed);
                NetworkRegressor.Log log = net.fit(rows.windows(parts[0], s.window(), true),
                        rows.windows(parts[1], s.window(), true), s.lstmTraining(seed), progress, label);
                return new FittedModel(kind, mean, null, net, s.window(), log);
            }
            default:
                throw new IllegalStateException(kind.toString());
        }
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

    /** Predictions for {@code rows} of the table behind {@code transformed}. */
    public double[] predict(TransformedRows transformed, int[] rows) {
        MobilityTable t = transformed.table();
        return switch (kind) {
            case MEAN -> filled(rows.length, trainingMean);
            case LAST_YEAR -> {
                double[] p = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    int prev = t.row(t.city(rows[i]), t.year(rows[i]) - 1);
                    p[i] = prev >= 0 && !Double.isNaN(t.target(prev)) ? t.target(prev) : trainingMean;
                }
                yield p;
            }
            case RIDGE -> ridge.predict(transformed.rows(rows));
            case FNN -> network.predict(transformed.flat(rows, false));
            case LSTM -> network.predict(transformed.windows(rows, window, false));
        };
    }

    /** Share of rows whose previous year has a target (where the last-year baseline is not the mean). */
    static double lastYearCoverage(MobilityTable t, int[] rows) {
        int n = 0;
        for (int r : rows) {
            int prev = t.row(t.city(r), t.year(r) - 1);
            n += prev >= 0 && !Double.isNaN(t.target(prev)) ? 1 : 0;
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
    }
}
