package org.popcast.data.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable in-memory description of one netCDF-4-compatible result file: global attributes,
 * dimensions (each a 1-D coordinate of the same name) and variables over those dimensions: float64
 * results, int8 flags, int32 indices and text labels.
 * {@link NetcdfWriter} turns it into HDF5. Arrays are copied on the way in and out so that a
 * dataset cannot change after it was checked.
 */
public final class NetcdfDataset {

    /** Names the HDF5 dimension-scale API and netCDF use for their own bookkeeping. */
    private static final List<String> RESERVED_ATTRIBUTES = List.of(
            "CLASS", "NAME", "DIMENSION_LIST", "REFERENCE_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates",
            "_NCProperties");

    /** The container variable of CF 1.11 quantization ({@link Builder#quantize}). */
    public static final String QUANTIZATION = "quantization_info";

    /** long_name of calendar-year coordinates, which have no units (formats.md). */
    public static final String CALENDAR_YEAR = "calendar year";
    /** long_name of fractional calendar-year coordinates (PDE time), which have no units either. */
    public static final String FRACTIONAL_CALENDAR_YEARS = "time in fractional calendar years (2020.5: mid-2020)";

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

        /** The units, or null where none apply: string labels and calendar years (formats.md). */
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

    /**
     * The values of a float64 variable in row-major order, read in runs: an array, or values
     * computed when the writer asks for them (a city projection's population summed into provinces
     * would otherwise be a second copy of hundreds of MB). Reads may come from several threads at once.
     */
    public interface Values {
        long size();

        /** Copies values {@code start .. start + length - 1} into {@code dst[offset ..]}. */
        void read(long start, double[] dst, int offset, int length);

        static Values of(double[] data) {
            return new ArrayValues(data);
        }
    }

    /** Values rounded to a number of significant bits as they are read ({@link BitRound}). */
    private record RoundedValues(Values values, BitRound round) implements Values {
        @Override
        public long size() {
            return values.size();
        }

        @Override
        public void read(long start, double[] dst, int offset, int length) {
            values.read(start, dst, offset, length);
            round.roundInPlace(dst, offset, length);
        }
    }

    private record ArrayValues(double[] data) implements Values {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public void read(long start, double[] dst, int offset, int length) {
            System.arraycopy(data, Math.toIntExact(start), dst, offset, length);
        }
    }

    /**
     * A variable; data are row-major (C order) over its dimensions. Results are float64 (held, or
     * computed when read: {@link Values}); flags are
     * int8 ({@link CfFlags}), indices int32 and labels (region names) variable-length UTF-8 text.
     */
    public static final class Variable {
        public enum Type { FLOAT64, INT32, INT8, STRING }

        /** Values read at a time when a computed variable is scanned. */
        private static final int BLOCK = 1 << 16;

        private final String name;
        private final List<String> dims;
        private final long[] shape;
        /** double[], {@link Values} (computed float64), int[], byte[] or String[], after {@link #type()}. */
        private final Object data;
        private final Map<String, Object> attributes;

        private Variable(String name, List<String> dims, long[] shape, Object data, Map<String, Object> attributes) {
            this.name = name;
            this.dims = dims;
            this.shape = shape;
            this.data = data;
            this.attributes = attributes;
        }

        public String name() {
            return name;
        }

        public Type type() {
            return typeOf(data);
        }

        /** Dimension names, outermost first; empty for a scalar. */
        public List<String> dims() {
            return dims;
        }

        public long[] shape() {
            return shape.clone();
        }

        /** The numbers as doubles (integers widened exactly); text has none. */
        public double[] data() {
            if (data instanceof double[] d) {
                return d.clone();
            }
            double[] out = new double[size()];
            if (data instanceof Values v) {
                v.read(0, out, 0, out.length);
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = value(i);
            }
            return out;
        }

        /** The integers of an INT32 or INT8 variable. */
        public int[] ints() {
            if (data instanceof int[] v) {
                return v.clone();
            }
            if (data instanceof byte[] v) {
                int[] out = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i];
                }
                return out;
            }
            throw new IllegalStateException("variable " + name + " is " + type() + ", not integer");
        }

        /** The labels of a STRING variable. */
        public String[] strings() {
            if (data instanceof String[] v) {
                return v.clone();
            }
            throw new IllegalStateException("variable " + name + " is " + type() + ", not text");
        }

        /** The float64 data themselves, for the writer: no copy, computed ones computed as they are written. */
        Values values() {
            return data instanceof Values v ? v : Values.of((double[]) data);
        }

        /** Whether the values are held (false: computed each time they are read). */
        public boolean stored() {
            return !(data instanceof Values);
        }

        /** The data array of any type, for the writer. */
        Object raw() {
            return data;
        }

        /**
         * The index of the first value matching {@code p}, or -1; reads the data in place, computed
         * ones in blocks (a copy of a projection's population would be hundreds of MB).
         */
        public int indexOf(java.util.function.DoublePredicate p) {
            if (data instanceof Values v) {
                return indexOfComputed(v, p);
            }
            int n = size();
            for (int i = 0; i < n; i++) {
                if (p.test(value(i))) {
                    return i;
                }
            }
            return -1;
        }

        private int indexOfComputed(Values v, java.util.function.DoublePredicate p) {
            double[] block = new double[Math.min(BLOCK, size())];
            for (int from = 0; from < size(); from += block.length) {
                int n = Math.min(block.length, size() - from);
                v.read(from, block, 0, n);
                for (int i = 0; i < n; i++) {
                    if (p.test(block[i])) {
                        return from + i;
                    }
                }
            }
            return -1;
        }

        /** The value at a flat index (row-major), without copying the data. */
        public double value(int i) {
            if (data instanceof double[] d) {
                return d[i];
            }
            if (data instanceof int[] v) {
                return v[i];
            }
            if (data instanceof byte[] v) {
                return v[i];
            }
            if (data instanceof Values v) {
                double[] one = new double[1];
                v.read(i, one, 0, 1);
                return one[0];
            }
            throw new IllegalStateException("variable " + name + " holds text, not numbers");
        }

        /** The number of values. */
        public int size() {
            return lengthOf(data);
        }

        /**
         * {@code units} (UDUNITS-2, absent where none applies) and {@code long_name} first, then the
         * extra ones; values are String, Double, Integer (int32 _FillValue), Byte (int8 _FillValue) or
         * byte[] (flag_values).
         */
        public Map<String, Object> attributes() {
            return attributes;
        }
    }

    private static int lengthOf(Object data) {
        return data instanceof Values v ? Math.toIntExact(v.size()) : java.lang.reflect.Array.getLength(data);
    }

    private static Variable.Type typeOf(Object data) {
        if (data instanceof double[] || data instanceof Values) {
            return Variable.Type.FLOAT64;
        }
        if (data instanceof int[]) {
            return Variable.Type.INT32;
        }
        if (data instanceof byte[]) {
            return Variable.Type.INT8;
        }
        if (data instanceof String[]) {
            return Variable.Type.STRING;
        }
        throw new IllegalArgumentException("unsupported variable data " + data.getClass().getSimpleName());
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

        /** A float coordinate; {@code units} UDUNITS-2 ({@link CfUnits#UDUNITS}), null for fractional calendar years. */
        public Builder dimension(String name, double[] values, String units, String longName) {
            return addDimension(name, values.clone(), coordinateUnits(units, name), longName);
        }

        /**
         * An integer coordinate; {@code units} as for float ones, null for calendar {@code year}s:
         * a year on the calendar is a label, and UDUNITS' "year" is a duration (xarray cannot decode
         * "years since" either), formats.md.
         */
        public Builder dimension(String name, long[] values, String units, String longName) {
            return addDimension(name, values.clone(), coordinateUnits(units, name), longName);
        }

        /** A calendar-year coordinate: integer years without units, long_name "calendar year" plus {@code detail}. */
        public Builder calendarYears(String name, long[] years, String detail) {
            return dimension(name, years, null, CALENDAR_YEAR + (detail.isEmpty() ? "" : " " + detail));
        }

        /** Fractional calendar years (2020.5 is mid-2020) without units, as {@link #calendarYears}. */
        public Builder calendarTime(String name, double[] times) {
            return dimension(name, times, null, FRACTIONAL_CALENDAR_YEARS);
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

        /**
         * Adds a float64 variable; {@code dims} must already be declared, data row-major over them.
         * {@code units} are readable or UDUNITS-2 ({@link CfUnits}: "persons" is written as units 1
         * with display_units "persons"); null for a variable without one unit.
         */
        public Builder variable(String name, List<String> dims, double[] data, String units, String longName) {
            return add(name, dims, data.clone(), units, longName);
        }

        /**
         * Adds a float64 variable whose values are computed when written or read ({@link Values});
         * what they are computed from must not change until the file is written.
         */
        public Builder variableComputed(String name, List<String> dims, Values values, String units, String longName) {
            return put(name, dims, values, CfUnits.attributes(units, name), longName);
        }

        /** An int32 variable without units, e.g. an index along a dimension. */
        public Builder intVariable(String name, List<String> dims, int[] data, String longName) {
            return put(name, dims, data.clone(), CfUnits.attributes(null, name), longName);
        }

        /**
         * An int8 CF flag variable: every value one of {@code flags}' values, with its
         * {@code flag_values} (int8 too) and {@code flag_meanings}, and {@code _FillValue} -1 if
         * the flags may be missing; no units.
         */
        public Builder flagVariable(String name, List<String> dims, byte[] data, CfFlags flags, String longName) {
            for (byte v : data) {
                if (!flags.allows(v)) {
                    throw new IllegalArgumentException("variable " + name + ": " + v + " is not a flag value of " + flags.text());
                }
            }
            put(name, dims, data.clone(), CfUnits.attributes(null, name), longName);
            if (flags.missing()) {
                putVariableAttribute(name, "_FillValue", CfFlags.MISSING);
            }
            putVariableAttribute(name, "flag_values", flags.values());
            return putVariableAttribute(name, "flag_meanings", flags.text());
        }

        /** A variable of labels (variable-length UTF-8, netCDF-4's string type), e.g. region names. */
        public Builder stringVariable(String name, List<String> dims, String[] data, String longName) {
            for (String v : data) {
                if (v == null) {
                    throw new IllegalArgumentException("variable " + name + ": null label");
                }
            }
            return put(name, dims, data.clone(), CfUnits.attributes(null, name), longName);
        }

        /** A variable read from a file: attributes as found (old files have units CF does not parse). */
        Builder readVariable(String name, List<String> dims, Object data, Map<String, Object> attributes) {
            String longName = attributes.get("long_name") instanceof String s ? s : "";
            Map<String, Object> first = new LinkedHashMap<>();
            if (attributes.containsKey("units")) {
                first.put("units", attributes.get("units"));
            }
            put(name, dims, data, first, longName);
            attributes.forEach((k, v) -> {
                if (!k.equals("units") && !k.equals("long_name")) {
                    putVariableAttribute(name, k, v);
                }
            });
            return this;
        }

        private Builder add(String name, List<String> dims, double[] data, String units, String longName) {
            return put(name, dims, data, CfUnits.attributes(units, name), longName);
        }

        private Builder put(String name, List<String> dims, Object data, Map<String, Object> unitAttributes, String longName) {
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
            int length = lengthOf(data);
            if (length != size) {
                throw new IllegalArgumentException("variable " + name + dims + ": data has " + length
                        + " values but the dimensions " + Arrays.toString(shape) + " need " + size);
            }
            typeOf(data);
            Map<String, Object> attrs = new LinkedHashMap<>();
            if (unitAttributes.containsKey("units")) {
                attrs.put("units", unitAttributes.get("units"));
            }
            attrs.put("long_name", requireText(longName, name, "long_name"));
            unitAttributes.forEach(attrs::putIfAbsent);
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

        /**
         * The {@code _FillValue} of an int32 variable: CF wants it of the variable's type, and the
         * writer also makes it the HDF5 fill value, as netCDF-C does. (A named method, not a
         * variableAttribute overload, so that an int literal never silently changes an attribute's type.)
         */
        public Builder fillValue(String variable, int value) {
            VariableDraft v = variables.get(variable);
            if (v == null || !(v.data() instanceof int[])) {
                throw new IllegalArgumentException("_FillValue: no int32 variable " + variable);
            }
            return putVariableAttribute(variable, "_FillValue", value);
        }

        /**
         * Rounds every float64 variable added so far to {@code significantBits} mantissa bits when
         * it is written or read (BitRound, {@link BitRound}), recorded as CF 1.11 quantization: the
         * container variable {@value #QUANTIZATION} (algorithm, implementation) named by each
         * variable's {@code quantization} attribute, with {@code quantization_nsb}; netCDF-C's
         * {@code _QuantizeBitRoundNumberOfSignificantBits} too, which its readers know. Values stay
         * float64; the zeroed low bits make the file smaller.
         */
        public Builder quantize(int significantBits, String implementation) {
            BitRound round = new BitRound(significantBits);
            List<String> rounded = new java.util.ArrayList<>();
            variables.replaceAll((name, v) -> {
                if (typeOf(v.data()) != Variable.Type.FLOAT64) {
                    return v;
                }
                rounded.add(name);
                Values values = v.data() instanceof Values computed ? computed : Values.of((double[]) v.data());
                return new VariableDraft(v.name(), v.dims(), v.shape(), new RoundedValues(values, round), v.attributes());
            });
            intVariable(QUANTIZATION, List.of(), new int[] {0}, "quantization applied to the variables that name it");
            putVariableAttribute(QUANTIZATION, "algorithm", "bitround");
            putVariableAttribute(QUANTIZATION, "implementation", implementation);
            for (String name : rounded) {
                putVariableAttribute(name, "quantization", QUANTIZATION);
                putVariableAttribute(name, "quantization_nsb", significantBits);
                putVariableAttribute(name, "_QuantizeBitRoundNumberOfSignificantBits", significantBits);
            }
            return this;
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

        private static String coordinateUnits(String units, String name) {
            if (units != null && !CfUnits.UDUNITS.contains(units)) {
                throw new IllegalArgumentException("dimension " + name + ": units '" + units + "' are not UDUNITS-2 that popcast writes "
                        + CfUnits.UDUNITS);
            }
            return units;
        }

        /** A coordinate read from a file: its units as found (old files), or null. */
        Builder readDimension(String name, Object values, String units, String longName) {
            return addDimension(name, values, units, longName);
        }

        private static String requireText(String value, String owner, String what) {
            if (value == null) {
                throw new IllegalArgumentException(owner + ": " + what + " is null");
            }
            return value;
        }
    }

    /** A variable while its extra attributes may still be added. */
    private record VariableDraft(String name, List<String> dims, long[] shape, Object data,
                                 Map<String, Object> attributes) {
        Variable build() {
            return new Variable(name, dims, shape, data, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }
    }
}
