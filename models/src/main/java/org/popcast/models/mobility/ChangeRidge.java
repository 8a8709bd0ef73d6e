package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Ridge regression of the change from last year's value, with its penalty and a shrinkage toward
 * "no change" chosen by cross-validation over groups (cities) of the training rows only.
 *
 * <p>Given inputs x_i, observed changes r_i = y_t - y_{t-1} and each row's group:
 * <ol>
 *   <li>the groups are shuffled with the seed and dealt round-robin into {@code innerFolds} folds;</li>
 *   <li>for every alpha of {@link #ALPHAS} (infinity is the intercept-only model: the training
 *       rows' mean change) the ridge path is fitted on the other folds and predicts each held-out
 *       fold: out-of-fold predicted changes o_i(alpha);</li>
 *   <li>alpha* minimises the out-of-fold mean squared error sum (r_i - o_i(alpha))^2 / n (the
 *       first, i.e. the weakest penalty, on a tie);</li>
 *   <li>the shrinkage a = clamp(sum o_i r_i / sum o_i^2, 0, 1) over the out-of-fold predictions
 *       of alpha* (a = 0: persistence, a = 1: the ridge's change as it is);</li>
 *   <li>the final ridge is fitted with alpha* on all rows; the predicted change is a times its output.</li>
 * </ol>
 * Nothing but the rows given is read, so called on a fold's training rows it never sees a test row.
 *
 * @param model     the ridge fitted with alpha* on all rows
 * @param alpha     alpha*
 * @param shrinkage a
 * @param cvMse     out-of-fold MSE of each alpha of {@link #ALPHAS}, in that order
 */
public record ChangeRidge(RidgeRegression model, double alpha, double shrinkage, double[] cvMse) {

    /** The penalties tried, weakest first (inputs are standardised, so these span no shrinkage to none left). */
    public static final double[] ALPHAS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, Double.POSITIVE_INFINITY};

    /** Inner folds over the groups. */
    public static final int INNER_FOLDS_DEFAULT = 5;

    public static ChangeRidge fit(double[][] x, double[] r, String[] group, int innerFolds, long seed) {
        int n = x.length;
        if (n == 0 || r.length != n || group.length != n) {
            throw new IllegalArgumentException("change ridge: need the same number (> 0) of rows, changes and groups");
        }
        int[] foldOf = foldOfRows(group, innerFolds, seed);
        int folds = Arrays.stream(foldOf).max().orElse(0) + 1;
        double[][] oof = new double[ALPHAS.length][n];
        if (folds < 2) {
            // one group: nothing to cross-validate over; the mean change, unshrunk
            RidgeRegression mean = RidgeRegression.path(x, r, new double[] {Double.POSITIVE_INFINITY})[0];
            return new ChangeRidge(mean, Double.POSITIVE_INFINITY, 1, new double[ALPHAS.length]);
        }
        for (int k = 0; k < folds; k++) {
            int fk = k;
            int[] fit = java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] != fk).toArray();
            int[] held = java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] == fk).toArray();
            RidgeRegression[] path = RidgeRegression.path(pick(x, fit), pick(r, fit), ALPHAS);
            double[][] xh = pick(x, held);
            for (int a = 0; a < ALPHAS.length; a++) {
                double[] p = path[a].predict(xh);
                for (int i = 0; i < held.length; i++) {
                    oof[a][held[i]] = p[i];
                }
            }
        }
        double[] cvMse = new double[ALPHAS.length];
        int best = 0;
        for (int a = 0; a < ALPHAS.length; a++) {
            for (int i = 0; i < n; i++) {
                cvMse[a] += (r[i] - oof[a][i]) * (r[i] - oof[a][i]) / n;
            }
            if (cvMse[a] < cvMse[best]) {
                best = a;
            }
        }
        double or = 0, oo = 0;
        for (int i = 0; i < n; i++) {
            or += oof[best][i] * r[i];
            oo += oof[best][i] * oof[best][i];
        }
        double shrinkage = oo > 0 ? Math.max(0, Math.min(1, or / oo)) : 0;
        RidgeRegression model = RidgeRegression.path(x, r, new double[] {ALPHAS[best]})[0];
        return new ChangeRidge(model, ALPHAS[best], shrinkage, cvMse);
    }

    /** Predicted changes: the shrinkage times the final ridge's output. */
    public double[] predict(double[][] x) {
        double[] p = model.predict(x);
        for (int i = 0; i < p.length; i++) {
            p[i] *= shrinkage;
        }
        return p;
    }

    /** Inner fold of each row: groups in order of appearance, shuffled with the seed, dealt round-robin. */
    static int[] foldOfRows(String[] group, int innerFolds, long seed) {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(group)));
        Collections.shuffle(groups, new Random(seed));
        int k = Math.min(innerFolds, groups.size());
        java.util.Map<String, Integer> fold = new java.util.HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            fold.put(groups.get(i), i % k);
        }
        return Arrays.stream(group).mapToInt(fold::get).toArray();
    }

    private static double[][] pick(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
