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
}
