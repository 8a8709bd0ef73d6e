package org.popcast.models.cohort;

import java.util.List;

/**
 * Finds a scenario by the name a user types. Scenario names are "fertility-migration"
 * (medium-medium, low-high), which users shorten to the fertility path (medium) as reports and
 * the README do; a short form is taken when it names one scenario only, so a typo never silently
 * picks a different projection.
 */
public final class ScenarioNames {

    private ScenarioNames() {
    }

    /**
     * The index of {@code given} in {@code names}: the exact name; else the one scenario whose
     * parts all equal it (medium for medium-medium); else the one name it is a prefix of. Null
     * gives the central scenario ({@link ScenarioSet#central}).
     *
     * @throws IllegalArgumentException one line naming the candidates when none or several match
     */
    public static int resolve(List<String> names, String given) {
        if (given == null) {
            return ScenarioSet.central(names);
        }
        if (names.contains(given)) {
            return names.indexOf(given);
        }
        List<String> repeated = names.stream().filter(n -> repeats(n, given)).toList();
        if (repeated.size() == 1) {
            return names.indexOf(repeated.get(0));
        }
        List<String> prefixed = names.stream().filter(n -> n.startsWith(given)).toList();
        if (prefixed.size() == 1) {
            return names.indexOf(prefixed.get(0));
        }
        if (prefixed.isEmpty()) {
            throw new IllegalArgumentException("no scenario '" + given + "'; it has " + String.join(", ", names));
        }
        throw new IllegalArgumentException("scenario '" + given + "' is ambiguous: " + String.join(", ", prefixed));
    }

    /** The exact name {@code given} stands for, as {@link #resolve}. */
    public static String name(List<String> names, String given) {
        return names.get(resolve(names, given));
    }

    /** medium-medium repeats medium; medium-low does not. */
    private static boolean repeats(String name, String part) {
        String[] parts = name.split("-", -1);
        return parts.length > 1 && java.util.Arrays.stream(parts).allMatch(part::equals);
    }
}
