package org.popcast.models.inverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.models.agepde.PdeScenarioReader;

/** {@code --observed} files: RFC 4180, one-line errors naming file, line and column. */
class ObservationsReaderTest {

    static final AgePdeProblem DOMAIN = PdeScenarioReader.builtin("three-child").problem(); // 2024-2054, ages 0-100

    private static Observations read(String text, int unknowns) {
        return ObservationsReader.read(CsvTable.parse("obs.csv", text), DOMAIN, unknowns);
    }

    private static String error(String text) {
        return assertThrows(InputException.class, () -> read(text, 2)).getMessage();
    }

    @Test
    void readsPointsInAnyColumnOrderWithQuotedCells() {
        Observations o = read("density,age,year,note\n1.5e7,0,2030,\"a, b\"\n2e6,99.5,2054,x\n", 2);
        assertArrayEquals(new double[] {2030, 2054}, o.years());
        assertArrayEquals(new double[] {0, 99.5}, o.ages());
        assertArrayEquals(new double[] {1.5e7, 2e6}, o.densities());
        assertArrayEquals(new int[] {2, 3}, o.lines());
    }

    @Test
    void refusesPointsOutsideTheDomainBadDensitiesDuplicatesAndTooFewPoints() {
        assertEquals("obs.csv:3:1: year 2060 is outside the scenario's time window 2024.0 .. 2054.0",
                error("year,age,density\n2030,1,5\n2060,1,5\n"));
        assertEquals("obs.csv:2:2: age 101 is outside the scenario's ages 0.0 .. 100.0", error("year,age,density\n2030,101,5\n2030,1,5\n"));
        assertEquals("obs.csv:2:3: density must be a finite number > 0 (the fit compares logarithms), got 0", error("year,age,density\n2030,1,0\n2031,1,5\n"));
        assertEquals("obs.csv:2:3: density must be a finite number > 0 (the fit compares logarithms), got -3",
                error("year,age,density\n2030,1,-3\n2031,1,5\n"));
        assertEquals("obs.csv:2:3: density must be a finite number > 0 (the fit compares logarithms), got NaN",
                error("year,age,density\n2030,1,NaN\n2031,1,5\n"));
        assertEquals("obs.csv:3:1: expected a number, got 'x'", error("year,age,density\n2030,1,5\nx,1,5\n"));
        assertEquals("obs.csv:4:2: year 2030.0, age 1.0 is observed twice (first on line 2)",
                error("year,age,density\n2030,1,5\n2031,1,5\n2030.0,1.0,6\n"));
        assertEquals("obs.csv: 1 observation for 2 unknowns; give at least as many observations as unknowns",
                error("year,age,density\n2030,1,5\n"));
        assertEquals("obs.csv:1: missing column 'density', expected columns year,age,density (found year,age,count)",
                error("year,age,count\n2030,1,5\n"));
    }
}
