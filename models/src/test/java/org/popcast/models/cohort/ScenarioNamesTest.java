package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioNamesTest {

    /** The built-in paper-5x3 set: five fertility paths by three migration paths. */
    private static final List<String> PAPER = ScenarioSet.builtin("paper-5x3").names();

    @Test
    void exactNamesAndTheCentralDefault() {
        assertEquals("low-low", PAPER.get(0));
        assertEquals("medium-medium", ScenarioNames.name(PAPER, null));
        assertEquals("low-stable", ScenarioNames.name(PAPER, "low-stable"));
    }

    @Test
    void aShortFormThatNamesOneScenario() {
        assertEquals("medium-medium", ScenarioNames.name(PAPER, "medium"));
        assertEquals("low-low", ScenarioNames.name(PAPER, "low"));
        assertEquals("medium-low", ScenarioNames.name(PAPER, "medium-l"));
        assertEquals("very_high", ScenarioNames.name(List.of("low", "medium", "very_high"), "very"));
    }

    @Test
    void ambiguousAndUnknownFormsAreOneLineWithTheCandidates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioNames.resolve(PAPER, "med"));
        assertEquals("scenario 'med' is ambiguous: " + String.join(", ", PAPER.stream().filter(n -> n.startsWith("med")).toList()),
                e.getMessage());
        // no high-high (the migration paths are low, medium, stable): high stands for three scenarios
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioNames.resolve(PAPER, "high"));
        assertEquals("scenario 'high' is ambiguous: high-low, high-medium, high-stable", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioNames.resolve(List.of("low", "high"), "x"));
        assertEquals("no scenario 'x'; it has low, high", e.getMessage());
    }
}
