package org.popcast.models.cohort.stochastic;

import org.popcast.models.cohort.ProjectionResult;

/**
 * One trajectory reduced to what its quantiles need ({@link SummaryShape}), in single precision
 * (seven significant digits, half the memory of a thousand trajectories): totals [R][Y] and
 * population by sex and age group [R][2][G][Yq]. Regions without leaves are NaN.
 */
public record TrajectorySummary(float[] totals, float[] byAge) {

    /** Sums scenario 0 of a one-scenario result into every region. */
    public static TrajectorySummary of(ProjectionResult r, SummaryShape shape) {
        int years = shape.years().length, kept = shape.ageYears().length, groups = shape.groups().groups();
        int[] groupOf = shape.groups().groupOf();
        double[] leafTotals = new double[r.leaves() * years];
        double[] leafByAge = new double[r.leaves() * 2 * groups * kept];
        // year slabs in memory order: leaf, sex, age
        for (int t = 0; t < years; t++) {
            for (int l = 0; l < r.leaves(); l++) {
                leafTotals[l * years + t] = r.total(0, l, t);
            }
        }
        for (int k = 0; k < kept; k++) {
            for (int l = 0; l < r.leaves(); l++) {
                for (int sex = 0; sex < 2; sex++) {
                    for (int a = 0; a < r.ages(); a++) {
                        leafByAge[((l * 2 + sex) * groups + groupOf[a]) * kept + k] += r.population(0, l, sex, a, shape.ageYears()[k]);
                    }
                }
            }
        }
        return new TrajectorySummary(sum(shape, leafTotals, years), sum(shape, leafByAge, 2 * groups * kept));
    }

    /** Leaf rows of {@code inner} values summed into every region's row. */
    private static float[] sum(SummaryShape shape, double[] leafRows, int inner) {
        float[] out = new float[shape.regions() * inner];
        double[] row = new double[inner];
        for (int reg = 0; reg < shape.regions(); reg++) {
            int[] m = shape.members().get(reg);
            java.util.Arrays.fill(row, m.length == 0 ? Double.NaN : 0);
            for (int l : m) {
                for (int i = 0; i < inner; i++) {
                    row[i] += leafRows[l * inner + i];
                }
            }
            for (int i = 0; i < inner; i++) {
                out[reg * inner + i] = (float) row[i];
            }
        }
        return out;
    }
}
