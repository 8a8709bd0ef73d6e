package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A benchmark-sized input made from a real one: its leaves repeated (codes suffixed) until there
 * are {@code regions} of them, each copy in its original's province, so that balancing and caps
 * work on realistic numbers.
 */
public final class BenchInput {

    private BenchInput() {
    }

    public static CohortInput replicate(CohortInput in, int regions, int horizon) {
        int base = in.leafCount(), cells = 2 * in.ageCount();
        List<Region> all = new ArrayList<>(in.regions());
        int[] leaves = new int[regions], provinceOf = in.provinceOf() == null ? null : new int[regions];
        double[] population = new double[regions * cells], rate = in.leafRate() == null ? null : new double[regions];
        for (int l = 0; l < regions; l++) {
            int from = l % base;
            if (l < base) {
                leaves[l] = in.leaves()[l];
            } else {
                Region r = in.leaf(from);
                all.add(new Region(r.code() + "-" + (l / base), r.name(), r.parent(), r.level(), r.cap()));
                leaves[l] = all.size() - 1;
            }
            System.arraycopy(in.population(), from * cells, population, l * cells, cells);
            if (provinceOf != null) {
                provinceOf[l] = in.provinceOf()[from];
                rate[l] = in.leafRate()[from];
            }
        }
        ProjectionSettings s = in.settings().with(null, null, horizon, null, null);
        return new CohortInput(in.source() + " x" + regions, s, List.copyOf(all), leaves, in.ages(), population, in.fertility(),
                in.mortality(), in.mortalityKind(), in.radix(), in.migration(), in.migrationKind(), in.srb(), provinceOf,
                in.provinces(), rate, in.provinceRate() == null ? null : Arrays.copyOf(in.provinceRate(), in.provinceRate().length),
                in.profile());
    }
}
