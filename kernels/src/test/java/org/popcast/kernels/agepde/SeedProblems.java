package org.popcast.kernels.agepde;

/** The problems of seed 001 (McKendrick-von Foerster, ages 0..100, 2024..2054), shared by tests. */
final class SeedProblems {

    static final Mortality MORTALITY = Mortality.linearExponential(0.006805083, 0.0003, 60, 0.06);
    static final AgeFunction INITIAL = InitialDensity.seed(9.54e6, 0.02, 0.3, 0.2);

    private SeedProblems() {
    }

    static Fertility threeChild() {
        return new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2014, 2016, 2021},
                new double[] {0.2, 0.2, 0.2}, 0.25);
    }

    static Fertility twoChild() {
        return new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2024}, new double[] {0.2}, 0.20);
    }

    static AgePdeProblem problem(Fertility fertility, double endYear) {
        return new AgePdeProblem(2024, endYear, 100, 1, MORTALITY, fertility, INITIAL);
    }
}
