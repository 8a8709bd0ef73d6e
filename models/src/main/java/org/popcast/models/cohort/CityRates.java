package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFolder;
import org.popcast.kernels.cohort.BrassLogit;
import org.popcast.kernels.cohort.ChildWomanRatio;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.Sex;

/**
 * {@code rates: city}: each projected region's fertility and mortality moved from the input's
 * (national) rates to the region's own level, estimated from the region's own data (docs/cohort.md).
 *
 * <ul>
 * <li>Fertility: the input's age-specific rates times k_r = CWR_r / CWR_pooled, the child-woman
 *     ratio (children 0-4 per woman 15-49) of the region's base population against that of all
 *     regions ({@link ChildWomanRatio}), rescaled so that the regions' births in the base year are
 *     those of the input's rates (the national level is the input's; only its spread is estimated).</li>
 * <li>Mortality: for every year and sex, the input's life table moved by a Brass relational logit
 *     ({@link BrassLogit}, beta = 1) to e0 = e0(input) x e0_r / e0_nation, the ratio of the region's
 *     life expectancy to the nation's in {@code life_expectancy} (the latest year not after the base
 *     year; a region without a row takes its nearest ancestor's: a city its province's).</li>
 * </ul>
 * Fallbacks, recorded in the estimates (result attributes), never silent: a region without women
 * aged 15-49 keeps the input's fertility; a region with no row for itself or an ancestor keeps the
 * input's mortality.
 */
final class CityRates {

    private CityRates() {
    }

    static CohortInput apply(CohortInput in, InputFolder folder) {
        if (in.settings().lifeExpectancyFile() == null) {
            throw new InputException(folder.name("projection.yaml") + ": rates: city needs life_expectancy (a file of life"
                    + " expectancy at birth by region and sex)");
        }
        if (in.mortalityKind().equals("Lx")) {
            throw new InputException(in.mortality().file() + ": rates: city moves death rates, so it needs mx or qx, not Lx");
        }
        Map<String, String> notes = new LinkedHashMap<>(in.estimates());
        RateTable fertility = fertility(in, notes);
        Map<String, double[]> ratio = e0Ratios(in, folder.csv(in.settings().lifeExpectancyFile()), notes);
        RateTable mortality = mortality(in, ratio);
        return in.with(fertility, mortality, notes);
    }

    /** The input's fertility times each region's child-woman-ratio multiplier. */
    private static RateTable fertility(CohortInput in, Map<String, String> notes) {
        int leaves = in.leafCount(), ages = in.ageCount();
        CohortLayout layout = CohortLayout.ofLeaves(leaves, ages);
        double[] ratios = new double[leaves], women = new double[leaves], births = new double[leaves];
        double[] pop = in.population();
        int base = in.settings().baseYear();
        for (int l = 0; l < leaves; l++) {
            int f = layout.leafIndex(l, Sex.F.ordinal(), 0), m = layout.leafIndex(l, Sex.M.ordinal(), 0);
            double[] females = java.util.Arrays.copyOfRange(pop, f, f + ages);
            double[] males = java.util.Arrays.copyOfRange(pop, m, m + ages);
            ratios[l] = ChildWomanRatio.of(in.ages(), females, males);
            double[] rate = in.fertility().at(in.leaf(l).code(), base);
            for (int x = 0; x < ages; x++) {
                boolean fertile = in.ages()[x] >= ChildWomanRatio.WOMEN_FROM && in.ages()[x] < ChildWomanRatio.WOMEN_END;
                women[l] += fertile ? females[x] : 0;
                births[l] += rate[x] * females[x];
            }
        }
        double[] k = ChildWomanRatio.multipliers(ratios, women, births);
        List<RegionSex> keys = new ArrayList<>();
        Map<String, Double> factor = new HashMap<>();
        List<String> fallback = new ArrayList<>();
        for (int l = 0; l < leaves; l++) {
            keys.add(new RegionSex(in.leaf(l).code(), null));
            factor.put(in.leaf(l).code(), Double.isNaN(k[l]) ? 1 : k[l]);
            if (Double.isNaN(k[l])) {
                fallback.add(in.leaf(l).code());
            }
        }
        notes.put("fertility_method", "input rates x child-woman ratio (0-4 per woman 15-49) of the " + base
                + " base population relative to all regions, total births of the base year kept; multipliers "
                + range(k));
        notes.put("fertility_fallback", fallback.isEmpty() ? "none" : "input rates (no women aged 15-49): " + String.join(" ", fallback));
        return in.fertility().withRows(keys, (key, year, current) -> scaled(current, factor.get(key.region())));
    }

    private static double[] scaled(double[] v, double k) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= k;
        }
        return out;
    }

    private static String range(double[] k) {
        double[] sorted = java.util.Arrays.stream(k).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return String.format(java.util.Locale.ROOT, "%.3f (min) %.3f (median) %.3f (max)", sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    /** Each leaf's {F, M} ratio of life expectancy to the nation's (null: no row for it or an ancestor, the fallback). */
    private static Map<String, double[]> e0Ratios(CohortInput in, CsvTable t, Map<String, String> notes) {
        LifeExpectancyTable e0 = LifeExpectancyTable.read(t.require("region", "year", "sex", "e0"), in);
        Map<String, double[]> ratio = new HashMap<>();
        List<String> fallback = new ArrayList<>();
        for (int l = 0; l < in.leafCount(); l++) {
            double[] r = e0.ratio(in.leaf(l).code());
            ratio.put(in.leaf(l).code(), r);
            if (r == null) {
                fallback.add(in.leaf(l).code());
            }
        }
        notes.put("mortality_method", "input life tables moved by a Brass relational logit (beta 1) to e0 x e0_region / e0_"
                + e0.nation() + " of " + t.file() + " (year " + e0.year() + "; a city without a row takes its province's)");
        notes.put("mortality_fallback", fallback.isEmpty() ? "none" : "input rates (no life expectancy for the region or an"
                + " ancestor): " + String.join(" ", fallback));
        return ratio;
    }

    /** The input's life tables moved to each leaf's e0 ratio; leaves of one ratio share one array (one life table per step). */
    private static RateTable mortality(CohortInput in, Map<String, double[]> ratio) {
        List<RegionSex> keys = new ArrayList<>();
        for (int l = 0; l < in.leafCount(); l++) {
            for (Sex s : Sex.values()) {
                keys.add(new RegionSex(in.leaf(l).code(), s));
            }
        }
        Map<double[], Map<Double, double[]>> moved = new IdentityHashMap<>();
        return in.mortality().withRows(keys, (key, year, current) -> {
            double[] r = ratio.get(key.region());
            if (r == null) {
                return current;
            }
            double k = r[key.sex().ordinal()];
            return moved.computeIfAbsent(current, c -> new HashMap<>()).computeIfAbsent(k, v -> brass(in, current, key.sex(), v));
        });
    }

    private static double[] brass(CohortInput in, double[] rates, Sex sex, double ratio) {
        double[] mx = in.mortalityKind().equals("qx") ? LifeTable.fromQx(in.ages(), rates, sex).rates() : rates;
        LifeTable standard = LifeTable.fromMx(in.ages(), mx, sex);
        double alpha = BrassLogit.alphaForE0(standard, mx, sex, standard.e0() * ratio);
        LifeTable moved = BrassLogit.table(standard, mx, sex, alpha);
        if (in.mortalityKind().equals("mx")) {
            return moved.rates();
        }
        double[] l = moved.lx(), q = new double[l.length];
        for (int x = 0; x + 1 < l.length; x++) {
            q[x] = 1 - l[x + 1] / l[x];
        }
        q[l.length - 1] = 1;
        return q;
    }
}
