package org.popcast.models.common;

import org.popcast.data.io.NetcdfDataset;

/**
 * What every result must satisfy before it is written (docs/reliability.md): the named quantities
 * finite, counts not negative. An input that drives a model out of range (a scale of 1e308, a jump
 * of -1e12 persons) then fails in one line naming the variable and where, instead of leaving a file
 * of NaN, Inf or negative people behind with exit 0. NaN is allowed only where a variable marks
 * "not defined here" (bands outside the forecast, observations not made): those are not checked.
 */
public final class ResultChecks {

    private ResultChecks() {
    }

    /** Every value of each named variable (those present) is finite. */
    public static void requireFinite(NetcdfDataset ds, String... variables) {
        check(ds, false, variables);
    }

    /** Every value of each named variable (those present) is finite and >= 0: counts of people. */
    public static void requireCounts(NetcdfDataset ds, String... variables) {
        check(ds, true, variables);
    }

    /**
     * Each named variable has no infinite or negative value; NaN marks "not defined" (a flow in
     * the base year, before any step) and passes.
     */
    public static void requireCountsWhereDefined(NetcdfDataset ds, String... variables) {
        for (String name : variables) {
            if (ds.variables().stream().anyMatch(v -> v.name().equals(name))) {
                double[] data = ds.variable(name).data();
                for (int i = 0; i < data.length; i++) {
                    if (Double.isInfinite(data[i]) || data[i] < 0) {
                        throw outOfRange(name, data[i], i, data.length);
                    }
                }
            }
        }
    }

    private static IllegalStateException outOfRange(String name, double v, int i, int n) {
        return new IllegalStateException("the result's " + name + " is " + v + " at element " + i + " of " + n
                + ": the inputs drive the model out of range (check extreme values); nothing was written");
    }

    private static void check(NetcdfDataset ds, boolean counts, String... variables) {
        for (String name : variables) {
            if (ds.variables().stream().noneMatch(v -> v.name().equals(name))) {
                continue;
            }
            double[] data = ds.variable(name).data();
            for (int i = 0; i < data.length; i++) {
                double v = data[i];
                if (!Double.isFinite(v) || counts && v < 0) {
                    throw outOfRange(name, v, i, data.length);
                }
            }
        }
    }
}
