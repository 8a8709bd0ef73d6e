package org.popcast.models.cohort;

import java.util.Arrays;
import java.util.List;

import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.Sex;

/**
 * Period indicators of every region, scenario and step, from the rates the projection used: the
 * total fertility rate TFR = n sum_x f_x and life-table summaries (e0, e65, 5q0, 45q15) by sex.
 * A region of one projected leaf has its leaf's own values. A region of several pools its
 * leaves' rates weighted by their exposure E (the mean of the start and end population of the
 * age group and sex in the step): f_x = sum f_{l,x} E_{l,x} / sum E_{l,x}, and the life table of
 * m_x = sum m_{l,x} E_{l,x} / sum E_{l,x}, which are the rates of the pooled births and deaths
 * the leaves' rates imply. Values are those of the step starting in the year; the last year
 * starts no step (NaN).
 */
public final class ProjectionIndicators {

    /** A life-table summary: its variable name, what it is, and its unit. */
    public enum Summary {
        E0("e0", "life expectancy at birth", "year"),
        E65("e65", "life expectancy at exact age 65", "year"),
        Q0_5("q0_5", "probability of dying between exact ages 0 and 5 (5q0)", "1"),
        Q15_60("q15_60", "probability of dying between exact ages 15 and 60 (45q15)", "1");

        private final String variable;
        private final String longName;
        private final String units;

        Summary(String variable, String longName, String units) {
            this.variable = variable;
            this.longName = longName;
            this.units = units;
        }

        public String variable() {
            return variable;
        }

        public String longName() {
            return longName;
        }

        public String units() {
            return units;
        }

        /** The summary of a life table; NaN when its ages do not start a group or the table lacks l_x. */
        double of(LifeTable t) {
            return switch (this) {
                case E0 -> t.e0();
                case E65 -> t.startsGroup(65) ? t.expectancy(65) : Double.NaN;
                case Q0_5 -> t.startsGroup(5) ? t.deathProbability(0, 5) : Double.NaN;
                case Q15_60 -> t.startsGroup(15) && t.startsGroup(60) ? t.deathProbability(15, 60) : Double.NaN;
            };
        }
    }

    private final int scenarios;
    private final int regions;
    private final int years;
    /** [S][R][Y] */
    private final double[] tfr;
    /** per summary [S][R][2][Y] */
    private final double[][] summaries = new double[Summary.values().length][];

    /** @param members for each region, the leaves it sums */
    public ProjectionIndicators(ProjectionPlan plan, ProjectionResult result, List<int[]> members) {
        scenarios = result.scenarios();
        regions = members.size();
        years = result.years().length;
        tfr = nan(scenarios * regions * years);
        for (int k = 0; k < summaries.length; k++) {
            summaries[k] = nan(scenarios * regions * CohortLayout.SEXES * years);
        }
        Pooling pooling = new Pooling(plan, result);
        for (int t = 0; t < years - 1; t++) {
            pooling.step(t);
            for (int s = 0; s < scenarios; s++) {
                for (int r = 0; r < regions; r++) {
                    record(s, r, t, pooling, members.get(r));
                }
            }
        }
    }

    /** TFR, [S][R][Y] (year innermost). */
    public double[] tfr() {
        return tfr.clone();
    }

    /** A life-table summary by sex, [S][R][2][Y]. */
    public double[] summary(Summary which) {
        return summaries[which.ordinal()].clone();
    }

    private void record(int s, int r, int t, Pooling pooling, int[] leaves) {
        if (leaves.length == 0) {
            return;
        }
        tfr[(s * regions + r) * years + t] = pooling.tfr(s, leaves);
        for (int sex = 0; sex < CohortLayout.SEXES; sex++) {
            LifeTable table = pooling.lifeTable(s, leaves, sex);
            for (Summary m : Summary.values()) {
                summaries[m.ordinal()][((s * regions + r) * CohortLayout.SEXES + sex) * years + t] = table == null ? Double.NaN : m.of(table);
            }
        }
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** The rates of one step and the exposures that pool them. */
    private static final class Pooling {
        private final ProjectionPlan plan;
        private final ProjectionResult result;
        private final CohortLayout layout;
        private final double[] ages;
        private final double width;
        private double[] fertility;
        private LifeTable[] tables;
        /** m_x of every table, [L][2] (null for a table made from L_x) */
        private double[][] mx;
        private double[] start;
        private double[] end;
        private int stepped = -1;

        Pooling(ProjectionPlan plan, ProjectionResult result) {
            this.plan = plan;
            this.result = result;
            this.layout = result.layout();
            this.ages = plan.input().ages();
            this.width = plan.stepLength();
        }

        void step(int t) {
            fertility = plan.fertility(t);
            tables = plan.lifeTables(t);
            mx = Arrays.stream(tables).map(LifeTable::rates).toArray(double[][]::new);
            // years in order: this step's end is the next one's start (read once from a result on disk)
            start = end != null && t == stepped + 1 ? end : result.populationAt(t);
            end = result.populationAt(t + 1);
            stepped = t;
        }

        double exposure(int l, int s, int sex, int x) {
            int i = layout.index(l, s, sex, x);
            return (start[i] + end[i]) / 2;
        }

        double tfr(int s, int[] leaves) {
            double sum = 0;
            for (int x = 0; x < ages.length; x++) {
                sum += pooled(leaves, s, Sex.F.ordinal(), x, (l, a) -> fertility[layout.fertilityIndex(l, s, a)]);
            }
            return width * sum;
        }

        /** The leaf's own table, or the table of the pooled m_x (null when a leaf's table has no m_x). */
        LifeTable lifeTable(int s, int[] leaves, int sex) {
            if (leaves.length == 1) {
                return tables[layout.leafSex(leaves[0], sex)];
            }
            for (int l : leaves) {
                if (mx[layout.leafSex(l, sex)] == null) {
                    return null;
                }
            }
            double[] m = new double[ages.length];
            for (int x = 0; x < ages.length; x++) {
                m[x] = pooled(leaves, s, sex, x, (l, a) -> mx[layout.leafSex(l, sex)][a]);
            }
            return LifeTable.fromMx(ages, m, Sex.values()[sex]);
        }

        /** The exposure-weighted mean of a leaf rate at age x (the plain mean where no one is exposed). */
        private double pooled(int[] leaves, int s, int sex, int x, LeafRate rate) {
            double weighted = 0, exposure = 0, plain = 0;
            for (int l : leaves) {
                double v = rate.at(l, x), e = exposure(l, s, sex, x);
                weighted += v * e;
                exposure += e;
                plain += v;
            }
            return exposure > 0 ? weighted / exposure : plain / leaves.length;
        }
    }

    @FunctionalInterface
    private interface LeafRate {
        double at(int leaf, int age);
    }
}
