package org.popcast.kernels.agepde;

/**
 * The McKendrick-von Foerster problem on ages [0, maxAge] and years [startYear, endYear]:
 *
 * <pre>
 *   dP/dt + v dP/da = -mu(a) P
 *   v P(0, t)       = integral b(a, t) P(a, t) da     (births per year, flux-consistent for v != 1)
 *   P(a, startYear) = P0(a)
 * </pre>
 *
 * v is the ageing speed in years of age per year (1 in a demographic model). Nothing is imposed
 * at maxAge: people leave the domain there.
 */
public record AgePdeProblem(double startYear, double endYear, double maxAge, double ageingSpeed,
                            Mortality mortality, Fertility fertility, AgeFunction initialDensity) {

    /** Named limits (docs/reliability.md): outside them no population is described and the solvers would hang. */
    public static final double AGEING_SPEED_MIN = 0.01, AGEING_SPEED_MAX = 100, MAX_AGE_LIMIT = 1000, WINDOW_LIMIT = 1000;

    public AgePdeProblem {
        if (!Double.isFinite(startYear) || !Double.isFinite(endYear) || !(endYear > startYear)) {
            throw new IllegalArgumentException("the time window needs start < end, got " + startYear + " .. " + endYear);
        }
        if (!(maxAge > 0) || !Double.isFinite(maxAge)) {
            throw new IllegalArgumentException("the age limit must be > 0, got " + maxAge);
        }
        if (!(ageingSpeed >= AGEING_SPEED_MIN && ageingSpeed <= AGEING_SPEED_MAX)) {
            throw new IllegalArgumentException("the ageing speed must be within " + AGEING_SPEED_MIN + " .. " + AGEING_SPEED_MAX
                    + " years of age per year, got " + ageingSpeed);
        }
        if (maxAge > MAX_AGE_LIMIT || endYear - startYear > WINDOW_LIMIT) {
            throw new IllegalArgumentException("the age limit and the time window are limited to " + MAX_AGE_LIMIT + " and "
                    + WINDOW_LIMIT + " years, got " + maxAge + " and " + (endYear - startYear));
        }
        if (!(fertility.minAge() > 0)) {
            // Births from newborns would make the renewal equation implicit; no population does that.
            throw new IllegalArgumentException("fertility must be zero below a positive age, it starts at " + fertility.minAge());
        }
        if (fertility.maxAge() > maxAge) {
            throw new IllegalArgumentException("fertility reaches age " + fertility.maxAge() + ", beyond the age limit " + maxAge);
        }
    }

    /**
     * The years t_j whose characteristics a = v (t - t_j) carry a jump of the density: the start
     * (initial data and births disagree at the corner) and every fertility step inside the window
     * (births jump there). Births themselves stay continuous after that: integrals smooth jumps.
     */
    public double[] jumpOrigins() {
        return java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(startYear),
                java.util.Arrays.stream(fertility.timeBreakpoints()).filter(y -> y > startYear && y < endYear)).toArray();
    }
}
