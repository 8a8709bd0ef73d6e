package org.popcast.kernels.agepde;

/**
 * {@link Fertility#ageBreakpoints} by time, made once per policy multiplier: they change only when
 * a step is taken, yet the renewal equation asks for them at every node. Ascending. One thread.
 */
final class FertilityKinks {

    private final Fertility fertility;
    private double multiplier = Double.NaN;
    private double[] kinks;

    FertilityKinks(Fertility fertility) {
        this.fertility = fertility;
    }

    double[] at(double time) {
        double m = fertility.multiplier(time);
        if (kinks == null || Double.compare(m, multiplier) != 0) {
            kinks = fertility.ageBreakpoints(time);
            multiplier = m;
        }
        return kinks;
    }
}
