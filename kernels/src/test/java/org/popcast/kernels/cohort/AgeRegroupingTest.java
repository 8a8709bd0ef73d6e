package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Regrouping ages: hand-computed cases, a naive oracle, and the life-table identities it keeps. */
class AgeRegroupingTest {

    /** Single years 0..100 (100 open), the projection's usual input. */
    static final double[] SINGLE = ages(1, 100);

    static double[] ages(int width, int open) {
        double[] a = new double[open / width + 1];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * width;
        }
        return a;
    }

    @Test
    void handComputedSmallCase() {
        // ages 0..10 (10 open) into five-year groups 0-4, 5-9, 10+
        double[] ages = ages(1, 10);
        AgeRegrouping r = new AgeRegrouping(ages, 5);
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertArrayEquals(new double[] {0, 5, 10}, r.groupedAges());
        assertArrayEquals(new double[] {15, 40, 11}, r.sum(v));
        assertArrayEquals(new double[] {3, 8, 11}, r.mean(v));
        assertArrayEquals(new double[] {15, 40, 11, 30, 80, 22}, r.sumRows(concat(v, times(v, 2))));
        assertArrayEquals(new double[] {3, 8, 11, 6, 16, 22}, r.meanRows(concat(v, times(v, 2))));
    }

    @Test
    void fiveYearGroupsIntoTen() {
        // 0, 5, ..., 30 (30 open) into 0-9, 10-19, 20-29, 30+
        AgeRegrouping r = new AgeRegrouping(ages(5, 30), 10);
        double[] v = {1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new double[] {0, 10, 20, 30}, r.groupedAges());
        assertArrayEquals(new double[] {3, 7, 11, 7}, r.sum(v));
        assertArrayEquals(new double[] {1.5, 3.5, 5.5, 7}, r.mean(v));
    }

    @Test
    void sumsAndMeansEqualANaiveRegrouping() {
        Random random = new Random(11);
        for (int[] c : new int[][] {{1, 100, 5}, {1, 100, 1}, {1, 90, 10}, {5, 100, 5}, {5, 80, 20}}) {
            double[] ages = ages(c[0], c[1]);
            AgeRegrouping r = new AgeRegrouping(ages, c[2]);
            double[] v = random.doubles(ages.length, -50, 1000).toArray();
            double[] grouped = r.groupedAges();
            for (int g = 0; g < grouped.length; g++) {
                double sum = 0;
                int count = 0;
                for (int a = 0; a < ages.length; a++) {
                    boolean inside = ages[a] >= grouped[g] && (g == grouped.length - 1 || ages[a] < grouped[g + 1]);
                    if (inside) {
                        sum += v[a];
                        count++;
                    }
                }
                assertEquals(sum, r.sum(v)[g], 1e-9 * Math.max(1, Math.abs(sum)));
                assertEquals(sum / count, r.mean(v)[g], 1e-9 * Math.max(1, Math.abs(sum)));
            }
        }
    }

    @Test
    void deathProbabilitiesKeepTheSurvivorsAtEveryBoundary() {
        LifeTable single = LifeTable.fromMx(SINGLE, gompertz(SINGLE), Sex.F);
        AgeRegrouping r = new AgeRegrouping(SINGLE, 5);
        LifeTable grouped = LifeTable.fromQx(r.groupedAges(), r.deathProbabilities(single), Sex.F);
        for (int g = 0; g < r.groups(); g++) {
            assertEquals(single.lx()[5 * g], grouped.lx()[g], 1e-9 * single.lx()[5 * g], "l at age " + 5 * g);
        }
        assertEquals(1, r.deathProbabilities(single)[r.groups() - 1]);
    }

    @Test
    void deathRatesAreDeathsOverPersonYearsOfTheGroup() {
        LifeTable single = LifeTable.fromMx(SINGLE, gompertz(SINGLE), Sex.M);
        AgeRegrouping r = new AgeRegrouping(SINGLE, 5);
        double[] m = r.deathRates(single), l = single.lx(), big = single.personYears();
        double deaths = 0;
        for (int g = 0; g < r.groups(); g++) {
            double years = 0;
            for (int a = 5 * g; a < (g == r.groups() - 1 ? SINGLE.length : 5 * g + 5); a++) {
                years += big[a];
            }
            double d = g == r.groups() - 1 ? l[5 * g] : l[5 * g] - l[5 * g + 5];
            assertEquals(d / years, m[g], 1e-12 * m[g], "group " + g);
            deaths += m[g] * years;
        }
        assertEquals(single.lx()[0], deaths, 1e-6, "every member of the cohort dies once");
    }

    @Test
    void rejectsAnOpenAgeOffTheNewGrid() {
        String message = assertThrows(IllegalArgumentException.class, () -> new AgeRegrouping(ages(1, 98), 5)).getMessage();
        assertEquals("the open age group starts at 98, which is not a multiple of the step 5", message);
        assertThrows(IllegalArgumentException.class, () -> new AgeRegrouping(ages(5, 100), 2));
        assertThrows(IllegalArgumentException.class, () -> new AgeRegrouping(SINGLE, 5).sum(new double[3]));
        assertTrue(new AgeRegrouping(SINGLE, 1).groups() == SINGLE.length);
    }

    private static double[] gompertz(double[] ages) {
        double[] m = new double[ages.length];
        for (int a = 0; a < ages.length; a++) {
            m[a] = a == 0 ? 0.01 : 5e-5 * Math.exp(0.09 * ages[a]);
        }
        return m;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] times(double[] a, double f) {
        return java.util.Arrays.stream(a).map(x -> x * f).toArray();
    }
}
