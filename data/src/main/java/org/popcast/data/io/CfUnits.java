package org.popcast.data.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * popcast's one rule for units in result files (formats.md, "Units"): the {@code units} attribute
 * holds a UDUNITS-2 unit, as CF requires, and a unit people read whose counted thing UDUNITS has no
 * word for ("persons per year") goes into {@code display_units} beside it ({@code units = "year-1"}).
 * Writers keep naming units the readable way; this class is the only place that turns them into
 * UDUNITS, so every product follows the same rule, and an unknown unit fails the build of the
 * dataset instead of reaching a file.
 *
 * <p>CF 1.11's {@code units_metadata} is not used: it is defined for temperature only (and leap
 * seconds in CF 1.12), so "persons" there would be as non-standard as a popcast attribute.
 */
public final class CfUnits {

    /** The attribute holding the readable unit where it differs from the UDUNITS one. */
    public static final String DISPLAY_UNITS = "display_units";

    /**
     * Every UDUNITS-2 unit popcast writes: dimensionless counts and shares, durations (ages) in
     * years, rates per year, per mille per year, percent. (The UDUNITS "year" is a duration of
     * 365.242198781 days: right for ages, wrong for calendar years, which carry no units.)
     */
    public static final Set<String> UDUNITS = Set.of("1", "year", "year-1", "1e-3 year-1", "percent");

    /** Readable units and their UDUNITS equivalents; persons are counted, so their unit is 1. */
    private static final Map<String, String> READABLE = Map.of(
            "persons", "1",
            "persons per year", "year-1",
            "persons per year of age", "year-1",
            "per mille per year", "1e-3 year-1");

    private CfUnits() {
    }

    /**
     * The unit attributes for a variable given a readable unit: {@code units} (UDUNITS) and, where
     * it says less, {@code display_units}. Null gives none: a variable without one unit (fitted
     * parameters of several units) or a label.
     *
     * @throws IllegalArgumentException for a unit that is neither UDUNITS popcast writes nor a known readable one
     */
    public static Map<String, Object> attributes(String units, String owner) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (units == null) {
            return out;
        }
        String udunits = READABLE.get(units);
        if (udunits != null) {
            out.put("units", udunits);
            out.put(DISPLAY_UNITS, units);
        } else if (UDUNITS.contains(units)) {
            out.put("units", units);
        } else {
            throw new IllegalArgumentException(owner + ": units '" + units + "' are neither UDUNITS-2 that popcast writes "
                    + UDUNITS + " nor a readable unit it knows " + READABLE.keySet());
        }
        return out;
    }

    /** The unit to show people: display_units if the attributes have it, else units, else "". */
    public static String readable(Map<String, Object> attributes) {
        Object d = attributes.get(DISPLAY_UNITS);
        Object u = d != null ? d : attributes.get("units");
        return u == null ? "" : String.valueOf(u);
    }
}
