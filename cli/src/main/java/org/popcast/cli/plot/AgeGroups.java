package org.popcast.cli.plot;

import java.util.Locale;

/**
 * Tick labels of an age axis whose values are the first ages of groups: "0-4" for the group 0 to
 * under 5, "100+" for the open last group, plain "30" for one-year groups. Other ticks (outside
 * the axis, or between group starts if the step were finer than a group) keep their number: XChart
 * retries its step until all labels differ, so empty labels would remove every tick.
 */
record AgeGroups(double[] starts) {

    String label(double age) {
        int n = starts.length;
        for (int i = 0; i < n; i++) {
            if (Math.abs(starts[i] - age) < 1e-9) {
                if (i == n - 1 && n > 1) {
                    return whole(starts[i]) + "+";
                }
                double next = i + 1 < n ? starts[i + 1] : starts[i] + 1;
                return next - starts[i] == 1 ? whole(starts[i]) : whole(starts[i]) + "-" + whole(next - 1);
            }
        }
        return Charts.number(age);
    }

    private static String whole(double age) {
        return String.format(Locale.ROOT, "%.0f", age);
    }
}
