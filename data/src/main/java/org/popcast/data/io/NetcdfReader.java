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
 * Reads a popcast result file (or any netCDF-4 file of float64 variables over dimension scales)
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
                if (values instanceof String[] s) {
                    b.dimension(name(d), s, longName);
                } else if (values instanceof double[] || values instanceof float[]) {
                    b.dimension(name(d), doubles(values), units, longName);
                } else {
                    double[] v = doubles(values);
                    long[] l = new long[v.length];
                    for (int i = 0; i < l.length; i++) {
                        l[i] = (long) v[i];
                    }
                    b.dimension(name(d), l, units, longName);
                }
            }
        }
        for (Dataset d : datasets) {
            if (!isDimension(d)) {
                String name = name(d);
                if (d.getJavaType() == String.class) {
                    throw ResultStructure.notAResult(file, "variable " + name + " holds text; popcast variables hold numbers");
                }
                b.variable(name, dimensionNames(d, names), doubles(d.getDataFlat()), text(d, "units"), text(d, "long_name"));
                d.getAttributes().forEach((an, a) -> {
                    if (!BOOKKEEPING.contains(an) && !an.equals("units") && !an.equals("long_name")) {
                        if (a.getData() instanceof String s) {
                            b.variableAttribute(name, an, s);
                        } else if (a.getData() instanceof Number n) {
                            b.variableAttribute(name, an, n.doubleValue());
                        }
                    }
                });
            }
        }
        return b.build();
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
