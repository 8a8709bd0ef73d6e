package org.popcast.models.agepde;

import java.nio.file.Path;
import java.util.List;

import org.popcast.data.input.AgeTableCsv;
import org.popcast.data.input.BuiltinData;
import org.popcast.data.input.ConfigNode;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFiles;
import org.popcast.data.input.YamlConfig;
import org.popcast.kernels.agepde.AgeFunction;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.Fertility;
import org.popcast.kernels.agepde.InitialDensity;
import org.popcast.kernels.agepde.Mortality;

/**
 * Reads scenario files (YAML) of the age-structured PDE. A scenario is data: the fertility shape
 * (the seed's quadratic or a table by age) with policy steps and a cap, the mortality (the seed's
 * linear-then-exponential form or a table), the initial density (the seed's formula or a table),
 * the time window, the age limit and the ageing speed. Tables come inline
 * ({@code table: {ages: [...], values: [...]}}) or from a CSV file with columns {@code age,value}
 * ({@code csv: file.csv}, relative to the scenario file).
 *
 * <p>A scenario's {@link PdeScenario#source() source} is self-contained: CSV tables are written
 * into it inline, so a result or model file carries its data and reading one back never opens a
 * path it names (a tampered file must not make popcast read {@code /etc/passwd}).
 */
public final class PdeScenarioReader {

    /** The policies of seed 001, shipped with popcast. */
    public static final List<String> BUILTIN = List.of("three-child", "two-child", "universal-two-child");

    private PdeScenarioReader() {
    }

    public static PdeScenario builtin(String name) {
        String text = BuiltinData.text("scenarios/pde/" + name + ".yaml");
        if (text == null) {
            throw new IllegalArgumentException("unknown policy '" + name + "', expected one of " + String.join(", ", BUILTIN));
        }
        return read(YamlConfig.parse("builtin:" + name + ".yaml", text), text, null);
    }

    public static PdeScenario read(Path file) {
        String text = InputFiles.readString(file);
        Path dir = file.toAbsolutePath().getParent();
        PdeScenario s = read(YamlConfig.parse(file.toString(), text), text, dir == null ? Path.of(".") : dir);
        List<Path> files = new java.util.ArrayList<>(s.files());
        files.add(0, file);
        return new PdeScenario(s.name(), s.description(), s.problem(), s.source(), List.copyOf(files));
    }

    /**
     * A scenario stored in a result or model file: its tables must be inline, a {@code csv:} entry
     * is an error (no file is opened).
     */
    public static PdeScenario stored(String label, String text) {
        return read(YamlConfig.parse(label, text), text, null);
    }

    /** {@code dir} is where CSV tables are read from, or null where no file may be read. */
    private static PdeScenario read(ConfigNode root, String text, Path dir) {
        InlineTables inline = new InlineTables(text);
        root.allowOnly("name", "description", "time", "max_age", "ageing_speed", "fertility", "mortality", "initial_density");
        ConfigNode time = root.get("time").allowOnly("start", "end");
        double start = time.number("start"), end = time.number("end");
        if (!(end > start)) {
            throw time.error("the time window is empty: end " + end + " must come after start " + start);
        }
        double maxAge = root.number("max_age", 100);
        if (!(maxAge > 0)) {
            throw root.get("max_age").error("the age limit must be > 0, got " + maxAge);
        }
        double speed = root.number("ageing_speed", 1);
        if (!(speed > 0)) {
            throw root.get("ageing_speed").error("the ageing speed must be > 0, got " + speed);
        }
        Fertility fertility = fertility(root.get("fertility"), new Tables(dir, inline, "fertility", "shape"));
        Mortality mortality = mortality(root.get("mortality"), new Tables(dir, inline, "mortality"));
        AgeFunction initial = initialDensity(root.get("initial_density"), new Tables(dir, inline, "initial_density"));
        String name = root.text("name", "custom");
        try {
            AgePdeProblem problem = new AgePdeProblem(start, end, maxAge, speed, mortality, fertility, initial);
            return new PdeScenario(name, root.text("description", ""), problem, inline.text(), inline.files());
        } catch (IllegalArgumentException e) {
            throw new InputException(root.file() + ": inconsistent scenario: " + e.getMessage());
        }
    }

    private static Fertility fertility(ConfigNode node, Tables dir) {
        node.allowOnly("shape", "steps", "cap");
        ConfigNode shapeNode = node.get("shape");
        Fertility.Shape shape = switch (shapeNode.oneOf("quadratic", "table", "csv")) {
            case "quadratic" -> {
                ConfigNode q = shapeNode.get("quadratic").allowOnly("scale", "from", "to");
                yield built(q, () -> Fertility.quadratic(q.number("scale"), q.number("from"), q.number("to")));
            }
            default -> {
                double[][] t = table(shapeNode, dir);
                yield built(shapeNode, () -> Fertility.table(t[0], t[1]));
            }
        };
        List<ConfigNode> steps = node.has("steps") ? node.list("steps") : List.of();
        double[] years = new double[steps.size()], increments = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            ConfigNode s = steps.get(i).allowOnly("year", "increment");
            years[i] = s.number("year");
            increments[i] = s.number("increment");
        }
        double cap = node.has("cap") ? node.number("cap") : Double.POSITIVE_INFINITY;
        if (!(cap > 0)) {
            throw node.get("cap").error("fertility cap must be > 0, got " + cap);
        }
        return built(node, () -> new Fertility(shape, years, increments, cap));
    }

    private static Mortality mortality(ConfigNode node, Tables dir) {
        if (node.oneOf("linear_exponential", "table", "csv").equals("linear_exponential")) {
            ConfigNode m = node.get("linear_exponential").allowOnly("mu0", "slope", "switch_age", "growth");
            return built(m, () -> Mortality.linearExponential(m.number("mu0"), m.number("slope"), m.number("switch_age"), m.number("growth")));
        }
        double[][] t = table(node, dir);
        return built(node, () -> Mortality.table(t[0], t[1]));
    }

    private static AgeFunction initialDensity(ConfigNode node, Tables dir) {
        if (node.oneOf("seed", "table", "csv").equals("seed")) {
            ConfigNode s = node.get("seed").allowOnly("scale", "decay", "amplitude", "frequency");
            return built(s, () -> InitialDensity.seed(s.number("scale"), s.number("decay"), s.number("amplitude"), s.number("frequency")));
        }
        double[][] t = table(node, dir);
        return built(node, () -> InitialDensity.table(t[0], t[1]));
    }

    /** Where a section's CSV tables come from, and where they are written inline. */
    private record Tables(Path dir, InlineTables inline, String... section) {
    }

    /** {ages, values} from an inline table or a CSV file (columns age,value). */
    private static double[][] table(ConfigNode node, Tables tables) {
        if (node.has("csv")) {
            if (tables.dir() == null) {
                throw node.get("csv").error("a stored scenario must carry its tables inline; 'csv:' is not read here");
            }
            Path file = tables.dir().resolve(node.text("csv"));
            double[][] t = AgeTableCsv.read(file, "value");
            tables.inline().put(t, file, tables.section());
            return t;
        }
        ConfigNode t = node.get("table").allowOnly("ages", "values");
        double[] ages = t.numbers("ages"), values = t.numbers("values");
        if (ages.length != values.length || ages.length < 2) {
            throw t.error("a table needs as many values as ages and at least two rows, got " + ages.length + " ages and "
                    + values.length + " values");
        }
        return new double[][] {ages, values};
    }

    /** Builds a kernel object, turning its validation error into one that names the place in the file. */
    private static <T> T built(ConfigNode node, java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
