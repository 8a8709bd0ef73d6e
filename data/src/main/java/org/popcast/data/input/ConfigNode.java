package org.popcast.data.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a YAML settings file, with typed getters whose errors name the file, line, column
 * and key, and say what was expected.
 */
public final class ConfigNode {

    private final String file;
    private final String path;
    private final Node node;

    ConfigNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** "file:line:column (key)", for messages. */
    public String where() {
        return file + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1)
                + (path.isEmpty() ? "" : " (" + path + ")");
    }

    public InputException error(String message) {
        return new InputException(where() + ": " + message);
    }

    public String file() {
        return file;
    }

    public boolean has(String key) {
        return entries().containsKey(key);
    }

    public Set<String> keys() {
        return entries().keySet();
    }

    public ConfigNode get(String key) {
        Node child = entries().get(key);
        if (child == null) {
            throw error("missing key '" + key + "'");
        }
        return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, child);
    }

    /** Rejects keys other than these, so a misspelt setting is never silently ignored. */
    public ConfigNode allowOnly(String... allowed) {
        for (String key : keys()) {
            if (!List.of(allowed).contains(key)) {
                throw get(key).error("unknown key '" + key + "', expected one of " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** Exactly one of these keys must be present: the name of the chosen form. */
    public String oneOf(String... forms) {
        List<String> present = new ArrayList<>();
        for (String f : forms) {
            if (has(f)) {
                present.add(f);
            }
        }
        if (present.size() != 1) {
            throw error("expected exactly one of " + String.join(", ", forms) + ", found "
                    + (present.isEmpty() ? "none" : String.join(", ", present)));
        }
        allowOnly(forms);
        return present.get(0);
    }

    /** A list ({@code [a, b]} or one item per line). */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** No value: an empty entry, {@code ~} or {@code null}. */
    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    public String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    public String text(String key) {
        return get(key).text();
    }

    public String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    public double number() {
        String s = text().trim();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw error("expected a finite number, got '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + s + "'");
        }
    }

    public double number(String key) {
        return get(key).number();
    }

    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    public List<ConfigNode> list() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new ConfigNode(file, path + "[" + i + "]", seq.getValue().get(i)));
        }
        return out;
    }

    public List<ConfigNode> list(String key) {
        return get(key).list();
    }

    public double[] numbers(String key) {
        return get(key).list().stream().mapToDouble(ConfigNode::number).toArray();
    }

    private Map<String, Node> entries() {
        if (!(node instanceof MappingNode map)) {
            throw error("expected a mapping of keys to values");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (out.put(key, t.getValueNode()) != null) {
                throw new ConfigNode(file, path, t.getKeyNode()).error("duplicate key '" + key + "'");
            }
        }
        return out;
    }
}
