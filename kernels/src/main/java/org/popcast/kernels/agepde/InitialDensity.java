package org.popcast.kernels.agepde;

/** Initial age densities P0(a), persons per year of age. */
public final class InitialDensity {

    private InitialDensity() {
    }

    /** The seed's P0(a) = scale exp(-decay a) (1 + amplitude sin(frequency a)). */
    public static AgeFunction seed(double scale, double decay, double amplitude, double frequency) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("initial density scale must be > 0, got " + scale);
        }
        if (!(Math.abs(amplitude) <= 1)) {
            throw new IllegalArgumentException("initial density amplitude must lie in [-1, 1] so the density stays >= 0, got "
                    + amplitude);
        }
        if (!Double.isFinite(decay) || !Double.isFinite(frequency)) {
            throw new IllegalArgumentException("initial density decay and frequency must be finite numbers");
        }
        return a -> scale * Math.exp(-decay * a) * (1 + amplitude * Math.sin(frequency * a));
    }

    /** A table of densities by age, linear in between. */
    public static AgeFunction table(double[] ages, double[] densities) {
        PiecewiseLinear table = new PiecewiseLinear(ages, densities);
        if (table.minValue() < 0) {
            throw new IllegalArgumentException("initial densities must be >= 0, the table has " + table.minValue());
        }
        return table;
    }
}
