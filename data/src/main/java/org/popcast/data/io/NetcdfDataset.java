package org.popcast.data.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable in-memory description of one netCDF-4-compatible result file: global attributes,
 * dimensions (each a 1-D coordinate of the same name) and float64 variables over those dimensions.
 * {@link NetcdfWriter} turns it into HDF5. Arrays are copied on the way in and out so that a
 * dataset cannot change after it was checked.
 */
public final class NetcdfDataset {

    /** Names the HDF5 dimension-scale API and netCDF use for their own bookkeeping. */
    private static final List<String> RESERVED_ATTRIBUTES = List.of(
            "CLASS", "NAME", "DIMENSION_LIST", "REFERENCE_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates",
            "_NCProperties");

    private final Map<String, Object> attributes;
    private final Map<String, Dimension> dimensions;
    private final Map<String, Variable> variables;

    private NetcdfDataset(Builder b) {
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.dimensions));
        Map<String, Variable> vars = new LinkedHashMap<>();
        b.variables.forEach((name, v) -> vars.put(name, v.build()));
        this.variables = Collections.unmodifiableMap(vars);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Global attributes in insertion order; values are String, Double or Long. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Dimensions in insertion order (the order they are written and numbered in). */
    public List<Dimension> dimensions() {
        return List.copyOf(dimensions.values());
    }

    public List<Variable> variables() {
        return List.copyOf(variables.values());
    }

    /** The named dimension, or null. */
    public Dimension dimension(String name) {
        return dimensions.get(name);
    }

    /** The named variable, or null. */
    public Variable variable(String name) {
        return variables.get(name);
    }

    /** A dimension and its coordinate values: exactly one of double[], long[] or String[]. */
    public static final class Dimension {
        public enum Type { FLOAT64, INT64, STRING }

        private final String name;
        private final Object values;
        private final String units;
        private final String longName;

        private Dimension(String name, Object values, String units, String longName) {
            this.name = name;
            this.values = values;
            this.units = units;
            this.longName = longName;
        }

        public String name() {
            return name;
        }

        public Type type() {
            return values instanceof double[] ? Type.FLOAT64 : values instanceof long[] ? Type.INT64 : Type.STRING;
        }

        public int size() {
            return java.lang.reflect.Array.getLength(values);
        }

        public double[] doubleValues() {
            return ((double[]) as(Type.FLOAT64)).clone();
        }

        public long[] longValues() {
            return ((long[]) as(Type.INT64)).clone();
        }

        public String[] stringValues() {
            return ((String[]) as(Type.STRING)).clone();
        }

        /** The units, or null for string labels (units do not apply to them). */
        public String units() {
            return units;
        }

        public String longName() {
            return longName;
        }

        private Object as(Type wanted) {
            if (type() != wanted) {
                throw new IllegalStateException("dimension " + name + " is " + type() + ", not " + wanted);
            }
            return values;
        }
    }

    /** A float64 variable; data are row-major (C order) over its dimensions. */
    public static final class Variable {
        private final String name;
        private final List<String> dims;
        private final long[] shape;
        private final double[] data;
        private final Map<String, Object> attributes;

        private Variable(String name, List<String> dims, long[] shape, double[] data, Map<String, Object> attributes) {
            this.name = name;
            this.dims = dims;
            this.shape = shape;
            this.data = data;
            this.attributes = attributes;
        }

        public String name() {
            return name;
        }

        /** Dimension names, outermost first; empty for a scalar. */
        public List<String> dims() {
            return dims;
        }

        public long[] shape() {
            return shape.clone();
        }

        public double[] data() {
            return data.clone();
        }

        /** The data themselves, for the writer (a projection's population is hundreds of MB: no copy). */
        double[] values() {
            return data;
        }

        /**
         * The index of the first value matching {@code p}, or -1; reads the data in place (a copy of
         * a projection's population would be hundreds of MB).
         */
        public int indexOf(java.util.function.DoublePredicate p) {
            for (int i = 0; i < data.length; i++) {
                if (p.test(data[i])) {
                    return i;
                }
            }
            return -1;
        }

        /** The value at a flat index (row-major), without copying the data. */
        public double value(int i) {
            return data[i];
        }

        /** The number of values. */
        public int size() {
            return data.length;
        }

        /** {@code units} and {@code long_name} first, then the extra ones; values are String or Double. */
        public Map<String, Object> attributes() {
            return attributes;
        }
    }

    public static final class Builder {
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Map<String, Dimension> dimensions = new LinkedHashMap<>();
        private final Map<String, VariableDraft> variables = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder attribute(String name, String value) {
            return globalAttribute(name, Objects.requireNonNull(value, () -> "attribute " + name + ": null value"));
        }

        public Builder attribute(String name, double value) {
            return globalAttribute(name, value);
        }

        public Builder attribute(String name, long value) {
            return globalAttribute(name, value);
        }

        public Builder dimension(String name, double[] values, String units, String longName) {
            return addDimension(name, values.clone(), requireText(units, name, "units"), longName);
        }

        /** An integer coordinate, e.g. calendar {@code year} (xarray cannot decode "years since"). */
        public Builder dimension(String name, long[] values, String units, String longName) {
            return addDimension(name, values.clone(), requireText(units, name, "units"), longName);
        }

        /** String labels such as region or sex; no units. */
        public Builder dimension(String name, String[] values, String longName) {
            for (String v : values) {
                if (v == null) {
                    throw new IllegalArgumentException("dimension " + name + ": null label");
                }
            }
            return addDimension(name, values.clone(), null, longName);
        }

        /** Adds a float64 variable; {@code dims} must already be declared, data row-major over them. */
        public Builder variable(String name, List<String> dims, double[] data, String units, String longName) {
            return add(name, dims, data.clone(), units, longName);
        }

        private Builder add(String name, List<String> dims, double[] data, String units, String longName) {
            checkName(name, "variable");
            if (variables.containsKey(name) || dimensions.containsKey(name)) {
                throw new IllegalArgumentException("variable " + name + ": name already used");
            }
            long[] shape = new long[dims.size()];
            long size = 1;
            for (int i = 0; i < shape.length; i++) {
                Dimension d = dimensions.get(dims.get(i));
                if (d == null) {
                    throw new IllegalArgumentException("variable " + name + ": unknown dimension " + dims.get(i)
                            + " (declared: " + dimensions.keySet() + ")");
                }
                shape[i] = d.size();
                size *= shape[i];
            }
            if (data.length != size) {
                throw new IllegalArgumentException("variable " + name + dims + ": data has " + data.length
                        + " values but the dimensions " + Arrays.toString(shape) + " need " + size);
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("units", requireText(units, name, "units"));
            attrs.put("long_name", requireText(longName, name, "long_name"));
            variables.put(name, new VariableDraft(name, List.copyOf(dims), shape, data, attrs));
            return this;
        }

        /**
         * As {@link #variable}, but the dataset keeps {@code data} itself (no copy of a large array):
         * the caller hands it over and must not change it afterwards.
         */
        public Builder variableOwning(String name, List<String> dims, double[] data, String units, String longName) {
            return add(name, dims, data, units, longName);
        }

        public Builder variableAttribute(String variable, String name, String value) {
            return putVariableAttribute(variable, name, requireText(value, variable, name));
        }

        public Builder variableAttribute(String variable, String name, double value) {
            return putVariableAttribute(variable, name, value);
        }

        public NetcdfDataset build() {
            return new NetcdfDataset(this);
        }

        private Builder globalAttribute(String name, Object value) {
            checkAttributeName(name, "global attribute");
            attributes.put(name, value);
            return this;
        }

        private Builder addDimension(String name, Object values, String units, String longName) {
            checkName(name, "dimension");
            if (dimensions.containsKey(name) || variables.containsKey(name)) {
                throw new IllegalArgumentException("dimension " + name + ": name already used");
            }
            dimensions.put(name, new Dimension(name, values, units, requireText(longName, name, "long_name")));
            return this;
        }

        private Builder putVariableAttribute(String variable, String name, Object value) {
            VariableDraft v = variables.get(variable);
            if (v == null) {
                throw new IllegalArgumentException("attribute " + name + ": no variable " + variable);
            }
            checkAttributeName(name, "attribute of " + variable);
            v.attributes.put(name, value);
            return this;
        }

        private static void checkName(String name, String what) {
            // '/' would make a group path in HDF5, "." and ".." are not link names, and the C API
            // would silently cut a name at a NUL.
            if (name == null || name.isEmpty() || name.contains("/") || name.contains("\0")
                    || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException(what + " name is empty or not a plain name: " + name);
            }
        }

        private static void checkAttributeName(String name, String what) {
            checkName(name, what);
            if (RESERVED_ATTRIBUTES.contains(name)) {
                throw new IllegalArgumentException(what + ": " + name + " is reserved for HDF5/netCDF bookkeeping");
            }
        }

        private static String requireText(String value, String owner, String what) {
            if (value == null) {
                throw new IllegalArgumentException(owner + ": " + what + " is null");
            }
            return value;
        }
    }

    /** A variable while its extra attributes may still be added. */
    private record VariableDraft(String name, List<String> dims, long[] shape, double[] data,
                                 Map<String, Object> attributes) {
        Variable build() {
            return new Variable(name, dims, shape, data, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }
    }
}
