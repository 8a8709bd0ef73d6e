package org.popcast.models.common;

import java.util.function.DoublePredicate;

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
        check(ds, v -> !Double.isFinite(v), variables);
    }

    /** Every value of each named variable (those present) is finite and >= 0: counts of people. */
    public static void requireCounts(NetcdfDataset ds, String... variables) {
        check(ds, v -> !Double.isFinite(v) || v < 0, variables);
    }

    /**
     * Each named variable has no infinite or negative value; NaN marks "not defined" (a flow in
     * the base year, before any step) and passes.
     */
    public static void requireCountsWhereDefined(NetcdfDataset ds, String... variables) {
        check(ds, v -> Double.isInfinite(v) || v < 0, variables);
    }

    /** Fails on the first value of a named variable that is {@code bad}; reads the data in place. */
    private static void check(NetcdfDataset ds, DoublePredicate bad, String... variables) {
        for (String name : variables) {
            if (ds.variables().stream().noneMatch(v -> v.name().equals(name))) {
                continue;
            }
            NetcdfDataset.Variable v = ds.variable(name);
            int i = v.indexOf(bad);
            if (i >= 0) {
                throw new IllegalStateException("the result's " + name + " is " + v.value(i) + " at element " + i + " of " + v.size()
                        + ": the inputs drive the model out of range (check extreme values); nothing was written");
            }
        }
    }
}
