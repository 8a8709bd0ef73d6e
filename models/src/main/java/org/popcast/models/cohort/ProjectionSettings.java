package org.popcast.models.cohort;

import org.popcast.data.input.ConfigNode;
import org.popcast.kernels.cohort.MigrationTiming;

/**
 * The settings of a projection (projection.yaml, formats.md), every one of which is written into
 * the result files.
 *
 * @param scenarios             {@code builtin:NAME}, a scenario file relative to the input folder, or null for the input's rates
 * @param internationalRate     net international migrants per person per year (every region)
 * @param internationalPath     multiplier path of that rate (null: constant)
 * @param improvementFrom       first year of mortality improvement (NaN: none)
 * @param e0GainPerDecade       life expectancy gain per decade from then on
 * @param srbPath               sex ratio at birth from the path's first year on (null: the input's)
 * @param internal              internal migration over the hierarchy (null: none)
 * @param dataThrough           the latest year of any data the input files use, as declared ({@code data_through}:
 *                              e.g. the year rates were published); 0 if not declared
 * @param rates                 national (the rate files as given) or city (moved to each region's own level: {@link CityRates})
 * @param lifeExpectancyFile    for city rates: life expectancy at birth by region and sex ({@code life_expectancy}), or null
 * @param migration             tiers (the internal_migration rates file) or estimated ({@link EstimatedMigration})
 * @param migrantStock          for estimated migration: the national migrant stock by year ({@code migrant_stock}), or null
 */
public record ProjectionSettings(int baseYear, int step, int horizon, MigrationTiming timing, String scenarios,
                                 double internationalRate, TimePath internationalPath, double improvementFrom,
                                 double e0GainPerDecade, TimePath srbPath, InternalMigration internal, int dataThrough,
                                 RateSource rates, String lifeExpectancyFile, MigrationSource migration,
                                 TimePath migrantStock) {

    /**
     * Internal migration: per-region net rates (per person per year, cities and optionally
     * provinces) times an age profile, scaled by the scenario, reduced for small and middle cities.
     */
    public record InternalMigration(String ratesFile, String profileFile, double smallBelow, double middleBelow,
                                    double switchYear, double[] small, double[] middle) {

        /** {small, middle} factors for a step starting in {@code year}. */
        double[] sizeFactors(double year) {
            int i = year < switchYear ? 0 : 1;
            return new double[] {small[i], middle[i]};
        }
    }

    public static ProjectionSettings read(ConfigNode root) {
        root.allowOnly("base_year", "step", "horizon", "migration_timing", "scenarios", "international_migration",
                "mortality_improvement", "srb_path", "internal_migration", "data_through", "rates", "life_expectancy",
                "migration", "migrant_stock");
        int baseYear = whole(root.get("base_year"), 1000, 3000);
        int step = whole(root.get("step"), 1, 5);
        if (step != 1 && step != 5) {
            throw root.get("step").error("step must be 1 or 5, got " + step);
        }
        int horizon = whole(root.get("horizon"), 1, 1000);
        if (horizon % step != 0) {
            throw root.get("horizon").error("the horizon " + horizon + " must be a multiple of the step " + step);
        }
        MigrationTiming timing = MigrationTiming.EVEN;
        if (root.has("migration_timing")) {
            try {
                timing = MigrationTiming.parse(root.text("migration_timing"));
            } catch (IllegalArgumentException e) {
                throw root.get("migration_timing").error(e.getMessage());
            }
        }
        double intRate = 0;
        TimePath intPath = null;
        if (root.has("international_migration")) {
            ConfigNode n = root.get("international_migration").allowOnly("rate", "path");
            intRate = n.number("rate");
            if (Math.abs(intRate) >= 0.1) {
                throw n.get("rate").error("expected a rate per person per year with |rate| < 0.1, got " + intRate);
            }
            intPath = n.has("path") ? TimePath.read(n.get("path"), -10, 10) : null;
        }
        double from = Double.NaN, gain = 0;
        if (root.has("mortality_improvement")) {
            ConfigNode n = root.get("mortality_improvement").allowOnly("from", "e0_gain_per_decade");
            from = n.number("from");
            gain = n.number("e0_gain_per_decade");
            if (gain < -5 || gain > 5) {
                throw n.get("e0_gain_per_decade").error("expected a gain in years per decade within [-5, 5], got " + gain);
            }
        }
        TimePath srb = root.has("srb_path") ? TimePath.read(root.get("srb_path"), 0.5, 2) : null;
        InternalMigration internal = root.has("internal_migration") ? internal(root.get("internal_migration")) : null;
        int dataThrough = root.has("data_through") ? whole(root.get("data_through"), 1000, 3000) : 0;
        RateSource rates = choice(root, "rates", RateSource.class, RateSource.NATIONAL);
        String e0File = root.text("life_expectancy", null);
        if (rates == RateSource.CITY && e0File == null) {
            throw root.get("rates").error("rates: city needs life_expectancy (a file of life expectancy by region and sex)");
        }
        MigrationSource migration = choice(root, "migration", MigrationSource.class, MigrationSource.TIERS);
        if (migration == MigrationSource.ESTIMATED && internal == null) {
            throw root.get("migration").error("migration: estimated needs internal_migration (its age_profile and size_factors)");
        }
        TimePath stock = root.has("migrant_stock") ? TimePath.read(root.get("migrant_stock"), 0, 1e12) : null;
        if (stock != null && (stock.years().length < 2 || stock.years()[stock.years().length - 1] > baseYear)) {
            throw root.get("migrant_stock").error("expected at least two [year, stock] points, none after the base year " + baseYear);
        }
        return new ProjectionSettings(baseYear, step, horizon, timing, root.text("scenarios", null), intRate, intPath,
                from, gain, srb, internal, dataThrough, rates, e0File, migration, stock);
    }

    private static <E extends Enum<E>> E choice(ConfigNode root, String key, Class<E> type, E otherwise) {
        if (!root.has(key)) {
            return otherwise;
        }
        try {
            return org.popcast.data.input.EnumLabels.parse(type, root.text(key));
        } catch (IllegalArgumentException e) {
            throw root.get(key).error(key + " " + e.getMessage());
        }
    }

    private static InternalMigration internal(ConfigNode n) {
        n.allowOnly("rates", "age_profile", "size_factors");
        double smallBelow = 0, middleBelow = 0, switchYear = 0;
        double[] small = {1, 1}, middle = {1, 1};
        if (n.has("size_factors")) {
            ConfigNode f = n.get("size_factors").allowOnly("small_below", "middle_below", "switch_year", "small", "middle");
            smallBelow = f.number("small_below");
            middleBelow = f.number("middle_below");
            if (!(middleBelow >= smallBelow && smallBelow >= 0)) {
                throw f.error("expected 0 <= small_below <= middle_below, got " + smallBelow + " and " + middleBelow);
            }
            switchYear = f.number("switch_year");
            small = factors(f.get("small"));
            middle = factors(f.get("middle"));
        }
        return new InternalMigration(n.text("rates"), n.text("age_profile"), smallBelow, middleBelow, switchYear, small, middle);
    }

    private static double[] factors(ConfigNode node) {
        java.util.List<ConfigNode> l = node.list();
        if (l.size() != 2) {
            throw node.error("expected [factor before switch_year, factor from switch_year on]");
        }
        double[] f = {l.get(0).number(), l.get(1).number()};
        for (int i = 0; i < 2; i++) {
            if (f[i] < 0 || f[i] > 10) {
                throw l.get(i).error("expected a factor in [0, 10], got " + f[i]);
            }
        }
        return f;
    }

    private static int whole(ConfigNode node, int min, int max) {
        double v = node.number();
        if (v != Math.rint(v) || v < min || v > max) {
            throw node.error("expected a whole number in [" + min + ", " + max + "], got " + node.text());
        }
        return (int) v;
    }

    /** The same settings with command-line overrides (null keeps the file's value). */
    public ProjectionSettings with(Integer baseYear, Integer step, Integer horizon, MigrationTiming timing, String scenarios,
                                   RateSource rates, MigrationSource migration) {
        int s = step != null ? step : this.step;
        int h = horizon != null ? horizon : this.horizon;
        if (s != 1 && s != 5) {
            throw new IllegalArgumentException("--step must be 1 or 5, got " + s);
        }
        if (h < s || h % s != 0) {
            throw new IllegalArgumentException("--horizon " + h + " must be a positive multiple of the step " + s);
        }
        return new ProjectionSettings(baseYear != null ? baseYear : this.baseYear, s, h, timing != null ? timing : this.timing,
                scenarios != null ? scenarios : this.scenarios, internationalRate, internationalPath, improvementFrom,
                e0GainPerDecade, srbPath, internal, dataThrough, rates != null ? rates : this.rates, lifeExpectancyFile,
                migration != null ? migration : this.migration, migrantStock);
    }

    /** The same settings with another horizon (the hindcast's launch to its scoring year). */
    public ProjectionSettings withHorizon(int years) {
        return new ProjectionSettings(baseYear, step, years, timing, scenarios, internationalRate, internationalPath,
                improvementFrom, e0GainPerDecade, srbPath, internal, dataThrough, rates, lifeExpectancyFile,
                migration, migrantStock);
    }

    public int steps() {
        return horizon / step;
    }
}
