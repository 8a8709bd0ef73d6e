// Compares two result files value by value (issue 17, result-store: file-backed results must write
// the same file as in-memory ones): every variable's values to the bit, dimensions, attributes.
//   java -cp cli/target/popcast.jar bench/results/CompareResults.java A.h5 B.h5
// Prints one line per variable: the count of differing values and the largest relative difference
// (against max(1, |a|)); exit 1 if any value differs.
// Attributes that record the run itself (history, date_created, ...) are listed, not counted.
import java.nio.file.Path;
import java.util.Arrays;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;

public class CompareResults {
    public static void main(String[] a) throws Exception {
        NetcdfDataset x = NetcdfReader.read(Path.of(a[0])), y = NetcdfReader.read(Path.of(a[1]));
        long values = 0, differing = 0;
        for (NetcdfDataset.Variable v : x.variables()) {
            NetcdfDataset.Variable w = y.variable(v.name());
            long n, d = 0;
            double worst = 0;
            switch (v.type()) {
                case FLOAT64 -> {
                    double[] p = v.data(), q = w.data();
                    n = p.length;
                    d = Math.abs(p.length - q.length);
                    for (int i = 0; i < Math.min(p.length, q.length); i++) {
                        d += Double.doubleToRawLongBits(p[i]) != Double.doubleToRawLongBits(q[i]) ? 1 : 0;
                        double r = Math.abs(p[i] - q[i]) / Math.max(1, Math.abs(p[i]));
                        worst = Double.isNaN(r) ? (Double.isNaN(p[i]) && Double.isNaN(q[i]) ? worst : Double.POSITIVE_INFINITY) : Math.max(worst, r);
                    }
                }
                case STRING -> {
                    n = v.strings().length;
                    d = Arrays.equals(v.strings(), w.strings()) ? 0 : n;
                }
                default -> {
                    n = v.ints().length;
                    d = Arrays.equals(v.ints(), w.ints()) ? 0 : n;
                }
            }
            if (!Arrays.equals(v.shape(), w.shape()) || !text(v.attributes()).equals(text(w.attributes()))) {
                System.out.println(v.name() + ": shape or attributes differ");
                d = Math.max(d, 1);
            }
            System.out.printf("%-24s %12d values, %d differ%s%n", v.name(), n, d, worst > 0 ? String.format(", largest relative difference %.2e", worst) : "");
            values += n;
            differing += d;
        }
        if (x.variables().size() != y.variables().size()) {
            System.out.println("variable count differs: " + x.variables().size() + " vs " + y.variables().size());
            differing++;
        }
        for (NetcdfDataset.Dimension dim : x.dimensions()) {
            NetcdfDataset.Dimension e = y.dimension(dim.name());
            boolean same = switch (dim.type()) {
                case FLOAT64 -> Arrays.equals(dim.doubleValues(), e.doubleValues());
                case INT64 -> Arrays.equals(dim.longValues(), e.longValues());
                case STRING -> Arrays.equals(dim.stringValues(), e.stringValues());
            };
            if (!same) {
                System.out.println("dimension " + dim.name() + " differs");
                differing++;
            }
        }
        for (String k : x.attributes().keySet()) {
            if (!text(x.attributes().get(k)).equals(text(y.attributes().get(k)))) {
                System.out.println("attribute " + k + " differs (not counted)");
            }
        }
        System.out.printf("%d values compared, %d differ%n", values, differing);
        System.exit(differing == 0 ? 0 : 1);
    }

    /** Attribute values as text, arrays by their elements. */
    private static String text(Object o) {
        if (o instanceof java.util.Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, v) -> b.append(k).append('=').append(text(v)).append(';'));
            return b.toString();
        }
        return o != null && o.getClass().isArray() ? Arrays.deepToString(new Object[] {o}) : String.valueOf(o);
    }
}
