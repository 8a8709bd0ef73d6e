package org.popcast.models.cohort.stochastic;

import java.util.ArrayList;
import java.util.List;

import org.popcast.kernels.cohort.AgeRegrouping;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ProjectionResult;
import org.popcast.models.cohort.RegionTree;

/**
 * What a trajectory keeps: every region's total in every year, and its population by sex and
 * age group (five-year groups where the ages allow, the last open) every {@code ageEvery} years
 * from the base year.
 *
 * @param members   for each region the leaves it sums ({@link RegionTree})
 * @param years     the projection's years
 * @param ageYears  indices into {@code years} of the years kept by sex and age
 * @param groups    the age groups
 */
public record SummaryShape(List<int[]> members, int[] years, int[] ageYears, AgeRegrouping groups) {

    public static SummaryShape of(ProjectionPlan plan, int ageEvery) {
        if (ageEvery < 1) {
            throw new IllegalArgumentException("--quantile-every must be >= 1 year, got " + ageEvery);
        }
        CohortInput in = plan.input();
        int[] years = new int[plan.steps() + 1];
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < years.length; t++) {
            years[t] = plan.year(t);
            if ((years[t] - years[0]) % ageEvery == 0 || t == years.length - 1) {
                kept.add(t);
            }
        }
        return new SummaryShape(RegionTree.members(in), years, kept.stream().mapToInt(Integer::intValue).toArray(),
                ProjectionResult.flowGroups(in.ages()));
    }

    public int regions() {
        return members.size();
    }

    /** Values kept per trajectory: totals [R][Y]. */
    public int totalSize() {
        return regions() * years.length;
    }

    /** Values kept per trajectory: by sex and age [R][2][G][Yq]. */
    public int byAgeSize() {
        return regions() * 2 * groups.groups() * ageYears.length;
    }

    public int[] keptYears() {
        int[] out = new int[ageYears.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = years[ageYears[i]];
        }
        return out;
    }
}
