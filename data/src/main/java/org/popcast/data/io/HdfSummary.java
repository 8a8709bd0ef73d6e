package org.popcast.data.io;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * A human-readable summary of any HDF5 file, for {@code popcast info FILE}: global attributes,
 * dimensions (datasets marked as dimension scales) and the other datasets with their storage
 * (chunk shape, filters). Like {@code ncdump -h} it reads headers only: no variable's data are
 * read (a 1 GB cohort projection is summarised in well under a second and a few hundred MB of
 * memory); coordinates are read for their first and last values when they are small. With
 * {@code stats} every variable is read for its min, max and mean. Read with jHDF, a pure-Java
 * reader, so it needs no native library and no lock.
 */
public final class HdfSummary {

    private static final int MAX_VALUE_CHARS = 100;
    /** Coordinates longer than this are not read (their size is shown, not their range). */
    static final long MAX_COORDINATE_READ = 1 << 16;
    /** Bookkeeping of the dimension-scale API and netCDF: shown as dimensions, not as attributes. */
    private static final Set<String> HIDDEN_ATTRIBUTES = Set.of(
            "CLASS", "NAME", "DIMENSION_LIST", "REFERENCE_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates");

    private HdfSummary() {
    }

    /** The summary from headers only: no variable's data are read. */
    public static String summarize(Path file) throws IOException {
        return summarize(file, false);
    }

    /** The summary; with {@code stats} every variable's data are read for min, max, mean and NaN count. */
    public static String summarize(Path file, boolean stats) throws IOException {
        try (HdfFile hdf = ResultStructure.open(file)) {
            return describe(hdf, file, stats);
        } catch (org.popcast.data.input.InputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | InternalError e) {
            // jHDF signals a damaged file with unchecked exceptions; the user needs one line.
            throw ResultStructure.notAResult(file, ResultStructure.describe(e));
        }
    }

    /**
     * The same headers as JSON, for scripts ({@code popcast info --json}): file, bytes, attributes,
     * dimensions (size, units, long_name, first and last value when small) and variables
     * (dimensions, shape, type, units, long_name, chunks, filters, attributes). Values are written
     * in full; NaN and infinities as strings.
     */
    public static String json(Path file) throws IOException {
        try (HdfFile hdf = ResultStructure.open(file)) {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(hdf, file));
        } catch (org.popcast.data.input.InputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | InternalError e) {
            throw ResultStructure.notAResult(file, ResultStructure.describe(e));
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Map<String, Object> tree(HdfFile hdf, Path file) throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        NetcdfReader.collect(hdf, datasets, groups);
        Map<Long, String> names = new HashMap<>();
        datasets.forEach(d -> names.put(d.getAddress(), NetcdfReader.name(d)));
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("file", file.toString());
        root.put("bytes", Files.size(file));
        root.put("attributes", attributes(hdf, false));
        List<Map<String, Object>> dims = new ArrayList<>(), vars = new ArrayList<>();
        for (Dataset d : datasets) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", NetcdfReader.name(d));
            if (NetcdfReader.isDimension(d)) {
                m.put("size", d.getSize());
                if (d.getSize() > 0 && d.getSize() <= MAX_COORDINATE_READ) {
                    Object values = d.getDataFlat();
                    m.put("first", Array.get(values, 0));
                    m.put("last", Array.get(values, Array.getLength(values) - 1));
                }
                putText(m, d, "units");
                putText(m, d, "long_name");
                dims.add(m);
                continue;
            }
            m.put("dimensions", NetcdfReader.dimensionNames(d, names));
            m.put("shape", d.getDimensions());
            m.put("type", MethodType.methodType(d.getJavaType()).unwrap().returnType().getSimpleName());
            putText(m, d, "units");
            putText(m, d, "long_name");
            if (d instanceof io.jhdf.api.dataset.ChunkedDataset c) {
                m.put("chunks", c.getChunkDimensions());
                m.put("filters", d.getFilters().stream().map(io.jhdf.filter.PipelineFilterWithData::getName).toList());
            }
            m.put("attributes", attributes(d, true));
            vars.add(m);
        }
        root.put("dimensions", dims);
        root.put("variables", vars);
        return root;
    }

    private static Map<String, Object> attributes(Node node, boolean dataset) {
        Map<String, Object> out = new TreeMap<>();
        node.getAttributes().forEach((k, a) -> {
            if (!HIDDEN_ATTRIBUTES.contains(k) && !(dataset && (k.equals("units") || k.equals("long_name")))) {
                out.put(k, a.getData());
            }
        });
        return out;
    }

    private static void putText(Map<String, Object> m, Node node, String attribute) {
        Attribute a = node.getAttribute(attribute);
        if (a != null) {
            m.put(attribute, a.getData());
        }
    }

    private static String describe(HdfFile hdf, Path file, boolean stats) throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        NetcdfReader.collect(hdf, datasets, groups);
        // DIMENSION_LIST holds object addresses; jHDF cannot name a node found by address alone.
        Map<Long, String> names = new HashMap<>();
        datasets.forEach(d -> names.put(d.getAddress(), NetcdfReader.name(d)));

        StringBuilder out = new StringBuilder();
        out.append(file).append(" (HDF5, ").append(Files.size(file)).append(" bytes)\n");
        appendAttributes(out, "global attributes:", "  ", hdf);

        out.append("dimensions:\n");
        for (Dataset d : datasets) {
            if (NetcdfReader.isDimension(d)) {
                long n = d.getSize();
                out.append("  ").append(NetcdfReader.name(d)).append(" = ").append(n);
                if (n > 0 && n <= MAX_COORDINATE_READ) {
                    Object values = d.getDataFlat();
                    out.append(": ").append(value(Array.get(values, 0)))
                            .append(" .. ").append(value(Array.get(values, Array.getLength(values) - 1)));
                }
                appendText(out, "units", d);
                appendText(out, "long_name", d);
                out.append('\n');
            }
        }

        out.append("variables:\n");
        for (Dataset d : datasets) {
            if (NetcdfReader.isDimension(d)) {
                continue;
            }
            out.append("  ").append(NetcdfReader.name(d)).append('(').append(String.join(", ", NetcdfReader.dimensionNames(d, names))).append(')')
                    .append(" shape ").append(shape(d)).append(' ')
                    .append(MethodType.methodType(d.getJavaType()).unwrap().returnType().getSimpleName());
            appendText(out, "units", d);
            appendText(out, "long_name", d);
            out.append('\n');
            String storage = storage(d);
            if (storage != null) {
                out.append("    ").append(storage).append('\n');
            }
            String statistics = stats ? statistics(d) : null;
            if (statistics != null) {
                out.append("    ").append(statistics).append('\n');
            }
            appendAttributes(out, null, "    ", d);
        }

        for (Group g : groups) {
            appendAttributes(out, "group " + g.getPath() + ":", "  ", g);
        }
        return out.toString();
    }

    /** Chunk shape and filters of a chunked dataset (headers only), null for contiguous ones. */
    private static String storage(Dataset d) {
        if (!(d instanceof io.jhdf.api.dataset.ChunkedDataset c)) {
            return null;
        }
        StringBuilder s = new StringBuilder("chunks ");
        int[] chunk = c.getChunkDimensions();
        for (int i = 0; i < chunk.length; i++) {
            s.append(i == 0 ? "" : " x ").append(chunk[i]);
        }
        d.getFilters().forEach(f -> s.append(", ").append(f.getName()));
        return s.toString();
    }

    /** min, max and mean of numeric data ignoring NaN; null for non-numeric or empty data. */
    private static String statistics(Dataset d) {
        if (d.isEmpty() || d.getSize() == 0) {
            return null;
        }
        Object data = d.getDataFlat();
        Class<?> type = data.getClass().getComponentType();
        boolean primitive = type.isPrimitive() && type != boolean.class && type != char.class;
        if (!primitive && !Number.class.isAssignableFrom(type)) {
            return null;
        }
        int n = Array.getLength(data);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double v = primitive ? Array.getDouble(data, i) : ((Number) Array.get(data, i)).doubleValue();
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                count++;
            }
        }
        String nan = count < n ? ", " + (n - count) + " NaN" : "";
        if (count == 0) {
            return "all NaN";
        }
        return "min " + number(min) + ", max " + number(max) + ", mean " + number(sum / count) + nan;
    }

    private static void appendAttributes(StringBuilder out, String header, String indent, Node node) {
        // Alphabetical: jHDF does not keep the attributes' creation order.
        Map<String, Attribute> attrs = new TreeMap<>(node.getAttributes());
        attrs.keySet().removeAll(HIDDEN_ATTRIBUTES);
        if (node instanceof Dataset) {
            attrs.keySet().removeAll(Set.of("units", "long_name"));
        }
        if (header != null) {
            out.append(header).append('\n');
        }
        for (Attribute a : attrs.values()) {
            out.append(indent).append(a.getName()).append(" = ").append(shorten(value(a.getData()))).append('\n');
        }
    }

    private static void appendText(StringBuilder out, String attribute, Node node) {
        Attribute a = node.getAttribute(attribute);
        if (a != null) {
            out.append("  ").append(attribute).append(": ").append(shorten(value(a.getData())));
        }
    }

    private static String shape(Dataset d) {
        int[] dims = d.getDimensions();
        if (dims.length == 0) {
            return "scalar";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : " x ").append(dims[i]);
        }
        return s.toString();
    }

    /** Numbers short, strings quoted only inside arrays, arrays element by element. */
    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        if (v.getClass().isArray()) {
            StringBuilder s = new StringBuilder("[");
            int n = Array.getLength(v);
            for (int i = 0; i < n && s.length() <= MAX_VALUE_CHARS; i++) {
                Object e = Array.get(v, i);
                s.append(i == 0 ? "" : ", ").append(e instanceof String str ? '"' + str + '"' : value(e));
            }
            return s.append(']').toString();
        }
        return v.toString();
    }

    /** Six significant digits, without a trailing ".0" on whole numbers such as years. */
    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal b = new BigDecimal(v, new MathContext(6)).stripTrailingZeros();
        // small and large values in the e notation of C, Python and ncdump (1.37078e+9), not Java's 1.37078E+9
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e9 ? b.toPlainString() : b.toString().replace('E', 'e');
    }

    private static String shorten(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= MAX_VALUE_CHARS ? oneLine : oneLine.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }
}
