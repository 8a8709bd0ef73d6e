package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.popcast.kernels.cohort.CohortLayout;

/**
 * A benchmark-sized input made from a real one: its leaves repeated (codes suffixed) until there
 * are {@code regions} of them, each copy in its original's province, so that balancing and caps
 * work on realistic numbers.
 */
public final class BenchInput {

    private BenchInput() {
    }

    public static CohortInput replicate(CohortInput in, int regions, int horizon) {
        int base = in.leafCount();
        CohortLayout from = CohortLayout.ofLeaves(base, in.ageCount()), to = CohortLayout.ofLeaves(regions, in.ageCount());
        List<Region> all = new ArrayList<>(in.regions());
        int[] leaves = new int[regions], provinceOf = in.provinceOf() == null ? null : new int[regions];
        double[] population = new double[to.leafSize()], rate = in.leafRate() == null ? null : new double[regions];
        for (int l = 0; l < regions; l++) {
            int original = l % base;
            if (l < base) {
                leaves[l] = in.leaves()[l];
            } else {
                Region r = in.leaf(original);
                all.add(new Region(r.code() + "-" + (l / base), r.name(), r.parent(), r.level(), r.cap()));
                leaves[l] = all.size() - 1;
            }
            System.arraycopy(in.population(), from.leafOffset(original), population, to.leafOffset(l), to.cells());
            if (provinceOf != null) {
                provinceOf[l] = in.provinceOf()[original];
                rate[l] = in.leafRate()[original];
            }
        }
        ProjectionSettings s = in.settings().with(null, null, horizon, null, null, null, null);
        return new CohortInput(in.source() + " x" + regions, s, List.copyOf(all), leaves, in.ages(), population, in.fertility(),
                in.mortality(), in.mortalityKind(), in.radix(), in.migration(), in.migrationKind(), in.srb(), provinceOf,
                in.provinces(), rate, in.provinceRate() == null ? null : Arrays.copyOf(in.provinceRate(), in.provinceRate().length),
                in.profile(), in.estimates());
    }
}
