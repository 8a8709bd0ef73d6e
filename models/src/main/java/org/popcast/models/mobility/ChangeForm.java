package org.popcast.models.mobility;

import java.util.ArrayList;
import java.util.List;

/**
 * What a saved change-form model needs besides its weights to turn a table into inputs and its
 * outputs back into levels: the lag structure and the constants {@link ModelInputs} fitted on the
 * training rows. The inputs of a row of city c in year t are
 * {@code [z_t, z_{t-1}, (lag - targetMean) / targetSd, h]} (one lag year, {@link #LAG_YEARS}), the
 * prediction is {@code lag + changeScale * a * output} with a = {@code shrinkage} where the city
 * has last year's target and 1 where the lag is the training mean.
 *
 * @param targetMean  m, the training rows' target mean (the lag of a city without last year's target)
 * @param targetSd    s, the training rows' target standard deviation
 * @param changeScale k, the standard deviation of the training rows' change y_t - lag
 * @param shrinkage   a, the factor on the predicted change toward last year's value (1: none)
 * @param changeRidge {@code ridge_cv}'s cross-validated change ridge for the rows with last year's
 *                    target, or null for the other kinds
 */
public record ChangeForm(double targetMean, double targetSd, double changeScale, double shrinkage, ChangeRidge changeRidge) {

    /** The inputs read the same city's year t - 1 only: never an earlier year, another city or a later year. */
    public static final int LAG_YEARS = 1;

    /** The constants of change-form inputs fitted on training rows, with the model's shrinkage and change ridge. */
    static ChangeForm of(ModelInputs inputs, FittedModel m) {
        if (inputs.form() != TargetForm.CHANGE) {
            throw new IllegalArgumentException("a change-form model needs change-form inputs");
        }
        return new ChangeForm(inputs.mean(), inputs.sd(), inputs.changeScale(), m.kind() == ModelKind.RIDGE_CV ? 1 : m.shrinkage(),
                m.changeRidge());
    }

    /**
     * Names of the inputs in the order the model reads them, for the saved file: each feature, each
     * feature of the year before ({@code <name>@t-1}), last year's target standardised and its flag.
     */
    public static List<String> inputNames(List<String> features) {
        List<String> names = new ArrayList<>(features);
        features.forEach(f -> names.add(f + "@t-1"));
        names.add("last_year_target_standardised");
        names.add("has_last_year_target");
        return names;
    }

    /** Inputs per row for {@code features} feature columns. */
    public static int width(int features) {
        return 2 * features + 2;
    }
}
