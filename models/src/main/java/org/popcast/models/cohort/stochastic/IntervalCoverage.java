package org.popcast.models.cohort.stochastic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.HindcastTruth;
import org.popcast.models.cohort.Region;

/**
 * How often the observed values of the scoring year fall inside a probabilistic hindcast's central
 * intervals (80 %: quantiles 0.1-0.9; 95 %: 0.025-0.975): the share of observed cities (plain and
 * weighted by the observed population), of observed provinces, and whether the nation is inside.
 *
 * @param lower  [interval][city] lower bound of each city (leaf), NaN where the city is not observed
 * @param upper  [interval][city] upper bound
 */
public record IntervalCoverage(int year, double[] nominal, int cities, double[] citiesInside, double[] populationInside,
                               int provinces, double[] provincesInside, double[] nationLower, double[] nationUpper, double nation,
                               double[] medianWidth, double[][] lower, double[][] upper) {

    /** The intervals a hindcast scores: 80 % and 95 %. */
    public static final double[] NOMINAL = {0.8, 0.95};
    /** The quantiles a probabilistic hindcast needs (both intervals and the median). */
    public static final double[] QUANTILES = {0.025, 0.1, 0.5, 0.9, 0.975};
    private static final int[][] BOUNDS = {{1, 3}, {0, 4}};

    public static IntervalCoverage of(CohortInput launched, ProbabilisticProjection p, HindcastTruth truth) {
        SummaryShape shape = p.shape();
        int t = shape.years().length - 1;
        if (shape.years()[t] != truth.year()) {
            throw new IllegalArgumentException("the trajectories end in " + shape.years()[t] + ", the census is of " + truth.year());
        }
        ProjectionQuantiles q = p.quantiles();
        if (!java.util.Arrays.equals(q.probabilities(), QUANTILES)) {
            throw new IllegalArgumentException("a probabilistic hindcast needs the quantiles " + java.util.Arrays.toString(QUANTILES));
        }
        int leaves = launched.leafCount(), k = NOMINAL.length;
        double[][] lower = new double[k][leaves], upper = new double[k][leaves];
        double[] inside = new double[k], weighted = new double[k], width = new double[k];
        int cities = 0;
        double observed = 0;
        for (int i = 0; i < k; i++) {
            List<Double> widths = new ArrayList<>();
            for (int l = 0; l < leaves; l++) {
                int r = launched.leaves()[l];
                lower[i][l] = Double.isNaN(truth.city()[l]) ? Double.NaN : q.total(BOUNDS[i][0], r, t, shape);
                upper[i][l] = Double.isNaN(truth.city()[l]) ? Double.NaN : q.total(BOUNDS[i][1], r, t, shape);
                if (Double.isNaN(truth.city()[l])) {
                    continue;
                }
                boolean in = truth.city()[l] >= lower[i][l] && truth.city()[l] <= upper[i][l];
                inside[i] += in ? 1 : 0;
                weighted[i] += in ? truth.city()[l] : 0;
                widths.add((upper[i][l] - lower[i][l]) / q.total(2, r, t, shape));
                if (i == 0) {
                    cities++;
                    observed += truth.city()[l];
                }
            }
            width[i] = widths.stream().sorted().toList().get(widths.size() / 2);
        }
        double[] provinces = new double[k], nationLower = new double[k], nationUpper = new double[k];
        List<Region> regions = launched.regions();
        int nation = -1;
        for (int r = 0; r < regions.size(); r++) {
            nation = regions.get(r).parent().isEmpty() ? r : nation;
        }
        for (int i = 0; i < k; i++) {
            for (int g = 0; g < truth.provinces().size(); g++) {
                int r = indexOf(regions, truth.provinces().get(g));
                provinces[i] += truth.province()[g] >= q.total(BOUNDS[i][0], r, t, shape)
                        && truth.province()[g] <= q.total(BOUNDS[i][1], r, t, shape) ? 1 : 0;
            }
            provinces[i] /= truth.provinces().size();
            nationLower[i] = q.total(BOUNDS[i][0], nation, t, shape);
            nationUpper[i] = q.total(BOUNDS[i][1], nation, t, shape);
            inside[i] /= cities;
            weighted[i] /= observed;
        }
        return new IntervalCoverage(truth.year(), NOMINAL.clone(), cities, inside, weighted, truth.provinces().size(), provinces,
                nationLower, nationUpper, truth.nation(), width, lower, upper);
    }

    private static int indexOf(List<Region> regions, String code) {
        for (int r = 0; r < regions.size(); r++) {
            if (regions.get(r).code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no region " + code);
    }

    /** A markdown table: per interval, the shares inside against the targets of issue 18. */
    public String markdown(ProbabilisticProjection p) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nProbabilistic hindcast: %d trajectories around %s, seed %d,"
                + " scored at %d (docs/probabilistic.md)%n%n", p.trajectoryCount(), p.scenario().name(), p.seed(), year));
        b.append("| interval | cities inside (").append(cities).append(") | population in cities inside | provinces inside (")
                .append(provinces).append(") | nation: interval vs census | median width (of the median) | target (cities) |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        String[] target = {"70-90 %", "88-99 %"};
        for (int i = 0; i < nominal.length; i++) {
            b.append(String.format(Locale.ROOT, "| %.0f %% | %.1f %% | %.1f %% | %.1f %% | %.4g-%.4g vs %.4g (%s) | %.1f %% | %s |%n",
                    100 * nominal[i], 100 * citiesInside[i], 100 * populationInside[i], 100 * provincesInside[i], nationLower[i],
                    nationUpper[i], nation, nation >= nationLower[i] && nation <= nationUpper[i] ? "inside" : "outside",
                    100 * medianWidth[i], target[i]));
        }
        return b.toString();
    }

    /** Attributes and per-city bounds for the hindcast file. */
    public void addTo(NetcdfDataset.Builder b, ProbabilisticProjection p) {
        b.attribute("trajectories", (long) p.trajectoryCount()).attribute("seed", p.seed())
                .attribute("stochastic_scenario", p.scenario().name());
        p.provenance().forEach(b::attribute);
        for (int i = 0; i < nominal.length; i++) {
            String k = String.format(Locale.ROOT, "interval_%.0f_", 100 * nominal[i]);
            b.attribute(k + "cities_inside", citiesInside[i]).attribute(k + "population_inside", populationInside[i])
                    .attribute(k + "provinces_inside", provincesInside[i]).attribute(k + "nation_lower", nationLower[i])
                    .attribute(k + "nation_upper", nationUpper[i]).attribute(k + "median_width", medianWidth[i]);
            b.variable(k + "lower", List.of("city"), lower[i], "persons", String.format(Locale.ROOT,
                    "lower end of the city's central %.0f %% interval in %d (NaN: not observed)", 100 * nominal[i], year));
            b.variable(k + "upper", List.of("city"), upper[i], "persons", String.format(Locale.ROOT,
                    "upper end of the city's central %.0f %% interval in %d", 100 * nominal[i], year));
        }
    }
}
