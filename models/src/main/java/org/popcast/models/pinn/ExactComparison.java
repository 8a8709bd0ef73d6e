package org.popcast.models.pinn;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.agepde.AgePdeProblem;

/**
 * A trained network against the exact solution on the output grid (formats.md):
 *
 * <pre>
 *   rel_l2          = |P - P*|_2 / |P*|_2 over all grid points
 *   rel_linf        = max |P - P*| / max |P*|
 *   rel_l2_off_jump = rel_l2 without the points within half a year of a jump line a = v (t - t_j)
 *                     (t_j: the start, and fertility steps inside the window)
 *   births error    = |B(t) / B*(t) - 1| at t0 + 10, t0 + 20, ... inside the window
 * </pre>
 */
public record ExactComparison(double relL2, double relLinf, double relL2OffJump, double[] birthYears, double[] birthErrors) {

    /** Grid points closer than this (in years of age) to the jump line are left out of rel_l2_off_jump. */
    public static final double JUMP_HALF_WIDTH = 0.5;

    /** Whether (age, time) lies within {@link #JUMP_HALF_WIDTH} of a line where the exact density jumps. */
    public static boolean nearJump(AgePdeProblem p, double age, double time) {
        for (double origin : p.jumpOrigins()) {
            if (time >= origin && Math.abs(age - p.ageingSpeed() * (time - origin)) < JUMP_HALF_WIDTH) {
                return true;
            }
        }
        return false;
    }

    public static ExactComparison of(AgePdeProblem p, double[] times, double[] ages, double[][] predicted, double[][] exact,
                                     double[] predictedBirths, double[] exactBirths) {
        double d2 = 0, r2 = 0, o2 = 0, q2 = 0, dmax = 0, rmax = 0;
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < ages.length; j++) {
                double e = predicted[i][j] - exact[i][j], ref = exact[i][j];
                d2 += e * e;
                r2 += ref * ref;
                dmax = Math.max(dmax, Math.abs(e));
                rmax = Math.max(rmax, Math.abs(ref));
                if (!nearJump(p, ages[j], times[i])) {
                    o2 += e * e;
                    q2 += ref * ref;
                }
            }
        }
        List<Double> years = new ArrayList<>(), errors = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            double since = times[i] - p.startYear();
            if (since > 0 && Math.abs(since / 10 - Math.rint(since / 10)) < 1e-9) {
                years.add(times[i]);
                errors.add(Math.abs(predictedBirths[i] / exactBirths[i] - 1));
            }
        }
        return new ExactComparison(Math.sqrt(d2 / r2), dmax / rmax, Math.sqrt(o2 / q2),
                years.stream().mapToDouble(Double::doubleValue).toArray(), errors.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
