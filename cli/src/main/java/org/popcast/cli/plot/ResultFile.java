package org.popcast.cli.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.popcast.data.input.InputException;
import org.popcast.data.io.CfUnits;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;

/**
 * A popcast result read back for plotting: its product, coordinates and variables, with errors that
 * name the file and what was expected, and axis titles made from the variables' units.
 */
public final class ResultFile {

    private final Path file;
    private final NetcdfDataset data;

    private ResultFile(Path file, NetcdfDataset data) {
        this.file = file;
        this.data = data;
    }

    public static ResultFile read(Path file) throws IOException {
        return new ResultFile(file, NetcdfReader.read(file));
    }

    /** For results built in memory (tests). */
    public static ResultFile of(Path file, NetcdfDataset data) {
        return new ResultFile(file, data);
    }

    public Path file() {
        return file;
    }

    public NetcdfDataset data() {
        return data;
    }

    public String product() {
        Object p = data.attributes().get("product");
        if (!(p instanceof String s) || s.isBlank()) {
            throw new InputException(file + " is not a popcast result (no 'product' attribute)");
        }
        return s;
    }

    /** The file's title attribute, or its product. */
    public String title() {
        return data.attributes().get("title") instanceof String s ? s : product();
    }

    public String text(String attribute, String otherwise) {
        Object v = data.attributes().get(attribute);
        return v == null ? otherwise : String.valueOf(v);
    }

    public double number(String attribute) {
        return data.attributes().get(attribute) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public boolean has(String variable) {
        return data.variable(variable) != null;
    }

    public NetcdfDataset.Variable variable(String name) {
        NetcdfDataset.Variable v = data.variable(name);
        if (v == null) {
            throw new InputException(file + ": no variable '" + name + "', which a " + product() + " file has");
        }
        return v;
    }

    public double[] values(String variable) {
        return variable(variable).data();
    }

    /** A numeric coordinate (float or integer) as doubles. */
    public double[] coordinate(String dimension) {
        NetcdfDataset.Dimension d = dimension(dimension);
        return switch (d.type()) {
            case FLOAT64 -> d.doubleValues();
            case INT64 -> Arrays.stream(d.longValues()).asDoubleStream().toArray();
            case STRING -> throw new InputException(file + ": dimension '" + dimension + "' holds labels, not numbers");
        };
    }

    public List<String> labels(String dimension) {
        NetcdfDataset.Dimension d = dimension(dimension);
        if (d.type() != NetcdfDataset.Dimension.Type.STRING) {
            throw new InputException(file + ": dimension '" + dimension + "' holds numbers, not labels");
        }
        return List.of(d.stringValues());
    }

    private NetcdfDataset.Dimension dimension(String name) {
        NetcdfDataset.Dimension d = data.dimension(name);
        if (d == null) {
            throw new InputException(file + ": no dimension '" + name + "', which a " + product() + " file has");
        }
        return d;
    }

    /** The unit people read: display_units ("persons per year") where the UDUNITS units hide the persons. */
    public String units(String variable) {
        return CfUnits.readable(variable(variable).attributes());
    }

    /** "births (persons per year)": a name and its units, without the dimensionless "1". */
    public static String axisTitle(String name, String units) {
        return units == null || units.isBlank() || units.equals("1") || units.equals(name) ? name : name + " (" + units + ")";
    }

    /** A dimension's axis title from its long name and units, e.g. "age (year)". */
    public String coordinateTitle(String dimension, String name) {
        return axisTitle(name, dimension(dimension).units());
    }
}
