package org.popcast.models.mobility;

/**
 * What the learned models see and predict for one {@link TargetForm}, with the constants fitted on
 * the training rows.
 *
 * <p>{@code LEVEL}: the input is the row's standardised, imputed features z_t and the response is
 * the target y_t (exactly the source paper's form).
 *
 * <p>{@code CHANGE} (residual on persistence): for a row of city c in year t, let p be the row of
 * city c in year t - 1 (never any other year or city). The input is
 * <pre>
 *   [ z_t,  z_p,  (lag - m) / s,  h ]      lag = y_p if p has a target, else m
 * </pre>
 * where m and s are the training rows' target mean and standard deviation and h is 1 when p has a
 * target, else 0. z_p is p's features as the fold's preprocessor transforms them; when the table
 * has no row p, z_p = z_t (no change). The response is (y_t - lag) / k, k the standard deviation
 * of (y_t - lag) over the training rows, and a model's output o becomes the prediction
 * lag + k o. So a city without last year's target is predicted as the training mean plus a
 * predicted deviation: the same fallback as the last-year baseline, plus what the features say.
 */
final class ModelInputs {

    private final TransformedRows rows;
    private final TargetForm form;
    private final double mean;
    private final double sd;
    private final double changeScale;

    private ModelInputs(TransformedRows rows, TargetForm form, double mean, double sd, double changeScale) {
        this.rows = rows;
        this.form = form;
        this.mean = mean;
        this.sd = sd;
        this.changeScale = changeScale;
    }

    /** Fits m, s and k on the training rows (rows with a target) of {@code rows}' table. */
    static ModelInputs fit(TransformedRows rows, TargetForm form, int[] train) {
        MobilityTable t = rows.table();
        double m = 0;
        for (int r : train) {
            m += t.target(r) / train.length;
        }
        double ss = 0;
        for (int r : train) {
            ss += (t.target(r) - m) * (t.target(r) - m);
        }
        double s = train.length > 1 ? Math.sqrt(ss / (train.length - 1)) : 0;
        ModelInputs provisional = new ModelInputs(rows, form, m, s > 0 ? s : 1, 1);
        if (form == TargetForm.LEVEL) {
            return provisional;
        }
        double cs = 0;
        for (int r : train) {
            double c = t.target(r) - provisional.lag(r);
            cs += c * c;
        }
        double k = Math.sqrt(cs / Math.max(1, train.length - 1));
        return new ModelInputs(rows, form, m, s > 0 ? s : 1, k > 0 ? k : 1);
    }

    /** The level form over {@code rows}: features in, target out. */
    static ModelInputs level(TransformedRows rows) {
        return new ModelInputs(rows, TargetForm.LEVEL, 0, 1, 1);
    }

    /** The change form over {@code rows} with constants fitted before (a saved model's {@link ChangeForm}). */
    static ModelInputs change(TransformedRows rows, ChangeForm c) {
        return new ModelInputs(rows, TargetForm.CHANGE, c.targetMean(), c.targetSd(), c.changeScale());
    }

    /** m: the training rows' target mean, last year's value where a city has none (change form). */
    double mean() {
        return mean;
    }

    /** s: the training rows' target standard deviation that scales the lag input (change form). */
    double sd() {
        return sd;
    }

    /** k: the scale of the change form's response (1 in the level form). */
    double changeScale() {
        return changeScale;
    }

    TargetForm form() {
        return form;
    }

    MobilityTable table() {
        return rows.table();
    }

    int width() {
        return form == TargetForm.LEVEL ? rows.width() : ChangeForm.width(rows.width());
    }

    /** The row of the same city in the year before, or -1. */
    int previous(int r) {
        MobilityTable t = rows.table();
        return t.row(t.city(r), t.year(r) - 1);
    }

    /** Whether the row's city has a target in the year before. */
    boolean knowsLastYear(int r) {
        int p = previous(r);
        return p >= 0 && !Double.isNaN(rows.table().target(p));
    }

    /** Last year's target of the row's city, or the training mean where it has none. */
    double lag(int r) {
        int p = previous(r);
        return p >= 0 && !Double.isNaN(rows.table().target(p)) ? rows.table().target(p) : mean;
    }

    double[] row(int r) {
        double[] z = rows.row(r);
        if (form == TargetForm.LEVEL) {
            return z;
        }
        int p = previous(r);
        boolean known = p >= 0 && !Double.isNaN(rows.table().target(p));
        double[] out = new double[width()];
        System.arraycopy(z, 0, out, 0, z.length);
        System.arraycopy(p >= 0 ? rows.row(p) : z, 0, out, z.length, z.length);
        out[2 * z.length] = (lag(r) - mean) / sd;
        out[2 * z.length + 1] = known ? 1 : 0;
        return out;
    }

    double[][] rows(int[] rs) {
        double[][] out = new double[rs.length][];
        for (int i = 0; i < rs.length; i++) {
            out[i] = row(rs[i]);
        }
        return out;
    }

    /** What a model is fitted to: the target (level) or the scaled change from last year's value. */
    double response(int r) {
        double y = rows.table().target(r);
        return form == TargetForm.LEVEL ? y : (y - lag(r)) / changeScale;
    }

    double[] responses(int[] rs) {
        double[] y = new double[rs.length];
        for (int i = 0; i < rs.length; i++) {
            y[i] = response(rs[i]);
        }
        return y;
    }

    /**
     * Model outputs for {@code rs} -> predictions of the target. Change form: lag + k a o, with a =
     * {@code shrinkage} where the city has last year's value and 1 where the lag is the training mean.
     */
    double[] levels(int[] rs, double[] outputs, double shrinkage) {
        if (form == TargetForm.LEVEL) {
            return outputs;
        }
        double[] p = new double[rs.length];
        for (int i = 0; i < rs.length; i++) {
            p[i] = lag(rs[i]) + changeScale * (knowsLastYear(rs[i]) ? shrinkage : 1) * outputs[i];
        }
        return p;
    }

    /** One input row per sample; responses attached when {@code withTargets}. */
    Samples flat(int[] rs, boolean withTargets) {
        int f = width();
        float[] data = new float[rs.length * f];
        for (int i = 0; i < rs.length; i++) {
            double[] z = row(rs[i]);
            for (int j = 0; j < f; j++) {
                data[i * f + j] = (float) z[j];
            }
        }
        return new Samples(data, rs.length, new long[] {f}, withTargets ? floats(responses(rs)) : null);
    }

    /** The yearly window ending at each row (see {@link MobilityTable#window}); each step is that year's input row. */
    Samples windows(int[] rs, int window, boolean withTargets) {
        int f = width();
        float[] data = new float[rs.length * window * f];
        for (int i = 0; i < rs.length; i++) {
            int[] w = rows.table().window(rs[i], window);
            for (int t = 0; t < window; t++) {
                double[] z = row(w[t]);
                for (int j = 0; j < f; j++) {
                    data[(i * window + t) * f + j] = (float) z[j];
                }
            }
        }
        return new Samples(data, rs.length, new long[] {window, f}, withTargets ? floats(responses(rs)) : null);
    }

    private static float[] floats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
