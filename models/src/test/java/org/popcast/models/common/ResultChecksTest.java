package org.popcast.models.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.data.io.NetcdfDataset;

class ResultChecksTest {

    private static NetcdfDataset with(double... values) {
        long[] i = new long[values.length];
        for (int k = 0; k < i.length; k++) {
            i[k] = k;
        }
        return NetcdfDataset.builder().dimension("year", i, "1", "year").variable("population", List.of("year"), values, "persons", "p")
                .variable("births", List.of("year"), values, "persons", "b").build();
    }

    @Test
    void nanInfinityAndNegativeCountsAreRefusedWithTheVariableAndPlace() {
        assertDoesNotThrow(() -> ResultChecks.requireCounts(with(1, 0, 3), "population", "absent"));
        IllegalStateException nan = assertThrows(IllegalStateException.class, () -> ResultChecks.requireCounts(with(1, Double.NaN), "population"));
        assertTrue(nan.getMessage().contains("population is NaN at element 1 of 2"), nan.getMessage());
        assertThrows(IllegalStateException.class, () -> ResultChecks.requireCounts(with(1, -1), "population"));
        assertThrows(IllegalStateException.class, () -> ResultChecks.requireFinite(with(Double.POSITIVE_INFINITY), "population"));
        assertDoesNotThrow(() -> ResultChecks.requireFinite(with(-5), "population"), "finite may be negative (net migration)");
        assertDoesNotThrow(() -> ResultChecks.requireCountsWhereDefined(with(Double.NaN, 4), "births"), "NaN: not defined here");
        assertThrows(IllegalStateException.class, () -> ResultChecks.requireCountsWhereDefined(with(Double.NaN, -4), "births"));
        assertThrows(IllegalStateException.class, () -> ResultChecks.requireCountsWhereDefined(with(Double.NEGATIVE_INFINITY), "births"));
    }
}
