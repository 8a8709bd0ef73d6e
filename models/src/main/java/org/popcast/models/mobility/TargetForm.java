package org.popcast.models.mobility;

import java.util.Locale;

/**
 * What the learned models (ridge, the networks, the boosted trees) predict.
 *
 * <ul>
 *   <li>{@code LEVEL}: the target itself, from the row's features (the source paper's form);</li>
 *   <li>{@code CHANGE}: the residual on persistence, y_t - y_{t-1}, from the row's features, the
 *       same city's features and target of the year before (see {@link ModelInputs}); the
 *       prediction is y_{t-1} plus the predicted change.</li>
 * </ul>
 */
public enum TargetForm {
    LEVEL("the target from the same year's features"),
    CHANGE("the change from last year's value (residual on persistence), with last year's target and features as inputs");

    private final String description;

    TargetForm(String description) {
        this.description = description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static TargetForm ofKey(String key) {
        for (TargetForm f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown target form '" + key + "', expected level or change");
    }
}
