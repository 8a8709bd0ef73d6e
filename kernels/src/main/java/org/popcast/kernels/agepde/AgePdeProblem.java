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

    public AgePdeProblem {
        if (!Double.isFinite(startYear) || !Double.isFinite(endYear) || !(endYear > startYear)) {
            throw new IllegalArgumentException("the time window needs start < end, got " + startYear + " .. " + endYear);
        }
        if (!(maxAge > 0) || !Double.isFinite(maxAge)) {
            throw new IllegalArgumentException("the age limit must be > 0, got " + maxAge);
        }
        if (!(ageingSpeed > 0) || !Double.isFinite(ageingSpeed)) {
            throw new IllegalArgumentException("the ageing speed must be > 0, got " + ageingSpeed);
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
