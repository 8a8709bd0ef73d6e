package org.popcast.models.agepde;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A scenario's YAML text with the CSV tables it named written in as {@code table: {ages, values}},
 * so the text stored in a result or model file is the whole scenario. Without CSV tables the text
 * is kept verbatim (comments and all).
 */
final class InlineTables {

    private record Entry(double[][] table, String[] section) {
    }

    private final String text;
    private final List<Entry> entries = new ArrayList<>();
    private final List<java.nio.file.Path> files = new ArrayList<>();

    InlineTables(String text) {
        this.text = text;
    }

    /** Records that the mapping at {@code section} (e.g. fertility, shape) read {@code table} from {@code file}. */
    void put(double[][] table, java.nio.file.Path file, String... section) {
        entries.add(new Entry(table, section));
        files.add(file);
    }

    /** The CSV files read. */
    List<java.nio.file.Path> files() {
        return List.copyOf(files);
    }

    /** The self-contained text. */
    String text() {
        if (entries.isEmpty()) {
            return text;
        }
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        for (Entry e : entries) {
            Map<String, Object> node = mapping(root, e.section());
            node.remove("csv");
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("ages", list(e.table()[0]));
            table.put("values", list(e.table()[1]));
            node.put("table", table);
        }
        DumperOptions options = new DumperOptions();
        options.setWidth(120);
        return "# popcast: the scenario as read, with its CSV tables inline\n" + new Yaml(options).dump(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Map<String, Object> root, String[] section) {
        Map<String, Object> node = root;
        for (String key : section) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
