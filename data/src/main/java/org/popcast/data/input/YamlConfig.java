package org.popcast.data.input;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML settings file into {@link ConfigNode}s that remember where each value stood. */
public final class YamlConfig {

    private YamlConfig() {
    }

    public static ConfigNode read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    public static ConfigNode parse(String name, String text) {
        try (Reader reader = new StringReader(text)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                throw new InputException(name + ": the file is empty");
            }
            return new ConfigNode(name, "", root);
        } catch (MarkedYAMLException e) {
            throw new InputException(name + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
