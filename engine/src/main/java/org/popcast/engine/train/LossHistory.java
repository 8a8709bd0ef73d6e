package org.popcast.engine.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named loss series, one value per step, kept in memory and saved with checkpoints. */
public final class LossHistory {

    private final List<String> names;
    private double[][] values;
    private int size;

    public LossHistory(List<String> names) {
        this.names = List.copyOf(names);
        this.values = new double[names.size()][1024];
    }

    /** A history restored from a checkpoint's series, cut to the first {@code steps} entries. */
    public static LossHistory of(List<String> names, Map<String, double[]> series, long steps) {
        LossHistory h = new LossHistory(names);
        for (int i = 0; i < steps; i++) {
            double[] row = new double[names.size()];
            for (int k = 0; k < row.length; k++) {
                double[] s = series.get(names.get(k));
                if (s == null || s.length < steps) {
                    throw new IllegalArgumentException("the checkpoint's loss history lacks " + names.get(k) + " up to step " + steps);
                }
                row[k] = s[i];
            }
            h.add(row);
        }
        return h;
    }

    public void add(double... row) {
        if (row.length != names.size()) {
            throw new IllegalArgumentException("expected " + names.size() + " values, got " + row.length);
        }
        if (size == values[0].length) {
            for (int k = 0; k < values.length; k++) {
                values[k] = Arrays.copyOf(values[k], 2 * size);
            }
        }
        for (int k = 0; k < row.length; k++) {
            values[k][size] = row[k];
        }
        size++;
    }

    public int size() {
        return size;
    }

    public double[] series(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no loss series " + name);
        }
        return Arrays.copyOf(values[k], size);
    }

    /** All series by name (for checkpoints and output files). */
    public Map<String, double[]> toMap() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, series(n));
        }
        return m;
    }
}
