package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.graph.Constants;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The scenario parameters a parametric surrogate is trained over ({@code pde train --parametric
 * fertility_scale=0.8:1.2}): each a positive multiplier of one of the scenario's rates (the names
 * and meanings of {@code pde infer}'s unknowns), with the range it was trained on. The network
 * reads each parameter as an extra input normalised to [-1, 1]; the physics loss multiplies the
 * rates by the sampled value per collocation point, inside the graph.
 *
 * <p>Empty for an ordinary (non-parametric) network.
 */
public record PinnParametric(List<Range> ranges) {

    /** A multiplier of one of the scenario's rates, 1 = the scenario as written. */
    public enum Parameter {
        /** Multiplier of the force of mortality mu(a) at every age. */
        MORTALITY_SCALE("mortality_scale"),
        /** Multiplier of the fertility b(a, t) at every age and time, its cap included. */
        FERTILITY_SCALE("fertility_scale");

        private final String label;

        Parameter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Parameter of(String label) {
            return Arrays.stream(values()).filter(p -> p.label.equals(label.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown parameter '" + label.trim() + "', expected one of "
                            + Arrays.stream(values()).map(Parameter::label).collect(Collectors.joining(", "))));
        }

        /** {@code problem} with this multiplier set to {@code value}. */
        AgePdeProblem apply(AgePdeProblem p, double value) {
            return this == MORTALITY_SCALE
                    ? new AgePdeProblem(p.startYear(), p.endYear(), p.maxAge(), p.ageingSpeed(), p.mortality().scaled(value),
                            p.fertility(), p.initialDensity())
                    : new AgePdeProblem(p.startYear(), p.endYear(), p.maxAge(), p.ageingSpeed(), p.mortality(),
                            p.fertility().scaled(value), p.initialDensity());
        }
    }

    /** One parameter's training range, 0 < low < high. */
    public record Range(Parameter parameter, double low, double high) {
        public Range {
            if (!(low > 0) || !(high > low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException(parameter.label() + ": the range needs 0 < LOW < HIGH, got " + number(low) + ":"
                        + number(high));
            }
        }

        /** The value as the network reads it: low -> -1, high -> 1. */
        public double normalise(double value) {
            return 2 * (value - low) / (high - low) - 1;
        }

        public boolean contains(double value) {
            return value >= low && value <= high;
        }

        @Override
        public String toString() {
            return parameter.label() + "=" + number(low) + ":" + number(high);
        }
    }

    public static final PinnParametric NONE = new PinnParametric(List.of());

    public PinnParametric {
        ranges = List.copyOf(ranges);
        if (ranges.stream().map(Range::parameter).distinct().count() != ranges.size()) {
            throw new IllegalArgumentException("a parameter is given twice in --parametric");
        }
        // a fixed order (mortality, fertility) so that the same ranges in any order make the same network
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> a.parameter().compareTo(b.parameter()));
        ranges = List.copyOf(sorted);
    }

    /** From {@code name=LOW:HIGH} items (IllegalArgumentException naming the bad one). */
    public static PinnParametric parse(List<String> items) {
        List<Range> ranges = new ArrayList<>();
        for (String item : items) {
            String text = item.trim();
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + text + "': expected NAME=LOW:HIGH, e.g. fertility_scale=0.8:1.2");
            }
            Parameter p = Parameter.of(text.substring(0, eq));
            String[] bounds = text.substring(eq + 1).split(":", -1);
            if (bounds.length != 2) {
                throw new IllegalArgumentException("'" + text + "': expected NAME=LOW:HIGH, e.g. fertility_scale=0.8:1.2");
            }
            try {
                ranges.add(new Range(p, Double.parseDouble(bounds[0].trim()), Double.parseDouble(bounds[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': LOW and HIGH must be numbers");
            }
        }
        return new PinnParametric(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public int count() {
        return ranges.size();
    }

    /** The settings' textual form: {@code fertility_scale=0.8:1.2,mortality_scale=0.9:1.1}. */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    public List<String> names() {
        return ranges.stream().map(r -> r.parameter().label()).toList();
    }

    /**
     * A member's values, in the order of {@link #ranges()}, from {@code name -> value}: every
     * parameter needed, no other; a value outside its range is refused unless {@code extrapolate}.
     * IllegalArgumentException with a one-line message otherwise.
     */
    public double[] member(Map<String, Double> values, boolean extrapolate) {
        for (String name : values.keySet()) {
            Parameter p = Parameter.of(name);
            if (ranges.stream().noneMatch(r -> r.parameter() == p)) {
                throw new IllegalArgumentException(isEmpty() ? "the model is not parametric: --set " + name + " has nothing to set"
                        : "the model was not trained over " + name + " (its parameters: " + String.join(", ", names()) + ")");
            }
        }
        double[] member = new double[count()];
        for (int i = 0; i < count(); i++) {
            Range r = ranges.get(i);
            Double v = values.get(r.parameter().label());
            if (v == null) {
                throw new IllegalArgumentException("the model is parametric: give --set " + r.parameter().label() + "=VALUE (trained on "
                        + number(r.low()) + " .. " + number(r.high()) + ")");
            }
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("--set " + r.parameter().label() + " must be a finite number > 0, got " + v);
            }
            if (!r.contains(v) && !extrapolate) {
                throw new IllegalArgumentException("--set " + r.parameter().label() + "=" + number(v) + " is outside the trained range "
                        + number(r.low()) + " .. " + number(r.high()) + " (--extrapolate evaluates it anyway)");
            }
            member[i] = v;
        }
        return member;
    }

    /** Whether a member lies outside the trained ranges. */
    public boolean outside(double[] member) {
        for (int i = 0; i < count(); i++) {
            if (!ranges.get(i).contains(member[i])) {
                return true;
            }
        }
        return false;
    }

    /** The member's values as the network reads them, each in [-1, 1] inside the range. */
    public double[] normalise(double[] member) {
        double[] x = new double[count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ranges.get(i).normalise(member[i]);
        }
        return x;
    }

    /** {@code problem} with the member's multipliers applied (the exact solver's problem for that member). */
    public AgePdeProblem apply(AgePdeProblem problem, double[] member) {
        AgePdeProblem p = problem;
        for (int i = 0; i < count(); i++) {
            p = ranges.get(i).parameter().apply(p, member[i]);
        }
        return p;
    }

    /** The middle of every range. */
    public double[] centre() {
        return ranges.stream().mapToDouble(r -> 0.5 * (r.low() + r.high())).toArray();
    }

    /**
     * Held-out members for validation: every parameter at the middle of the k-th quarter of its
     * range, k = 0..3 (0.85, 0.95, 1.05, 1.15 for 0.8:1.2), never a training range's end; with two
     * or more parameters also the anti-diagonal (every second parameter at quarter 3 - k), which
     * reaches toward the corners where one rate is high and the other low.
     */
    public double[][] heldOut() {
        int members = count() >= 2 ? 8 : 4;
        double[][] m = new double[members][count()];
        for (int k = 0; k < members; k++) {
            for (int i = 0; i < count(); i++) {
                Range r = ranges.get(i);
                int quarter = k < 4 ? k : i % 2 == 0 ? k - 4 : 7 - k;
                m[k][i] = r.low() + (quarter + 0.5) / 4 * (r.high() - r.low());
            }
        }
        return m;
    }

    /** The member's label, e.g. {@code fertility_scale=1.05}. */
    public String label(double[] member) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            parts.add(ranges.get(i).parameter().label() + "=" + number(member[i]));
        }
        return String.join(",", parts);
    }

    /** {@code name -> value} attributes of a member. */
    public Map<String, Double> attributes(double[] member) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < count(); i++) {
            m.put(ranges.get(i).parameter().label(), member[i]);
        }
        return m;
    }

    // ---- graph side ----

    /**
     * The multiplier of {@code parameter} per row (N x 1) from unit columns (N x count, each in
     * [0, 1)): low + u (high - low); the scalar 1 when the parameter is not trained over.
     */
    <T extends TFloating> Operand<T> multiplier(Ops tf, Operand<T> unit, Parameter parameter) {
        Class<T> type = unit.type();
        for (int i = 0; i < count(); i++) {
            Range r = ranges.get(i);
            if (r.parameter() == parameter) {
                Operand<T> u = PinnNetwork.column(tf, unit, i);
                return tf.math.add(Constants.scalar(tf, r.low(), type), tf.math.mul(u, Constants.scalar(tf, r.high() - r.low(), type)));
            }
        }
        return Constants.scalar(tf, 1, type);
    }

    /** The network's input columns (2u - 1) of unit columns u. */
    static <T extends TFloating> Operand<T> inputs(Ops tf, Operand<T> unit) {
        Class<T> type = unit.type();
        return tf.math.sub(tf.math.mul(unit, Constants.scalar(tf, 2, type)), Constants.scalar(tf, 1, type));
    }

    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        // 12 significant digits: 0.8 + 0.05 prints as 0.85
        return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
