package org.popcast.models.inverse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.popcast.kernels.agepde.AgePdeProblem;

/**
 * A parameter {@code pde infer} estimates: a positive multiplier of one of the scenario's rates,
 * 1 meaning the scenario as written. Fits work on its logarithm, so it stays positive.
 */
public enum UnknownParameter {

    /** Multiplier of the force of mortality mu(a) at every age. */
    MORTALITY_SCALE("mortality_scale", "multiplier of the force of mortality mu(a)") {
        @Override
        AgePdeProblem apply(AgePdeProblem p, double value) {
            return new AgePdeProblem(p.startYear(), p.endYear(), p.maxAge(), p.ageingSpeed(), p.mortality().scaled(value),
                    p.fertility(), p.initialDensity());
        }
    },
    /** Multiplier of the fertility b(a, t) at every age and time (its cap included). */
    FERTILITY_SCALE("fertility_scale", "multiplier of the fertility b(a, t), its cap included") {
        @Override
        AgePdeProblem apply(AgePdeProblem p, double value) {
            return new AgePdeProblem(p.startYear(), p.endYear(), p.maxAge(), p.ageingSpeed(), p.mortality(),
                    p.fertility().scaled(value), p.initialDensity());
        }
    };

    private final String label;
    private final String description;

    UnknownParameter(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The name on the command line and in result attributes ({@code estimate_<label>}). */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    abstract AgePdeProblem apply(AgePdeProblem problem, double value);

    /** {@code problem} with each unknown set to its value. */
    public static AgePdeProblem applyAll(AgePdeProblem problem, List<UnknownParameter> unknowns, double[] values) {
        AgePdeProblem p = problem;
        for (int i = 0; i < unknowns.size(); i++) {
            p = unknowns.get(i).apply(p, values[i]);
        }
        return p;
    }

    /** The parameter of a label; IllegalArgumentException naming the known labels otherwise. */
    public static UnknownParameter of(String label) {
        return Arrays.stream(values()).filter(u -> u.label.equals(label.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown parameter '" + label.trim() + "', expected one of "
                        + labels()));
    }

    public static String labels() {
        return Arrays.stream(values()).map(UnknownParameter::label).collect(Collectors.joining(", "));
    }
}
