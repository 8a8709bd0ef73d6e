package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.EnumLabels;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFolder;
import org.popcast.data.input.YamlConfig;
import org.popcast.kernels.cohort.AgeRegrouping;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.Sex;

/**
 * Reads and checks the input folder of a cohort-component projection (formats.md): every cell is
 * validated, errors name the file, line and column. Single-year inputs are grouped into five-year
 * groups when the step is 5: populations and person-years summed, fertility and migration rates
 * averaged over the group's single years, death rates and probabilities through the single-year
 * life table (m = deaths / person-years of the group).
 */
public final class CohortInputReader {

    /** The embedded default inputs (data/README.md). */
    public static final List<String> BUILTIN = List.of("china-cities", "china-national");

    private CohortInputReader() {
    }

    public static CohortInput read(InputFolder folder, ProjectionOverrides overrides) {
        ProjectionSettings settings = settings(folder, overrides);
        CsvTable popTable = folder.csv("population.csv").require("region", "sex", "age", "population");
        double[] inputAges = ageGrid(popTable);
        int width = (int) (inputAges[1] - inputAges[0]);
        int n = settings.step();
        if (n % width != 0) {
            throw popTable.error("the step is " + n + " years but the age groups are " + width + " years wide");
        }
        List<Region> regions = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> popRegions = populationRegions(popTable);
        regions(folder, popRegions, regions, index);
        int[] leaves = leaves(popTable, popRegions, regions, index);
        double[] population = population(popTable, leaves, regions, inputAges);
        InputRates rates = InputRates.read(folder, inputAges, n, index.keySet());
        double[] ages = inputAges;
        if (n != width) {
            AgeRegrouping regrouping = regrouping(inputAges, n);
            ages = regrouping.groupedAges();
            population = regrouping.sumRows(population);
            rates.regroup(regrouping);
        }
        CohortInput partial = new CohortInput(folder.describe(), settings, List.copyOf(regions), leaves, ages, population,
                rates.fertility(), rates.mortality(), rates.mortalityKind(), rates.radix(), rates.migration(), rates.migrationKind(),
                rates.srb(), null, null, null, null, null, Map.of("rates", EnumLabels.label(settings.rates())));
        checkCoverage(partial);
        if (settings.rates() == RateSource.CITY) {
            partial = CityRates.apply(partial, folder);
        }
        if (settings.internal() == null) {
            return partial;
        }
        return withInternalMigration(partial, folder, inputAges, n);
    }

    private static ProjectionSettings settings(InputFolder folder, ProjectionOverrides overrides) {
        ProjectionSettings settings = ProjectionSettings.read(YamlConfig.parse(folder.name("projection.yaml"),
                folder.text("projection.yaml")));
        try {
            return overrides.apply(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Single-year (or five-year) input groups into the step's groups; an open age off the new grid is an input error. */
    private static AgeRegrouping regrouping(double[] inputAges, int n) {
        try {
            return new AgeRegrouping(inputAges, n);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** The rate files, on the input's age groups until {@link #regroup}. */
    private record InputRates(RateTable fertility, RateTable mortality, String mortalityKind, double radix, RateTable migration,
                              String migrationKind, RateTable srb) {

        static InputRates read(InputFolder folder, double[] ages, int n, Set<String> known) {
            RateTable fertility = RateTable.read(folder.csv("fertility.csv").require("region", "year", "age", "rate"),
                    false, "rate", 0, 1, ages, false, known);
            CsvTable mortTable = folder.csv("mortality.csv").require("region", "year", "sex", "age");
            String mortalityKind = mortTable.oneOf("mx", "qx", "Lx");
            double radix = readRadix(mortTable);
            RateTable mortality = RateTable.read(mortTable, true, mortalityKind,
                    mortalityKind.equals("Lx") ? 1e-300 : 0, mortalityKind.equals("qx") ? 1 : mortalityKind.equals("mx") ? 10 : 1e12,
                    ages, true, known);
            RateTable migration = null;
            String migrationKind = null;
            if (folder.exists("migration.csv")) {
                CsvTable t = folder.csv("migration.csv").require("region", "year", "sex", "age");
                migrationKind = t.oneOf("net_count", "net_rate");
                double bound = migrationKind.equals("net_rate") ? 0.5 / n : 1e12;
                migration = RateTable.read(t, true, migrationKind, -bound, bound, ages, false, known);
            }
            RateTable srb = null;
            if (folder.exists("srb.csv")) {
                srb = readSrb(folder.csv("srb.csv").require("region", "year", "srb"), known);
            }
            return new InputRates(fertility, mortality, mortalityKind, radix, migration, migrationKind, srb);
        }

        /**
         * Regroups the tables in place: fertility and migration rates averaged, migration counts and
         * person-years summed, death rates and probabilities through the input's life table.
         */
        void regroup(AgeRegrouping regrouping) {
            fertility.transform(regrouping::mean);
            double[] ages = regrouping.ages();
            mortality.transformByKey((key, v) -> switch (mortalityKind) {
                case "Lx" -> regrouping.sum(v);
                case "mx" -> regrouping.deathRates(LifeTable.fromMx(ages, v, key.sex()));
                default -> regrouping.deathProbabilities(LifeTable.fromQx(ages, v, key.sex()));
            });
            if (migration != null) {
                migration.transform(migrationKind.equals("net_count") ? regrouping::sum : regrouping::mean);
            }
        }
    }

    /** Command-line overrides of projection.yaml (null keeps the file's value). */
    public record ProjectionOverrides(Integer baseYear, Integer step, Integer horizon,
                                      org.popcast.kernels.cohort.MigrationTiming timing, String scenarios, RateSource rates,
                                      MigrationSource migration) implements java.io.Serializable {
        public static final ProjectionOverrides NONE = new ProjectionOverrides(null, null, null, null, null, null, null);

        /** Only the horizon overridden. */
        public static ProjectionOverrides horizon(int years) {
            return new ProjectionOverrides(null, null, years, null, null, null, null);
        }

        ProjectionSettings apply(ProjectionSettings s) {
            return s.with(baseYear, step, horizon, timing, scenarios, rates, migration);
        }
    }

    private static double[] ageGrid(CsvTable t) {
        TreeSet<Double> ages = new TreeSet<>();
        for (CsvTable.Row row : t.rows()) {
            ages.add(row.number("age", 0, 200));
        }
        if (ages.size() < 3) {
            throw t.error("expected at least three age groups in population.csv, found " + ages.size());
        }
        double[] a = ages.stream().mapToDouble(Double::doubleValue).toArray();
        double w = a[1] - a[0];
        if (a[0] != 0 || (w != 1 && w != 5)) {
            throw t.error("age groups must start at 0 and be 1 or 5 years wide, found ages " + RateTable.fmt(a[0]) + ", " + RateTable.fmt(a[1]));
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] - a[i - 1] != w) {
                throw t.error("age groups must be evenly spaced by " + RateTable.fmt(w) + " years: " + RateTable.fmt(a[i]) + " follows "
                        + RateTable.fmt(a[i - 1]) + " (or an age is missing)");
            }
        }
        return a;
    }

    private static List<String> populationRegions(CsvTable t) {
        Set<String> regions = new LinkedHashSet<>();
        for (CsvTable.Row row : t.rows()) {
            String r = row.text("region");
            if (r.isEmpty() || r.equals(RegionSex.EVERY_REGION)) {
                throw row.error("region", "expected a region code, got '" + r + "'");
            }
            regions.add(r);
        }
        return new ArrayList<>(regions);
    }

    /** The regions of regions.csv, or else one region (with no parent) per region of population.csv. */
    private static void regions(InputFolder folder, List<String> popRegions, List<Region> regions, Map<String, Integer> index) {
        if (folder.exists("regions.csv")) {
            readRegions(folder.csv("regions.csv"), regions, index);
            return;
        }
        for (String r : popRegions) {
            index.put(r, regions.size());
            regions.add(new Region(r, r, "", "region", Double.POSITIVE_INFINITY));
        }
    }

    private static void readRegions(CsvTable t, List<Region> regions, Map<String, Integer> index) {
        t.require("region", "name", "parent", "level", "cap");
        for (CsvTable.Row row : t.rows()) {
            String code = row.text("region");
            if (code.isEmpty() || code.equals(RegionSex.EVERY_REGION)) {
                throw row.error("region", "expected a region code, got '" + code + "'");
            }
            if (index.containsKey(code)) {
                throw row.error("region", "duplicate region '" + code + "'");
            }
            String level = row.text("level");
            if (!Region.LEVELS.contains(level)) {
                throw row.error("level", "level must be one of " + String.join(", ", Region.LEVELS) + ", got '" + level + "'");
            }
            // empty, or R's NA (write.csv of a numeric column with missing values): no ceiling
            double cap = row.text("cap").isEmpty() || row.text("cap").equals("NA") ? Double.POSITIVE_INFINITY : row.number("cap", 1, 1e12);
            index.put(code, regions.size());
            regions.add(new Region(code, row.text("name"), row.text("parent"), level, cap));
        }
        for (CsvTable.Row row : t.rows()) {
            String parent = row.text("parent");
            if (!parent.isEmpty() && !index.containsKey(parent)) {
                throw row.error("parent", "unknown parent region '" + parent + "'");
            }
        }
        for (Region r : regions) {
            Set<String> chain = new LinkedHashSet<>();
            for (String at = r.code(); !at.isEmpty(); at = regions.get(index.get(at)).parent()) {
                if (!chain.add(at)) {
                    throw t.error("regions form a cycle: " + String.join(" -> ", chain) + " -> " + at);
                }
            }
        }
    }

    private static int[] leaves(CsvTable pop, List<String> popRegions, List<Region> regions, Map<String, Integer> index) {
        int[] leaves = new int[popRegions.size()];
        Set<String> withPopulation = new LinkedHashSet<>(popRegions);
        for (CsvTable.Row row : pop.rows()) {
            if (!index.containsKey(row.text("region"))) {
                throw row.error("region", "unknown region '" + row.text("region") + "' (not in regions.csv)");
            }
        }
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = index.get(popRegions.get(i));
            for (String at = regions.get(leaves[i]).parent(); !at.isEmpty(); at = regions.get(index.get(at)).parent()) {
                if (withPopulation.contains(at)) {
                    throw pop.error("regions " + at + " and " + popRegions.get(i) + " both have a population, but "
                            + popRegions.get(i) + " lies inside " + at + " (only the lowest level is given; higher ones are sums)");
                }
            }
        }
        return leaves;
    }

    private static double[] population(CsvTable t, int[] leaves, List<Region> regions, double[] ages) {
        Map<String, Integer> leafIndex = new HashMap<>();
        for (int l = 0; l < leaves.length; l++) {
            leafIndex.put(regions.get(leaves[l]).code(), l);
        }
        CohortLayout layout = CohortLayout.ofLeaves(leaves.length, ages.length);
        double[] pop = new double[layout.leafSize()];
        boolean[] seen = new boolean[pop.length];
        for (CsvTable.Row row : t.rows()) {
            int l = leafIndex.get(row.text("region"));
            int s = sex(row).ordinal();
            int x = RateTable.ageIndex(row, ages);
            int at = layout.leafIndex(l, s, x);
            if (seen[at]) {
                throw row.error("age", "duplicate row for region " + row.text("region") + ", sex " + row.text("sex") + ", age " + row.text("age"));
            }
            seen[at] = true;
            pop[at] = row.number("population", 0, 1e11);
        }
        for (int l = 0; l < layout.leaves(); l++) {
            for (Sex s : Sex.values()) {
                for (int x = 0; x < layout.ages(); x++) {
                    if (!seen[layout.leafIndex(l, s.ordinal(), x)]) {
                        throw new InputException(t.file() + ": no row for region " + regions.get(leaves[l]).code() + ", sex " + s
                                + ", age " + RateTable.fmt(ages[x]) + " (every age group of both sexes is needed)");
                    }
                }
            }
        }
        return pop;
    }

    private static Sex sex(CsvTable.Row row) {
        try {
            return Sex.parse(row.text("sex"));
        } catch (IllegalArgumentException e) {
            throw row.error("sex", e.getMessage());
        }
    }

    private static double readRadix(CsvTable t) {
        if (!t.has("l0")) {
            return LifeTable.RADIX;
        }
        double radix = Double.NaN;
        for (CsvTable.Row row : t.rows()) {
            double v = row.number("l0", 1e-12, 1e15);
            if (!Double.isNaN(radix) && v != radix) {
                throw row.error("l0", "the radix l0 must be the same on every row, got " + v + " after " + radix);
            }
            radix = v;
        }
        return Double.isNaN(radix) ? LifeTable.RADIX : radix;
    }

    private static RateTable readSrb(CsvTable t, Set<String> known) {
        // one value per region and year: a rate table without an age column
        return RateTable.read(t, false, "srb", 0.5, 2, new double[] {0}, true, known);
    }

    /** Every leaf must have fertility and both sexes' mortality for the base year (directly or through '*'). */
    private static void checkCoverage(CohortInput in) {
        int year = in.settings().baseYear();
        for (int l = 0; l < in.leafCount(); l++) {
            String code = in.leaf(l).code();
            if (in.fertility().at(code, year) == null) {
                throw new InputException(in.fertility().file() + ": no fertility for region " + code + " in the base year " + year
                        + " or earlier (a row with region " + code + " or '*')");
            }
            for (Sex s : Sex.values()) {
                if (in.mortality().at(code, s, year) == null) {
                    throw new InputException(in.mortality().file() + ": no mortality for region " + code + ", sex " + s
                            + " in the base year " + year + " or earlier");
                }
            }
        }
    }

    private static CohortInput withInternalMigration(CohortInput in, InputFolder folder, double[] inputAges, int n) {
        ProjectionSettings.InternalMigration im = in.settings().internal();
        Map<String, Integer> regionIndex = new HashMap<>();
        for (int i = 0; i < in.regions().size(); i++) {
            regionIndex.put(in.regions().get(i).code(), i);
        }
        List<Integer> provinces = new ArrayList<>();
        int[] provinceOf = provinces(in, folder, regionIndex, provinces);
        double[] leafRate = new double[in.leafCount()];
        double[] provinceRate = new double[provinces.size()];
        java.util.Arrays.fill(provinceRate, Double.NaN);
        Map<String, String> notes = new LinkedHashMap<>(in.estimates());
        notes.put("migration", EnumLabels.label(in.settings().migration()));
        if (in.settings().migration() == MigrationSource.ESTIMATED) {
            if (in.settings().migrantStock() == null) {
                throw new InputException(folder.name("projection.yaml") + ": migration: estimated needs migrant_stock"
                        + " ([[year, national migrant stock], ...] up to the base year)");
            }
            leafRate = EstimatedMigration.rates(in, notes);
        } else {
            readInternalRates(folder.csv(im.ratesFile()).require("region", "rate"), in, regionIndex, provinces, n, leafRate, provinceRate);
        }
        double[] profile = readProfile(folder.csv(im.profileFile()).require("sex", "age", "weight"), inputAges);
        if (n != inputAges[1] - inputAges[0]) {
            profile = regrouping(inputAges, n).meanRows(profile);
        }
        return new CohortInput(in.source(), in.settings(), in.regions(), in.leaves(), in.ages(), in.population(), in.fertility(),
                in.mortality(), in.mortalityKind(), in.radix(), in.migration(), in.migrationKind(), in.srb(), provinceOf,
                provinces.stream().mapToInt(Integer::intValue).toArray(), leafRate, provinceRate, profile, notes);
    }

    /** The leaves' parents into {@code provinces} (region indices, in order of first use); returns each leaf's index into it. */
    private static int[] provinces(CohortInput in, InputFolder folder, Map<String, Integer> regionIndex, List<Integer> provinces) {
        int[] provinceOf = new int[in.leafCount()];
        for (int l = 0; l < in.leafCount(); l++) {
            String parent = in.leaf(l).parent();
            if (parent.isEmpty()) {
                throw new InputException(folder.name("regions.csv") + ": internal migration needs a parent (province) for every region with a"
                        + " population; " + in.leaf(l).code() + " has none");
            }
            int p = regionIndex.get(parent);
            if (!provinces.contains(p)) {
                provinces.add(p);
            }
            provinceOf[l] = provinces.indexOf(p);
        }
        return provinceOf;
    }

    /** The internal migration rates of every leaf and of the provinces that have their own (others stay NaN). */
    private static void readInternalRates(CsvTable rates, CohortInput in, Map<String, Integer> regionIndex, List<Integer> provinces,
                                          int n, double[] leafRate, double[] provinceRate) {
        boolean[] leafSeen = new boolean[in.leafCount()];
        Set<String> seen = new java.util.HashSet<>();
        for (CsvTable.Row row : rates.rows()) {
            String code = row.text("region");
            Integer r = regionIndex.get(code);
            if (r == null) {
                throw row.error("region", "unknown region '" + code + "'");
            }
            if (!seen.add(code)) {
                throw row.error("region", "duplicate row for region " + code);
            }
            double rate = row.number("rate", -0.5 / n, 0.5 / n);
            int leaf = indexOf(in.leaves(), r);
            if (leaf >= 0) {
                leafRate[leaf] = rate;
                leafSeen[leaf] = true;
            } else if (provinces.contains(r)) {
                provinceRate[provinces.indexOf(r)] = rate;
            } else {
                throw row.error("region", "region " + code + " is neither projected (has a population) nor the parent of one");
            }
        }
        for (int l = 0; l < leafSeen.length; l++) {
            if (!leafSeen[l]) {
                throw new InputException(rates.file() + ": no rate for region " + in.leaf(l).code() + " (every projected region needs one)");
            }
        }
    }

    /** The migration age profile [2][A] on the input's age groups. */
    private static double[] readProfile(CsvTable prof, double[] inputAges) {
        CohortLayout layout = CohortLayout.ofLeaves(1, inputAges.length);
        double[] profile = new double[layout.cells()];
        boolean[] got = new boolean[profile.length];
        for (CsvTable.Row row : prof.rows()) {
            int at = layout.cell(sex(row).ordinal(), RateTable.ageIndex(row, inputAges));
            if (got[at]) {
                throw row.error("age", "duplicate row for sex " + row.text("sex") + ", age " + row.text("age"));
            }
            got[at] = true;
            profile[at] = row.number("weight", 0, 1000);
        }
        for (Sex s : Sex.values()) {
            for (int x = 0; x < inputAges.length; x++) {
                if (!got[layout.cell(s.ordinal(), x)]) {
                    throw new InputException(prof.file() + ": no row for sex " + s + ", age " + RateTable.fmt(inputAges[x]));
                }
            }
        }
        return profile;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
