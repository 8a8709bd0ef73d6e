package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.TidyTable;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.Sex;
import org.popcast.models.common.ResultChecks;
import org.popcast.models.common.ResultHeader;

/**
 * The results of a projection for every region of the hierarchy (projected leaves, and provinces
 * and the nation as sums of the leaves below them), as a netCDF-4 dataset and as long tables
 * (formats.md).
 */
public final class ProjectionOutputs {

    /** 1.1: CF 1.10 (calendar years without units, int8 region_level flags, region_name/region_code, UDUNITS units). */
    public static final String FORMAT_VERSION = "1.1";
    static final List<String> LEVEL_CODES = Region.LEVELS;

    private final ProjectionPlan plan;
    private final ProjectionResult result;
    private final String engine;
    private final List<Region> regions;
    /** For each region, the leaves it sums. */
    private final List<int[]> members;
    private ProjectionIndicators indicators;

    public ProjectionOutputs(ProjectionPlan plan, ProjectionResult result, String engine) {
        this.plan = plan;
        this.result = result;
        this.engine = engine;
        CohortInput in = plan.input();
        this.regions = in.regions();
        members = RegionTree.members(in);
    }

    public List<Region> regions() {
        return regions;
    }

    /** Total population of every region in year index t for scenario s. */
    public double[] totals(int s, int t) {
        double[] out = new double[regions.size()];
        for (int r = 0; r < out.length; r++) {
            for (int l : members.get(r)) {
                out[r] += result.total(s, l, t);
            }
        }
        return out;
    }

    /**
     * @param texts settings files recorded verbatim as attributes (e.g. projection_yaml, scenario_yaml)
     */
    public NetcdfDataset dataset(Provenance provenance, Map<String, String> texts) {
        return dataset(provenance, texts, b -> { });
    }

    /** The dataset with {@code more} (e.g. a probabilistic projection's quantiles) added before it is checked. */
    public NetcdfDataset dataset(Provenance provenance, Map<String, String> texts, java.util.function.Consumer<NetcdfDataset.Builder> more) {
        CohortInput in = plan.input();
        ProjectionSettings set = in.settings();
        CohortLayout layout = result.layout();
        NetcdfDataset.Builder b = ResultHeader.start("popcast cohort-component projection", provenance, FORMAT_VERSION, "cohort_projection");
        b.attribute("method", "cohort-component method, UN conventions (births from the mean of the start and end female"
                        + " population, survival from life-table person-years with an open age group); internal migration balanced"
                        + " city -> province -> nation, inflows x a and outflows x 1/a (least-information adjustment)")
                .attribute("engine", engine)
                .attribute("input", in.source())
                .attribute("base_year", (long) set.baseYear())
                .attribute("data_through", (long) in.dataThrough())
                .attribute("step", (long) set.step())
                .attribute("horizon", (long) set.horizon())
                .attribute("migration_timing", set.timing().name().toLowerCase(java.util.Locale.ROOT))
                .attribute("mortality_input", in.mortalityKind())
                .attribute("scenario_set", set.scenarios() == null ? "input rates" : set.scenarios())
                .attribute("flows", "births, deaths and net_migration of a year are those of the step starting in it;"
                        + " the last year starts no step (NaN)")
                .attribute("indicators", "tfr and the life-table summaries (e0, e65, q0_5, q15_60) are those of the rates of the step"
                        + " starting in the year; a region of several projected regions pools their rates weighted by their exposure"
                        + " (mean of start and end population by sex and age), see docs/cohort.md");
        in.estimates().forEach(b::attribute);
        texts.forEach(b::attribute);
        b.dimension("scenario", plan.scenarios().stream().map(Scenario::name).toArray(String[]::new), "projection scenario")
                .dimension("region", regions.stream().map(Region::code).toArray(String[]::new), "region code (regions.csv)")
                .dimension("sex", new String[] {"F", "M"}, "sex")
                .dimension("age", in.ages(), "year", "start of the age group (the last group is open)")
                .calendarYears("year", java.util.Arrays.stream(result.years()).asLongStream().toArray(), "(1 January)")
                .dimension("age_group", result.flowAges().groupedAges(), "year",
                        "start of the age group of the flows by age (the last group is open)");
        b.variableComputed("population", List.of("scenario", "region", "sex", "age", "year"),
                aggregate(layout.cells(), result::populationRows), "persons", "population at the start of the year");
        b.variableComputed("population_total", List.of("scenario", "region", "year"), aggregate(1, (l, s, t, n, dst) -> {
            for (int k = 0; k < n; k++) {
                dst[k] = result.total(s, l, t + k);
            }
        }), "persons", "total population at the start of the year (both sexes, all ages)");
        b.variableComputed("births", List.of("scenario", "region", "year"),
                aggregate(1, RegionSums.byValue(1, (l, s, i, t) -> result.births(s, l, t))), "persons",
                "live births during the step starting in the year");
        b.variableComputed("deaths", List.of("scenario", "region", "sex", "year"),
                aggregate(2, RegionSums.byValue(2, (l, s, i, t) -> result.deaths(s, l, i, t))), "persons",
                "deaths during the step starting in the year (including of births and migrants in the step)");
        b.variableComputed("net_migration", List.of("scenario", "region", "sex", "year"),
                aggregate(2, RegionSums.byValue(2, (l, s, i, t) -> result.netMigration(s, l, i, t))), "persons",
                "net migrants (internal and international) during the step starting in the year");
        ageFlowVariables(b);
        indicatorVariables(b, indicators());
        regionVariables(b);
        more.accept(b);
        NetcdfDataset ds = b.build();
        ResultChecks.requireCounts(ds, "population", "population_total");
        ResultChecks.requireCountsWhereDefined(ds, "births", "deaths");
        return ds;
    }

    /** The hierarchy: parent index, level and cap of every region, and their names and codes. */
    private void regionVariables(NetcdfDataset.Builder b) {
        int reg = regions.size();
        int[] parent = new int[reg];
        double[] cap = new double[reg];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int r = 0; r < reg; r++) {
            index.put(regions.get(r).code(), r);
        }
        for (int r = 0; r < reg; r++) {
            Region region = regions.get(r);
            parent[r] = region.parent().isEmpty() ? NO_PARENT : index.get(region.parent());
            cap[r] = region.capped() ? region.cap() : Double.NaN;
        }
        // -1 is the _FillValue: xarray shows the nation's parent as NaN, so it cannot index the last region by mistake
        b.intVariable("region_parent", List.of("region"), parent, "index of the parent region along the region dimension")
                .fillValue("region_parent", NO_PARENT);
        RegionVariables.levels(b, "region", regions.stream().map(Region::level).toList());
        b.variable("region_cap", List.of("region"), cap, "persons", "population ceiling (NaN: none)");
        RegionVariables.namesAndCodes(b, "region", regions.stream().map(Region::code).toList(),
                regions.stream().map(Region::name).toList());
        // format 1.0's list of names, kept through format 1.1 for readers that know only it
        b.attribute("region_names", String.join("\n", regions.stream().map(r -> r.code() + "," + r.name()).toList()));
    }

    /** region_parent of a region without one (the nation): its _FillValue. */
    static final int NO_PARENT = -1;

    /** The period indicators of every region (computed once per outputs). */
    public ProjectionIndicators indicators() {
        if (indicators == null) {
            indicators = new ProjectionIndicators(plan, result, members);
        }
        return indicators;
    }

    private void ageFlowVariables(NetcdfDataset.Builder b) {
        int groups = result.flowAges().groups();
        b.variableComputed("births_by_age", List.of("scenario", "region", "age_group", "year"),
                aggregate(groups, result::birthsByAgeRows), "persons",
                "live births during the step starting in the year by age group of the mother");
        b.variableComputed("deaths_by_age", List.of("scenario", "region", "sex", "age_group", "year"),
                aggregate(2 * groups, result::deathsByAgeRows), "persons",
                "deaths during the step starting in the year by age group at its start (the first group includes those born in it)");
        b.variableComputed("net_migration_by_age", List.of("scenario", "region", "sex", "age_group", "year"),
                aggregate(2 * groups, result::migrantsByAgeRows), "persons",
                "net migrants during the step starting in the year by age group when they join");
    }

    private static void indicatorVariables(NetcdfDataset.Builder b, ProjectionIndicators indicators) {
        b.variableOwning("tfr", List.of("scenario", "region", "year"), indicators.tfr(), "1",
                "total fertility rate of the step starting in the year (children per woman)");
        for (ProjectionIndicators.Summary m : ProjectionIndicators.Summary.values()) {
            b.variableOwning(m.variable(), List.of("scenario", "region", "sex", "year"), indicators.summary(m), m.units(),
                    m.longName() + " of the life table of the step starting in the year");
        }
    }

    /** Leaf values summed into every region ({@link RegionSums}), computed as they are written. */
    private NetcdfDataset.Values aggregate(int inner, RegionSums.LeafRows rows) {
        return new RegionSums(members, result.scenarios(), inner, result.years().length, rows);
    }

    /** Population as a long table: scenario, region, level, year, sex, age, population; one batch per scenario and region. */
    public TidyTable populationTable(Map<String, String> metadata) {
        int ages = result.ages(), years = result.years().length;
        List<TidyTable.Column> cols = List.of(col("scenario", TidyTable.Type.STRING), col("region", TidyTable.Type.STRING),
                col("level", TidyTable.Type.STRING), col("year", TidyTable.Type.INT64), col("sex", TidyTable.Type.STRING),
                col("age", TidyTable.Type.FLOAT64), col("population", TidyTable.Type.FLOAT64));
        return new TidyTable(cols, metadata, sink -> {
            int rows = years * 2 * ages;
            double[] leaf = new double[rows];
            for (int s = 0; s < result.scenarios(); s++) {
                for (int r = 0; r < regions.size(); r++) {
                    String[] scenario = filled(rows, plan.scenarios().get(s).name()), region = filled(rows, regions.get(r).code());
                    String[] level = filled(rows, regions.get(r).level()), sex = new String[rows];
                    long[] year = new long[rows];
                    double[] age = new double[rows], value = new double[rows];
                    int i = 0;
                    for (int t = 0; t < years; t++) {
                        for (int x = 0; x < 2; x++) {
                            for (int a = 0; a < ages; a++, i++) {
                                year[i] = result.years()[t];
                                sex[i] = Sex.values()[x].name();
                                age[i] = plan.input().ages()[a];
                            }
                        }
                    }
                    // [year][sex][age], a leaf's cells year after year: each leaf read as one run of years
                    for (int l : members.get(r)) {
                        result.populationRows(l, s, 0, years, leaf);
                        for (int j = 0; j < rows; j++) {
                            value[j] += leaf[j];
                        }
                    }
                    sink.accept(rows, new Object[] {scenario, region, level, year, sex, age, value});
                }
            }
        });
    }

    /** Flows as a long table: scenario, region, level, year, sex, births, deaths, net_migration (births split by the step's sex ratio). */
    public TidyTable componentsTable(Map<String, String> metadata) {
        int years = result.years().length - 1;
        List<TidyTable.Column> cols = List.of(col("scenario", TidyTable.Type.STRING), col("region", TidyTable.Type.STRING),
                col("level", TidyTable.Type.STRING), col("year", TidyTable.Type.INT64), col("sex", TidyTable.Type.STRING),
                col("births", TidyTable.Type.FLOAT64), col("deaths", TidyTable.Type.FLOAT64), col("net_migration", TidyTable.Type.FLOAT64));
        double[][] share = new double[years][];
        for (int t = 0; t < years; t++) {
            share[t] = plan.rates(t).femaleShare();
        }
        return new TidyTable(cols, metadata, sink -> {
            int rows = years * 2;
            for (int s = 0; s < result.scenarios(); s++) {
                for (int r = 0; r < regions.size(); r++) {
                    String[] sex = new String[rows];
                    long[] year = new long[rows];
                    double[] births = new double[rows], deaths = new double[rows], net = new double[rows];
                    for (int t = 0, i = 0; t < years; t++) {
                        for (int x = 0; x < 2; x++, i++) {
                            year[i] = result.years()[t];
                            sex[i] = Sex.values()[x].name();
                            for (int l : members.get(r)) {
                                double f = share[t][l];
                                births[i] += result.births(s, l, t) * (x == 0 ? f : 1 - f);
                                deaths[i] += result.deaths(s, l, x, t);
                                net[i] += result.netMigration(s, l, x, t);
                            }
                        }
                    }
                    sink.accept(rows, new Object[] {filled(rows, plan.scenarios().get(s).name()), filled(rows, regions.get(r).code()),
                            filled(rows, regions.get(r).level()), year, sex, births, deaths, net});
                }
            }
        });
    }

    /**
     * Indicators as a long table: scenario, region, level, year, indicator, sex, value; one row per
     * indicator (tfr, e0, e65, q0_5, q15_60) and sex (tfr, a rate per woman, on F rows), years that start a step.
     */
    public TidyTable indicatorsTable(Map<String, String> metadata) {
        ProjectionIndicators ind = indicators();
        ProjectionIndicators.Summary[] summaries = ProjectionIndicators.Summary.values();
        double[][] values = java.util.Arrays.stream(summaries).map(ind::summary).toArray(double[][]::new);
        double[] tfr = ind.tfr();
        int years = result.years().length - 1, all = result.years().length, reg = regions.size();
        int rows = years * (1 + 2 * summaries.length);
        List<TidyTable.Column> cols = List.of(col("scenario", TidyTable.Type.STRING), col("region", TidyTable.Type.STRING),
                col("level", TidyTable.Type.STRING), col("year", TidyTable.Type.INT64), col("indicator", TidyTable.Type.STRING),
                col("sex", TidyTable.Type.STRING), col("value", TidyTable.Type.FLOAT64));
        return new TidyTable(cols, metadata, sink -> forEachSeries(rows, (s, r, scenario, region, level) -> {
            String[] indicator = new String[rows], sex = new String[rows];
            long[] year = new long[rows];
            double[] value = new double[rows];
            int i = 0;
            for (int t = 0; t < years; t++, i++) {
                year[i] = result.years()[t];
                indicator[i] = "tfr";
                sex[i] = Sex.F.name();
                value[i] = tfr[(s * reg + r) * all + t];
            }
            for (int m = 0; m < summaries.length; m++) {
                for (int x = 0; x < 2; x++) {
                    for (int t = 0; t < years; t++, i++) {
                        year[i] = result.years()[t];
                        indicator[i] = summaries[m].variable();
                        sex[i] = Sex.values()[x].name();
                        value[i] = values[m][((s * reg + r) * 2 + x) * all + t];
                    }
                }
            }
            sink.accept(rows, new Object[] {scenario, region, level, year, indicator, sex, value});
        }));
    }

    /**
     * Flows by age as a long table: scenario, region, level, year, sex, age (start of the flow age
     * group), births (by age of the mother, on F rows; 0 on M rows, so the column sums to all
     * births), deaths, net_migration; years that start a step.
     */
    public TidyTable flowsByAgeTable(Map<String, String> metadata) {
        int years = result.years().length - 1, groups = result.flowAges().groups();
        double[] ages = result.flowAges().groupedAges();
        int rows = years * 2 * groups;
        List<TidyTable.Column> cols = List.of(col("scenario", TidyTable.Type.STRING), col("region", TidyTable.Type.STRING),
                col("level", TidyTable.Type.STRING), col("year", TidyTable.Type.INT64), col("sex", TidyTable.Type.STRING),
                col("age", TidyTable.Type.FLOAT64), col("births", TidyTable.Type.FLOAT64), col("deaths", TidyTable.Type.FLOAT64),
                col("net_migration", TidyTable.Type.FLOAT64));
        return new TidyTable(cols, metadata, sink -> forEachSeries(rows, (s, r, scenario, region, level) -> {
            String[] sex = new String[rows];
            long[] year = new long[rows];
            double[] age = new double[rows], births = new double[rows], deaths = new double[rows], net = new double[rows];
            int i = 0;
            for (int t = 0; t < years; t++) {
                for (int x = 0; x < 2; x++) {
                    for (int g = 0; g < groups; g++, i++) {
                        year[i] = result.years()[t];
                        sex[i] = Sex.values()[x].name();
                        age[i] = ages[g];
                        for (int l : members.get(r)) {
                            births[i] += x == 0 ? result.birthsByAge(s, l, g, t) : 0;
                            deaths[i] += result.deathsByAge(s, l, x, g, t);
                            net[i] += result.migrantsByAge(s, l, x, g, t);
                        }
                    }
                }
            }
            sink.accept(rows, new Object[] {scenario, region, level, year, sex, age, births, deaths, net});
        }));
    }

    /** One batch per scenario and region, with its label columns filled. */
    @FunctionalInterface
    private interface SeriesBatch {
        void write(int s, int r, String[] scenario, String[] region, String[] level) throws java.io.IOException;
    }

    private void forEachSeries(int rows, SeriesBatch batch) throws java.io.IOException {
        for (int s = 0; s < result.scenarios(); s++) {
            for (int r = 0; r < regions.size(); r++) {
                batch.write(s, r, filled(rows, plan.scenarios().get(s).name()), filled(rows, regions.get(r).code()),
                        filled(rows, regions.get(r).level()));
            }
        }
    }

    private static TidyTable.Column col(String name, TidyTable.Type type) {
        return new TidyTable.Column(name, type);
    }

    private static String[] filled(int n, String v) {
        String[] a = new String[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
