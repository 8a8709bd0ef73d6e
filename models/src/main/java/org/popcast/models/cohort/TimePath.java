package org.popcast.models.cohort;

import java.util.List;

import org.popcast.data.input.ConfigNode;

/**
 * A quantity over calendar years given by [year, value] points: linear between points, the first
 * value before the first point and the last after the last. Used for TFR, migration scale,
 * international migration and sex-ratio-at-birth paths.
 */
public record TimePath(double[] years, double[] values) {

    public TimePath {
        if (years.length == 0 || years.length != values.length) {
            throw new IllegalArgumentException("a path needs at least one [year, value] point");
        }
        for (int i = 1; i < years.length; i++) {
            if (!(years[i] > years[i - 1])) {
                throw new IllegalArgumentException("path years must increase, " + years[i] + " follows " + years[i - 1]);
            }
        }
    }

    public static TimePath constant(double value) {
        return new TimePath(new double[] {0}, new double[] {value});
    }

    /** Reads {@code [[year, value], ...]}; values must lie in [min, max]. */
    public static TimePath read(ConfigNode node, double min, double max) {
        List<ConfigNode> points = node.list();
        double[] years = new double[points.size()], values = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            List<ConfigNode> pair = points.get(i).list();
            if (pair.size() != 2) {
                throw points.get(i).error("expected a [year, value] pair");
            }
            years[i] = pair.get(0).number();
            values[i] = pair.get(1).number();
            if (values[i] < min || values[i] > max) {
                throw pair.get(1).error("expected a value in [" + min + ", " + max + "], got " + values[i]);
            }
            if (i > 0 && !(years[i] > years[i - 1])) {
                throw pair.get(0).error("path years must increase, " + years[i] + " follows " + years[i - 1]);
            }
        }
        if (points.isEmpty()) {
            throw node.error("expected at least one [year, value] point");
        }
        return new TimePath(years, values);
    }

    public double value(double year) {
        if (year <= years[0]) {
            return values[0];
        }
        for (int i = 1; i < years.length; i++) {
            if (year <= years[i]) {
                double w = (year - years[i - 1]) / (years[i] - years[i - 1]);
                return values[i - 1] + w * (values[i] - values[i - 1]);
            }
        }
        return values[values.length - 1];
    }

    /** Whether the path is in force at {@code year} (for paths that replace the input from their first point on). */
    public boolean startedBy(double year) {
        return year >= years[0];
    }
}
