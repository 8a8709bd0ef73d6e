package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Inputs that used to hang or overflow fail at once, naming the limit (docs/reliability.md). */
class NamedLimitsTest {

    private static AgePdeProblem withSpeed(double speed) {
        return new AgePdeProblem(2024, 2054, 100, speed, PaperProblems.MORTALITY, PaperProblems.threeChild(), PaperProblems.INITIAL);
    }

    @Test
    void ageingSpeedWindowAndAgeLimitAreBounded() {
        assertDoesNotThrow(() -> withSpeed(0.3));
        for (double speed : new double[] {1e4, 1e300, 1e-20, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withSpeed(speed));
            assertTrue(e.getMessage().contains("within 0.01 .. 100"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new AgePdeProblem(0, 5000, 100, 1, PaperProblems.MORTALITY,
                PaperProblems.threeChild(), PaperProblems.INITIAL));
    }

    @Test
    void quadratureAndGridAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> new ExactSolverSettings(16, 1e-300, 16, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExactSolverSettings(16, 5, 16, 1e-300));
        assertThrows(IllegalArgumentException.class, () -> new ExactSolverSettings(1000, 5, 16, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgePdeSolution.uniformGrid(0, 100, 1e-308, "age"));
        assertTrue(e.getMessage().contains("more than 10 million points") && !e.getMessage().contains("-9223372036854775808"),
                e.getMessage());
    }

    @Test
    void singleYearTablesAndAHalfYearDensityDoNotOverflowTheStack() {
        double[] fa = java.util.stream.IntStream.rangeClosed(15, 50).asDoubleStream().toArray();
        double[] fv = java.util.Arrays.stream(fa).map(a -> a == 15 || a == 50 ? 0 : 0.06).toArray();
        double[] ma = java.util.stream.IntStream.rangeClosed(0, 200).mapToDouble(i -> i * 0.5).toArray();
        double[] mv = java.util.Arrays.stream(ma).map(a -> 0.001 * Math.exp(0.07 * a)).toArray();
        double[] da = java.util.stream.IntStream.rangeClosed(0, 1000).mapToDouble(i -> i * 0.1).toArray();
        double[] dv = java.util.Arrays.stream(da).map(a -> 1e6 * Math.exp(-0.02 * a)).toArray();
        AgePdeProblem p = new AgePdeProblem(2024, 2034, 100, 1, Mortality.table(ma, mv), Fertility.of(Fertility.table(fa, fv)),
                InitialDensity.table(da, dv));
        // on a thread with a small stack, as a worker thread has: nested stream concatenation overflowed it
        double[] births = new double[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                births[0] = new ExactMvfSolver(p, ExactSolverSettings.DEFAULT).births(2030);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        assertDoesNotThrow(() -> t.join());
        assertTrue(failure[0] == null, "no " + failure[0]);
        assertTrue(births[0] > 0 && Double.isFinite(births[0]), "births " + births[0]);
    }
}
