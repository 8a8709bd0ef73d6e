package org.popcast.data.input;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML settings file into {@link ConfigNode}s that remember where each value stood. */
public final class YamlConfig {

    private YamlConfig() {
    }

    public static ConfigNode read(Path file) {
        return parse(file.toString(), InputFiles.readString(file));
    }

    /**
     * Named limits (docs/reliability.md): settings and scenario files are small, and SnakeYAML's
     * scanner is quadratic in a long scalar (3 MB took 5 s); aliases and nesting are bounded so an
     * alias bomb fails at once.
     */
    public static final int MAX_CHARACTERS = 1 << 20, MAX_ALIASES = 50, MAX_NESTING = 50;

    public static ConfigNode parse(String name, String text) {
        if (text.length() > MAX_CHARACTERS) {
            throw new InputException(name + ": " + text.length() + " characters, more than the " + MAX_CHARACTERS
                    + " a settings or scenario file may have (put large tables in CSV files)");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARACTERS + 1);
        try (Reader reader = new StringReader(text)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new InputException(name + ": the file is empty");
            }
            return new ConfigNode(name, "", root);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1);
            throw new InputException(name + where + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            // aliases, nesting or size beyond the limits above
            throw new InputException(name + ": not accepted as YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
