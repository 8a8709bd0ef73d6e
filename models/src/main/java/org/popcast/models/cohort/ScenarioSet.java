package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.BuiltinData;
import org.popcast.data.input.ConfigNode;
import org.popcast.data.input.InputException;
import org.popcast.data.input.YamlConfig;

/**
 * Scenario files: named fertility (TFR) paths and named migration-scale paths; the scenarios are
 * every fertility path with every migration path, named "fertility-migration" (or just the
 * fertility name when there are no migration paths). Built-in files live under
 * {@code scenarios/cohort/}.
 */
public record ScenarioSet(String description, List<Scenario> scenarios, String source) {

    public static final List<String> BUILTIN = List.of("paper-5x3", "paper-fertility");
    /** Earlier names of the built-in sets, still accepted (projection.yaml files written with them). */
    private static final Map<String, String> FORMER_NAMES = Map.of("seed-5x3", "paper-5x3", "seed-fertility", "paper-fertility");

    /** {@code builtin:NAME} or a file's text. */
    public static ScenarioSet read(String name, String text) {
        ConfigNode root = YamlConfig.parse(name, text).allowOnly("description", "fertility", "migration");
        Map<String, TimePath> fertility = paths(root, "fertility", 0, 10);
        Map<String, TimePath> migration = paths(root, "migration", 0, 100);
        List<Scenario> list = new ArrayList<>();
        for (Map.Entry<String, TimePath> f : fertility.entrySet()) {
            if (migration.isEmpty()) {
                list.add(new Scenario(f.getKey(), f.getValue(), null));
            }
            for (Map.Entry<String, TimePath> m : migration.entrySet()) {
                list.add(new Scenario(f.getKey() + "-" + m.getKey(), f.getValue(), m.getValue()));
            }
        }
        if (fertility.isEmpty()) {
            migration.forEach((k, v) -> list.add(new Scenario(k, null, v)));
        }
        if (list.isEmpty()) {
            throw root.error("expected fertility and/or migration paths");
        }
        return new ScenarioSet(root.text("description", ""), list, text);
    }

    /**
     * The index of the central scenario, what a reader means by "the projection" when none is
     * named: {@code medium-medium} (or {@code medium}) where it exists, else the middle of the list.
     */
    public static int central(List<String> names) {
        for (String name : List.of("medium-medium", "medium")) {
            if (names.contains(name)) {
                return names.indexOf(name);
            }
        }
        return names.size() / 2;
    }

    public static ScenarioSet builtin(String given) {
        String name = FORMER_NAMES.getOrDefault(given, given);
        String text = BuiltinData.text("scenarios/cohort/" + name + ".yaml");
        if (text == null) {
            throw new InputException("unknown built-in scenario set '" + name + "', expected one of " + String.join(", ", BUILTIN));
        }
        return read("builtin:" + name + ".yaml", text);
    }

    /**
     * The scenarios named by a setting: {@code builtin:NAME}, a file (relative to the input folder
     * when it comes from projection.yaml), or null for the input's own rates.
     */
    public static ScenarioSet resolve(String ref, org.popcast.data.input.InputFolder folder) {
        if (ref == null) {
            return baseline();
        }
        if (ref.startsWith("builtin:")) {
            return builtin(ref.substring("builtin:".length()));
        }
        return read(folder.name(ref), folder.text(ref));
    }

    /** The input's own rates only: one scenario named "baseline". */
    public static ScenarioSet baseline() {
        return new ScenarioSet("the input's rates", List.of(new Scenario("baseline", null, null)), "");
    }

    public List<String> names() {
        return scenarios.stream().map(Scenario::name).toList();
    }

    private static Map<String, TimePath> paths(ConfigNode root, String key, double min, double max) {
        Map<String, TimePath> out = new java.util.LinkedHashMap<>();
        if (root.has(key)) {
            ConfigNode node = root.get(key);
            for (String name : node.keys()) {
                if (!name.matches("[A-Za-z0-9_.]+")) {
                    throw node.get(name).error("scenario names are letters, digits, '_' and '.', got '" + name + "'");
                }
                out.put(name, TimePath.read(node.get(name), min, max));
            }
        }
        return out;
    }
}
