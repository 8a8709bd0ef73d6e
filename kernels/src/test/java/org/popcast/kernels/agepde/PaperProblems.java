package org.popcast.kernels.agepde;

/**
 * The source paper's problems (McKendrick-von Foerster, ages 0..100, 2024..2054: seed-notes.md),
 * shared by the tests of every module through the kernels test-jar.
 */
public final class PaperProblems {

    public static final Mortality MORTALITY = Mortality.linearExponential(0.006805083, 0.0003, 60, 0.06);
    public static final AgeFunction INITIAL = InitialDensity.seed(9.54e6, 0.02, 0.3, 0.2);

    private PaperProblems() {
    }

    public static Fertility threeChild() {
        return new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2014, 2016, 2021},
                new double[] {0.2, 0.2, 0.2}, 0.25);
    }

    public static Fertility twoChild() {
        return new Fertility(Fertility.quadratic(0.0022, 20, 35), new double[] {2024}, new double[] {0.2}, 0.20);
    }

    public static AgePdeProblem problem(Fertility fertility, double endYear) {
        return new AgePdeProblem(2024, endYear, 100, 1, MORTALITY, fertility, INITIAL);
    }
}
