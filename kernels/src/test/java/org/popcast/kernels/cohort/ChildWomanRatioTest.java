package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChildWomanRatioTest {

    static final double[] FIVE = {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55};

    @Test
    void ratioByHandOnFiveYearGroups() {
        double[] f = {100, 90, 90, 80, 80, 80, 80, 80, 80, 80, 70, 300};
        double[] m = {110, 95, 90, 80, 80, 80, 80, 80, 80, 80, 70, 250};
        // children 0-4: 100 + 110 = 210; women 15-49: 7 x 80 = 560
        assertEquals(210.0 / 560, ChildWomanRatio.of(FIVE, f, m), 1e-15);
    }

    @Test
    void singleYearGroupsGiveTheSameRatioAsTheirFiveYearSums() {
        double[] ages = new double[61];
        double[] f = new double[61], m = new double[61];
        double[] f5 = new double[12], m5 = new double[12];
        for (int a = 0; a <= 60; a++) {
            ages[a] = a;
            f[a] = 1000 - 7 * a + (a % 3);
            m[a] = 1040 - 8 * a;
            f5[Math.min(a / 5, 11)] += f[a];
            m5[Math.min(a / 5, 11)] += m[a];
        }
        assertEquals(ChildWomanRatio.of(FIVE, f5, m5), ChildWomanRatio.of(ages, f, m), 1e-14);
    }

    @Test
    void multipliersKeepTotalBirthsAndRanks() {
        double[] women = {400, 600, 500};
        double[] ratios = {100.0 / 400, 300.0 / 600, 50.0 / 500};
        double[] births = {40, 60, 50};
        double[] k = ChildWomanRatio.multipliers(ratios, women, births);
        // CWR 0.25, 0.5, 0.1; pooled 450 / 1500 = 0.3; raw k 5/6, 5/3, 1/3;
        // raw births 100/3 + 100 + 50/3 = 150 = sum of births, so the rescaling factor is 1
        assertEquals(5.0 / 6, k[0], 1e-14);
        assertEquals(5.0 / 3, k[1], 1e-14);
        assertEquals(1.0 / 3, k[2], 1e-14);
        double[] k2 = ChildWomanRatio.multipliers(ratios, women, new double[] {10, 60, 50});
        double kept = k2[0] * 10 + k2[1] * 60 + k2[2] * 50;
        assertEquals(120, kept, 1e-12);
        assertTrue(k2[1] > k2[0] && k2[0] > k2[2]);
    }

    @Test
    void regionWithoutWomenIsNaNAndDoesNotEnterThePool() {
        double[] k = ChildWomanRatio.multipliers(new double[] {0.25, Double.NaN}, new double[] {400, 0}, new double[] {40, 0});
        assertEquals(1, k[0], 1e-14);
        assertTrue(Double.isNaN(k[1]));
    }

    @Test
    void groupsCrossingTheBoundariesAreRejected() {
        double[] ages = {0, 10, 20, 50};
        assertThrows(IllegalArgumentException.class, () -> ChildWomanRatio.of(ages, new double[4], new double[4]));
    }
}
