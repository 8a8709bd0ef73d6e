package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One method's scores against the census: PE = (P - A) / A x 100, APE = |PE|. Cities are the
 * observed leaves; provinces and the nation are sums of all leaves below them. "Big" cities have
 * at least {@link #BIG} persons in the observed year (the and the source paper's table).
 *
 * @param under5Weighted share of the observed city population living in cities with APE under 5 %
 * @param ageMae         mean over cities of |projected - observed share| in percentage points, by {@link AgeBand}
 */
public record HindcastScore(HindcastMethod method, int dataThrough, String note, double nationPe, double provinceMeanApe,
                            int provinceCount, int cities, double cityMeanApe, double cityMeanPe, double under5,
                            double under10, double under5Weighted, double under10Weighted, int bigCities, double bigMeanApe,
                            CityError worstBig, List<CityError> worst, int ageCities, double[] ageMae) {

    public static final double BIG = 5e6;
    public static final int WORST = 10;

    /** A city's forecast and observation. */
    public record CityError(int leaf, String code, String name, double projected, double observed) {
        public double pe() {
            return (projected - observed) / observed * 100;
        }

        public double ape() {
            return Math.abs(pe());
        }
    }

    public static HindcastScore of(CohortInput input, CityForecast f, HindcastTruth truth) {
        List<CityError> errors = new ArrayList<>();
        double nation = 0;
        double[] province = new double[truth.provinces().size()];
        for (int l = 0; l < truth.leaves(); l++) {
            nation += f.totals()[l];
            if (truth.provinceOfLeaf()[l] >= 0) {
                province[truth.provinceOfLeaf()[l]] += f.totals()[l];
            }
            if (!Double.isNaN(truth.city()[l])) {
                errors.add(new CityError(l, input.leaf(l).code(), input.leaf(l).name(), f.totals()[l], truth.city()[l]));
            }
        }
        double provinceApe = 0;
        for (int p = 0; p < province.length; p++) {
            provinceApe += Math.abs(province[p] - truth.province()[p]) / truth.province()[p] * 100;
        }
        List<CityError> big = errors.stream().filter(e -> e.observed() >= BIG).toList();
        List<CityError> byApe = errors.stream().sorted(Comparator.comparingDouble(CityError::ape).reversed()).toList();
        double[] ageMae = new double[AgeBand.values().length];
        int ageCities = ageErrors(f, truth, ageMae);
        return new HindcastScore(f.method(), f.dataThrough(), f.note(), (nation - truth.nation()) / truth.nation() * 100,
                provinceApe / province.length, province.length, errors.size(), mean(errors, false), mean(errors, true),
                share(errors, 5, false), share(errors, 10, false), share(errors, 5, true), share(errors, 10, true),
                big.size(), mean(big, false), big.stream().max(Comparator.comparingDouble(CityError::ape)).orElse(null),
                byApe.subList(0, Math.min(WORST, byApe.size())), ageCities, ageMae);
    }

    /** Fills {@code mae} with the mean absolute share errors and returns the number of cities compared. */
    private static int ageErrors(CityForecast f, HindcastTruth truth, double[] mae) {
        int n = 0;
        for (int l = 0; l < truth.leaves(); l++) {
            double[] observed = truth.cityShares()[l];
            if (observed == null) {
                continue;
            }
            n++;
            for (int b = 0; b < mae.length; b++) {
                mae[b] += Math.abs(f.shares()[l][b] - observed[b]);
            }
        }
        for (int b = 0; b < mae.length; b++) {
            mae[b] = n == 0 ? Double.NaN : mae[b] / n;
        }
        return n;
    }

    private static double mean(List<CityError> errors, boolean signed) {
        return errors.stream().mapToDouble(e -> signed ? e.pe() : e.ape()).average().orElse(Double.NaN);
    }

    /** Share of the cities (or, weighted, of their observed population) with APE under {@code limit} percent. */
    private static double share(List<CityError> errors, double limit, boolean weighted) {
        double in = 0, all = 0;
        for (CityError e : errors) {
            double w = weighted ? e.observed() : 1;
            all += w;
            in += e.ape() < limit ? w : 0;
        }
        return in / all;
    }
}
