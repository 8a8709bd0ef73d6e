package org.popcast.data.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads a popcast result file (or any netCDF-4 file of numeric or text variables over dimension scales)
 * back into a {@link NetcdfDataset}: global attributes, dimensions and variables with their units
 * and long names. Pure Java (jHDF): no native library, no HDF5 lock.
 */
public final class NetcdfReader {

    private static final Set<String> BOOKKEEPING = Set.of(
            "CLASS", "NAME", "DIMENSION_LIST", "REFERENCE_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates", "_NCProperties");

    private NetcdfReader() {
    }

    /**
     * @throws org.popcast.data.input.InputException in one line naming the file when it is not a
     *         popcast result (checked by {@link ResultStructure} before any data are read)
     */
    public static NetcdfDataset read(Path file) throws IOException {
        try (HdfFile hdf = ResultStructure.open(file)) {
            return read(hdf, file);
        } catch (org.popcast.data.input.InputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | InternalError e) {
            throw ResultStructure.notAResult(file, ResultStructure.describe(e));
        }
    }

    private static NetcdfDataset read(HdfFile hdf, Path file) {
        NetcdfDataset.Builder b = NetcdfDataset.builder();
        hdf.getAttributes().forEach((name, a) -> {
            if (!BOOKKEEPING.contains(name)) {
                Object v = a.getData();
                if (v instanceof String s) {
                    b.attribute(name, s);
                } else if (v instanceof Double || v instanceof Float) {
                    b.attribute(name, ((Number) v).doubleValue());
                } else if (v instanceof Number n) {
                    b.attribute(name, n.longValue());
                }
            }
        });
        List<Dataset> datasets = new ArrayList<>();
        collect(hdf, datasets, new ArrayList<>());
        Map<Long, String> names = new HashMap<>();
        datasets.forEach(d -> names.put(d.getAddress(), name(d)));
        for (Dataset d : datasets) {
            if (isDimension(d)) {
                Object values = d.getDataFlat();
                String units = text(d, "units"), longName = text(d, "long_name");
                // units as found: null for calendar years (format 1.1), "year" in format 1.0 files
                String unitsOrNull = d.getAttribute("units") == null ? null : units;
                if (values instanceof String[] s) {
                    b.dimension(name(d), s, longName);
                } else if (values instanceof double[] || values instanceof float[]) {
                    b.readDimension(name(d), doubles(values), unitsOrNull, longName);
                } else {
                    double[] v = doubles(values);
                    long[] l = new long[v.length];
                    for (int i = 0; i < l.length; i++) {
                        l[i] = (long) v[i];
                    }
                    b.readDimension(name(d), l, unitsOrNull, longName);
                }
            }
        }
        for (Dataset d : datasets) {
            if (!isDimension(d)) {
                Map<String, Object> attributes = new java.util.LinkedHashMap<>();
                d.getAttributes().forEach((an, a) -> {
                    Object v = attributeValue(a.getData());
                    if (!BOOKKEEPING.contains(an) && v != null) {
                        attributes.put(an, v);
                    }
                });
                b.readVariable(name(d), dimensionNames(d, names), data(d), attributes);
            }
        }
        return b.build();
    }

    /** Text, float64 results, int32 indices and int8 flags keep their type; other numbers become doubles. */
    private static Object data(Dataset d) {
        Object flat = d.getDataFlat();
        return flat instanceof String[] || flat instanceof double[] || flat instanceof int[] || flat instanceof byte[]
                ? flat : doubles(flat);
    }

    /**
     * An attribute's value as the dataset holds it: text, int32 and int8 scalars (the _FillValue of
     * such variables), int8 arrays (flag_values); other numbers as doubles; other arrays are not
     * popcast's and dropped.
     */
    private static Object attributeValue(Object v) {
        if (v instanceof String || v instanceof Integer || v instanceof Byte || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return null;
    }

    private static String text(Node n, String attribute) {
        Attribute a = n.getAttribute(attribute);
        return a == null ? "" : String.valueOf(a.getData());
    }

    private static double[] doubles(Object flat) {
        int n = Array.getLength(flat);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(flat, i)).doubleValue();
        }
        return out;
    }

    /** Every dataset below {@code group} in file order (object addresses stand in for creation order). */
    static void collect(Group group, List<Dataset> datasets, List<Group> groups) {
        List<Node> children = new ArrayList<>(group.getChildren().values());
        children.sort(Comparator.comparingLong(Node::getAddress));
        for (Node n : children) {
            if (n instanceof Dataset d) {
                datasets.add(d);
            } else if (n instanceof Group g) {
                groups.add(g);
                collect(g, datasets, groups);
            }
        }
    }

    static boolean isDimension(Dataset d) {
        Attribute cls = d.getAttribute("CLASS");
        return cls != null && "DIMENSION_SCALE".equals(cls.getData()) && d.getDimensions().length == 1;
    }

    /** The names of the scales in DIMENSION_LIST, "?" where a dimension has none attached. */
    static List<String> dimensionNames(Dataset d, Map<Long, String> names) {
        int rank = d.getDimensions().length;
        List<String> result = new ArrayList<>();
        Attribute list = d.getAttribute("DIMENSION_LIST");
        Object refs = list == null ? null : list.getData();
        for (int i = 0; i < rank; i++) {
            String name = null;
            // DIMENSION_LIST is one variable-length list of object references per dimension.
            if (refs instanceof Object[] perDim && i < perDim.length
                    && perDim[i] instanceof long[] addresses && addresses.length > 0) {
                name = names.get(addresses[0]);
            }
            result.add(name == null ? "?" : name);
        }
        return result;
    }

    static String name(Node n) {
        return n.getPath().startsWith("/") ? n.getPath().substring(1) : n.getPath();
    }
}
