package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.MigrantStock;

/**
 * {@code migration: estimated}: each projected region's net internal migration rate from data of
 * the base year (docs/cohort.md). The region's net migrant stock is its working-age excess among
 * adults against all regions ({@link MigrantStock#stock}: persons 15-59 among persons 15+ of the
 * base population); the yearly flow is that stock times the national stock's yearly addition per
 * unit of stock over the period of {@code migrant_stock} ({@link MigrantStock#flowPerStock}), and
 * the rate is the flow over the region's population. Ages and sexes follow the
 * {@code internal_migration.age_profile} (a Rogers-Castro schedule); balancing, caps and size
 * factors apply as for any rates. Fallback: a region without adults gets rate 0, recorded.
 */
final class EstimatedMigration {

    static final double ADULT = 15, OLD = 60;

    private EstimatedMigration() {
    }

    /** Each leaf's rate per person per year; notes the method and fallbacks in {@code notes}. */
    static double[] rates(CohortInput in, Map<String, String> notes) {
        int leaves = in.leafCount();
        double[] adults = new double[leaves], working = new double[leaves], total = new double[leaves];
        CohortLayout layout = CohortLayout.ofLeaves(leaves, in.ageCount());
        double allAdults = 0, allWorking = 0;
        for (int l = 0; l < leaves; l++) {
            for (int i = 0; i < layout.cells(); i++) {
                double age = in.ages()[i % in.ageCount()], p = in.population()[layout.leafOffset(l) + i];
                total[l] += p;
                adults[l] += age >= ADULT ? p : 0;
                working[l] += age >= ADULT && age < OLD ? p : 0;
            }
            allAdults += adults[l];
            allWorking += working[l];
        }
        TimePath s = in.settings().migrantStock();
        int last = s.years().length - 1;
        double flow = MigrantStock.flowPerStock(s.years()[0], s.values()[0], s.years()[last], s.values()[last]);
        double reference = allWorking / allAdults;
        double[] rate = new double[leaves];
        List<String> fallback = new ArrayList<>();
        for (int l = 0; l < leaves; l++) {
            if (!(adults[l] > 0)) {
                fallback.add(in.leaf(l).code());
                continue;
            }
            rate[l] = flow * MigrantStock.stock(adults[l], working[l] / adults[l], reference) / total[l];
        }
        notes.put("migration_method", String.format(java.util.Locale.ROOT, "estimated: net migrant stock = working-age (15-59)"
                + " excess among adults (15+) of the %d base population against all regions (share %.4f), times %.5f a year"
                + " per unit of stock (national migrant stock %.0f in %.0f, %.0f in %.0f); rates %.4f to %.4f a year",
                in.settings().baseYear(), reference, flow, s.values()[0], s.years()[0], s.values()[last], s.years()[last],
                java.util.Arrays.stream(rate).min().orElse(0), java.util.Arrays.stream(rate).max().orElse(0)));
        notes.put("migration_fallback", fallback.isEmpty() ? "none" : "rate 0 (no adults): " + String.join(" ", fallback));
        return rate;
    }
}
