package org.popcast.models.cohort;

import java.util.List;

/**
 * A validated projection input (formats.md), on the projection's age grid (groups as wide as the
 * step, the last open). Leaves are the regions with a base population (projected); every other
 * region is the sum of the leaves below it.
 *
 * @param population    base population of the leaves, [leaf][sex][age] flattened
 * @param mortalityKind mx, qx or Lx
 * @param migration     explicit net migration (migration.csv) or null; kind net_count or net_rate
 * @param provinceOf    for internal migration: index into {@code provinces} of each leaf's parent
 * @param provinces     region indices of the leaves' parents
 * @param leafRate      internal net migration rate of each leaf (per person per year, before the profile)
 * @param provinceRate  own rate of each province, NaN where the province's net is the sum of its cities
 * @param profile       migration age profile [sex][age] flattened
 * @param estimates     how rates and migration were estimated from the data and where a region fell back
 *                      (method and fallback notes by name; written as attributes of every result)
 */
public record CohortInput(String source, ProjectionSettings settings, List<Region> regions, int[] leaves, double[] ages,
                          double[] population, RateTable fertility, RateTable mortality, String mortalityKind, double radix,
                          RateTable migration, String migrationKind, RateTable srb, int[] provinceOf, int[] provinces,
                          double[] leafRate, double[] provinceRate, double[] profile,
                          java.util.Map<String, String> estimates) {

    public CohortInput {
        estimates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(estimates));
    }

    /** The same input with other fertility and mortality tables and estimation notes. */
    CohortInput with(RateTable fertility, RateTable mortality, java.util.Map<String, String> estimates) {
        return new CohortInput(source, settings, regions, leaves, ages, population, fertility, mortality, mortalityKind, radix,
                migration, migrationKind, srb, provinceOf, provinces, leafRate, provinceRate, profile, estimates);
    }

    public int ageCount() {
        return ages.length;
    }

    public int leafCount() {
        return leaves.length;
    }

    public Region leaf(int l) {
        return regions.get(leaves[l]);
    }

    /**
     * The latest year of any data used: the base year, the latest row of every rate table and the
     * input's declared {@code data_through} (the year its sources were published), whichever is later.
     */
    public int dataThrough() {
        int y = Math.max(settings.baseYear(), settings.dataThrough());
        for (RateTable t : new RateTable[] {fertility, mortality, migration, srb}) {
            y = t == null ? y : Math.max(y, t.lastYear());
        }
        return y;
    }

    /**
     * The input as known at its base year, projected {@code years} ahead: rate rows dated after the
     * base year are dropped (the last earlier rows carry forward). The declared data_through stays.
     */
    public CohortInput launched(int years) {
        int at = settings.baseYear();
        return new CohortInput(source, settings.withHorizon(years), regions, leaves, ages, population, fertility.through(at),
                mortality.through(at), mortalityKind, radix, migration == null ? null : migration.through(at), migrationKind,
                srb == null ? null : srb.through(at), provinceOf, provinces, leafRate, provinceRate, profile, estimates);
    }

    public boolean hasInternalMigration() {
        return settings.internal() != null;
    }
}
