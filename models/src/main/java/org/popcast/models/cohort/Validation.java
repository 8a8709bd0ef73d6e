package org.popcast.models.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.data.io.ResultStructure;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.TidyTable;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.common.ResultHeader;

/**
 * {@code popcast cohort validate}: a projection's total population in one year against observed
 * totals. Per region PE = (P - A) / A x 100 and APE = |PE|; per level the mean APE and PE, the
 * share of regions with APE under 5 % and 10 % (plain and weighted by the observed population).
 */
public final class Validation {

    /** One region's error; {@code name} from the projection (its code where the projection has none). */
    public record RegionError(String region, String name, String level, double projected, double observed) {
        public double pe() {
            return (projected - observed) / observed * 100;
        }

        public double ape() {
            return Math.abs(pe());
        }
    }

    public record LevelSummary(String level, int regions, double meanApe, double meanPe, double under5, double under10,
                               double under5Weighted, double under10Weighted) {
    }

    private final String projectionFile;
    private final String scenario;
    private final int year;
    private final List<RegionError> errors;

    private Validation(String projectionFile, String scenario, int year, List<RegionError> errors) {
        this.projectionFile = projectionFile;
        this.scenario = scenario;
        this.year = year;
        this.errors = errors;
    }

    /**
     * @param scenario a scenario name, or null for the central one ({@link ScenarioSet#central})
     */
    public static Validation run(Path projection, String scenario, int year, CsvTable observed) {
        observed.require("region", "population");
        try (HdfFile h5 = ResultStructure.open(projection)) {
            String[] scenarios = (String[]) vector(h5, projection, "scenario", String.class).getData();
            String[] regions = (String[]) vector(h5, projection, "region", String.class).getData();
            long[] years = (long[]) vector(h5, projection, "year", long.class).getData();
            int[] levels = levels(h5, projection);
            Map<String, String> names = names(h5, projection, regions);
            if (scenarios.length == 0 || years.length == 0 || levels.length != regions.length) {
                throw ResultStructure.notAResult(projection, "scenario, year, region and region_level do not fit together");
            }
            int s;
            try {
                s = ScenarioNames.resolve(List.of(scenarios), scenario);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(projection + ": " + e.getMessage());
            }
            int t = -1;
            for (int i = 0; i < years.length; i++) {
                t = years[i] == year ? i : t;
            }
            if (t < 0) {
                throw new IllegalArgumentException("the projection " + projection + " has no year " + year + " (it covers "
                        + years[0] + ".." + years[years.length - 1] + ")");
            }
            Dataset totals = dataset(h5, projection, "population_total");
            if (totals.getJavaType() != double.class || !java.util.Arrays.equals(totals.getDimensions(),
                    new int[] {scenarios.length, regions.length, years.length})) {
                throw ResultStructure.notAResult(projection, "population_total is not float64 over (scenario, region, year)");
            }
            double[][][] slice = (double[][][]) totals.getData(new long[] {s, 0, t}, new int[] {1, regions.length, 1});
            Map<String, Integer> index = new HashMap<>();
            for (int r = 0; r < regions.length; r++) {
                index.put(regions[r], r);
            }
            List<RegionError> errors = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (CsvTable.Row row : observed.rows()) {
                String code = row.text("region");
                Integer r = index.get(code);
                if (r == null) {
                    throw row.error("region", "region '" + code + "' is not in the projection " + projection);
                }
                if (!seen.add(code)) {
                    throw row.error("region", "duplicate row for region " + code);
                }
                double obs = row.number("population", 1, 1e11);
                errors.add(new RegionError(code, names.getOrDefault(code, code), ProjectionOutputs.LEVEL_CODES.get(levels[r]),
                        slice[0][r][0], obs));
            }
            if (errors.isEmpty()) {
                throw new InputException(observed.file() + ": no observed populations");
            }
            return new Validation(projection.toString(), scenarios[s], year, errors);
        } catch (io.jhdf.exceptions.HdfException | ClassCastException | IndexOutOfBoundsException e) {
            throw ResultStructure.notAResult(projection, ResultStructure.describe(e));
        }
    }

    /** region_level as int8 flags (format 1.1) or as doubles (1.0), checked to be a level. */
    private static int[] levels(HdfFile h5, Path file) {
        Dataset d = dataset(h5, file, "region_level");
        if (d.getDimensions().length != 1 || (d.getJavaType() != byte.class && d.getJavaType() != double.class)) {
            throw ResultStructure.notAResult(file, "region_level is not a vector of int8 flags or doubles");
        }
        Object data = d.getData();
        int[] out = new int[java.lang.reflect.Array.getLength(data)];
        for (int i = 0; i < out.length; i++) {
            double v = ((Number) java.lang.reflect.Array.get(data, i)).doubleValue();
            if (!(v >= 0 && v < ProjectionOutputs.LEVEL_CODES.size() && v == Math.rint(v))) {
                throw ResultStructure.notAResult(file, "region_level holds " + v + ", not a level 0.." + (ProjectionOutputs.LEVEL_CODES.size() - 1));
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** Code to name: the region_name variable (format 1.1) or the region_names attribute (1.0), else none. */
    private static Map<String, String> names(HdfFile h5, Path file, String[] regions) {
        if (h5.getChildren().get("region_name") instanceof Dataset d && d.getJavaType() == String.class
                && d.getDimensions().length == 1 && d.getDimensions()[0] == regions.length) {
            String[] names = (String[]) d.getData();
            Map<String, String> out = new HashMap<>();
            for (int r = 0; r < regions.length; r++) {
                out.put(regions[r], names[r]);
            }
            return out;
        }
        io.jhdf.api.Attribute a = h5.getAttribute("region_names");
        return a != null && a.getData() instanceof String s ? RegionVariables.legacyNames(s) : Map.of();
    }

    /** A one-dimensional variable of the given element type, checked before its data are read. */
    private static Dataset vector(HdfFile h5, Path file, String name, Class<?> type) {
        Dataset d = dataset(h5, file, name);
        if (d.getDimensions().length != 1 || d.getJavaType() != type) {
            throw ResultStructure.notAResult(file, name + " is not a vector of " + type.getSimpleName());
        }
        return d;
    }

    private static Dataset dataset(HdfFile h5, Path file, String name) {
        try {
            return h5.getDatasetByPath("/" + name);
        } catch (io.jhdf.exceptions.HdfException e) {
            throw ResultStructure.notAResult(file, "no variable '" + name + "' (not a cohort projection)");
        }
    }

    public List<RegionError> errors() {
        return errors;
    }

    public String scenario() {
        return scenario;
    }

    public int year() {
        return year;
    }

    /** Summaries per level, in the order city, province, nation, region (levels present only). */
    public List<LevelSummary> summaries() {
        List<LevelSummary> out = new ArrayList<>();
        for (String level : ProjectionOutputs.LEVEL_CODES) {
            List<RegionError> at = errors.stream().filter(e -> e.level().equals(level)).toList();
            if (at.isEmpty()) {
                continue;
            }
            double total = at.stream().mapToDouble(RegionError::observed).sum();
            out.add(new LevelSummary(level, at.size(), at.stream().mapToDouble(RegionError::ape).average().orElseThrow(),
                    at.stream().mapToDouble(RegionError::pe).average().orElseThrow(),
                    share(at, 5), share(at, 10),
                    at.stream().filter(e -> e.ape() < 5).mapToDouble(RegionError::observed).sum() / total,
                    at.stream().filter(e -> e.ape() < 10).mapToDouble(RegionError::observed).sum() / total));
        }
        return out;
    }

    private static double share(List<RegionError> at, double limit) {
        return (double) at.stream().filter(e -> e.ape() < limit).count() / at.size();
    }

    /** The printed report: one line per level. */
    public String report() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "validation of %s, scenario %s, year %d%n", projectionFile, scenario, year));
        b.append(String.format(Locale.ROOT, "%-9s %7s %9s %9s %8s %8s %10s %10s%n", "level", "regions", "mean APE", "mean PE",
                "APE<5%", "APE<10%", "APE<5% pw", "APE<10% pw"));
        for (LevelSummary s : summaries()) {
            b.append(String.format(Locale.ROOT, "%-9s %7d %8.2f%% %+8.2f%% %7.1f%% %7.1f%% %9.1f%% %9.1f%%%n", s.level(), s.regions(),
                    s.meanApe(), s.meanPe(), 100 * s.under5(), 100 * s.under10(), 100 * s.under5Weighted(), 100 * s.under10Weighted()));
        }
        b.append("(pw: share of the observed population living in such regions)\n");
        return b.toString();
    }

    /** Per-region rows: region, level, projected, observed, pe, ape. */
    public TidyTable table(Map<String, String> metadata) {
        int n = errors.size();
        String[] region = new String[n], level = new String[n];
        double[] p = new double[n], a = new double[n], pe = new double[n], ape = new double[n];
        for (int i = 0; i < n; i++) {
            RegionError e = errors.get(i);
            region[i] = e.region();
            level[i] = e.level();
            p[i] = e.projected();
            a[i] = e.observed();
            pe[i] = e.pe();
            ape[i] = e.ape();
        }
        var cols = List.of(new TidyTable.Column("region", TidyTable.Type.STRING),
                new TidyTable.Column("level", TidyTable.Type.STRING),
                new TidyTable.Column("projected", TidyTable.Type.FLOAT64),
                new TidyTable.Column("observed", TidyTable.Type.FLOAT64),
                new TidyTable.Column("pe", TidyTable.Type.FLOAT64),
                new TidyTable.Column("ape", TidyTable.Type.FLOAT64));
        return new TidyTable(cols, metadata, sink -> sink.accept(n, new Object[] {region, level, p, a, pe, ape}));
    }

    /** The result as a netCDF-4 dataset: ape(region), pe(region), projected and observed, summaries as attributes. */
    public NetcdfDataset dataset(Provenance provenance, String observedSource) {
        NetcdfDataset.Builder b = ResultHeader.start("popcast validation of a cohort projection", provenance,
                ProjectionOutputs.FORMAT_VERSION, "cohort_validation");
        b.attribute("projection", projectionFile).attribute("observed", observedSource)
                .attribute("scenario", scenario).attribute("year", (long) year);
        for (LevelSummary s : summaries()) {
            b.attribute(s.level() + "_regions", (long) s.regions()).attribute(s.level() + "_mean_ape", s.meanApe())
                    .attribute(s.level() + "_mean_pe", s.meanPe()).attribute(s.level() + "_share_ape_under_5", s.under5())
                    .attribute(s.level() + "_share_ape_under_10", s.under10())
                    .attribute(s.level() + "_population_share_ape_under_5", s.under5Weighted())
                    .attribute(s.level() + "_population_share_ape_under_10", s.under10Weighted());
        }
        b.dimension("region", errors.stream().map(RegionError::region).toArray(String[]::new), "region code");
        b.variable("ape", List.of("region"), errors.stream().mapToDouble(RegionError::ape).toArray(), "percent",
                "absolute percentage error |P - A| / A x 100");
        b.variable("pe", List.of("region"), errors.stream().mapToDouble(RegionError::pe).toArray(), "percent",
                "percentage error (P - A) / A x 100");
        b.variable("projected", List.of("region"), errors.stream().mapToDouble(RegionError::projected).toArray(), "persons",
                "projected total population");
        b.variable("observed", List.of("region"), errors.stream().mapToDouble(RegionError::observed).toArray(), "persons",
                "observed total population");
        RegionVariables.levels(b, "region", errors.stream().map(RegionError::level).toList());
        RegionVariables.namesAndCodes(b, "region", errors.stream().map(RegionError::region).toList(),
                errors.stream().map(RegionError::name).toList());
        return b.build();
    }
}
