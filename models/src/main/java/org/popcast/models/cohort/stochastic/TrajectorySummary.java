package org.popcast.models.cohort.stochastic;

/**
 * One trajectory reduced to what its quantiles need ({@link SummaryShape}), in single precision
 * (seven significant digits, half the memory of a thousand trajectories): totals [R][Y] and
 * population by sex and age group [R][2][G][Yq]. Regions without leaves are NaN.
 */
public record TrajectorySummary(float[] totals, float[] byAge) {

    /** From the leaves' totals [L][Y] and population by sex and age group [L][2][G][Yq], summed into every region. */
    static TrajectorySummary ofLeaves(SummaryShape shape, double[] leafTotals, double[] leafByAge) {
        int inner = 2 * shape.groups().groups() * shape.ageYears().length;
        return new TrajectorySummary(sum(shape, leafTotals, shape.years().length), sum(shape, leafByAge, inner));
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
