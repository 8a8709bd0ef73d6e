package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LifeTableTest {

    static final double[] ABRIDGED = {0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100};

    /** UN WPP 2019, China, central death rates by abridged age, and the e0 WPP published for the same period. */
    record Published(String period, Sex sex, double[] mx, double e0) {
    }

    static final Published[] WPP2019_CHINA = {
        new Published("2005-2010", Sex.F, new double[] {0.01666, 0.00072, 0.00044, 0.00029, 4e-04, 0.00054, 0.00065, 0.00086, 0.00111,
                0.00163, 0.00235, 0.00366, 0.00593, 0.01107, 0.01946, 0.03697, 0.06261, 0.10475, 0.16706, 0.23945, 0.34805, 0.39581831}, 75.67),
        new Published("2010-2015", Sex.F, new double[] {0.01069, 0.00044, 0.00034, 0.00022, 0.00032, 0.00042, 0.00053, 7e-04, 9e-04,
                0.00132, 0.0019, 0.00309, 0.00523, 0.00989, 0.01794, 0.03316, 0.05616, 0.09395, 0.14984, 0.21475, 0.2967, 0.3554114}, 77.45),
        new Published("2015-2020", Sex.F, new double[] {0.00819, 0.00035, 0.00028, 0.00019, 0.00028, 0.00037, 0.00047, 0.00062, 0.00079,
                0.00116, 0.00166, 0.0027, 0.00455, 0.0086, 0.01559, 0.02888, 0.04912, 0.08274, 0.13317, 0.19291, 0.26952, 0.32875121}, 78.97),
        new Published("2005-2010", Sex.M, new double[] {0.0199, 0.00084, 0.00051, 0.00035, 0.00055, 0.00074, 0.00102, 0.00138, 0.00173,
                0.00233, 0.00321, 0.00519, 0.0087, 0.0162, 0.02909, 0.05484, 0.09386, 0.13295, 0.20462, 0.29409, 0.38906, 0.50153846}, 71.89),
        new Published("2010-2015", Sex.M, new double[] {0.0139, 0.00056, 4e-04, 0.00031, 0.00045, 0.00065, 0.00091, 0.00112, 0.00141,
                0.00196, 0.00293, 0.00495, 0.00834, 0.01574, 0.02862, 0.0522, 0.08814, 0.12725, 0.19398, 0.27843, 0.36834, 0.47520661}, 73.07),
        new Published("2015-2020", Sex.M, new double[] {0.01158, 0.00047, 0.00034, 0.00027, 0.00039, 0.00057, 0.00079, 0.00098, 0.00124,
                0.00172, 0.00258, 0.00436, 0.00734, 0.01385, 0.02524, 0.04624, 0.07861, 0.11456, 0.17643, 0.25587, 0.34182, 0.44596132}, 74.47),
    };

    @Test
    void lifeExpectancyMatchesTheUnPublishedValues() {
        // WPP's own tables use refined a_x at old ages; the textbook a_x = n/2 costs about 0.04
        // years. A wrong a_0, a missing open group or a q/m mix-up costs 0.3 to several years.
        for (Published p : WPP2019_CHINA) {
            LifeTable t = LifeTable.fromMx(ABRIDGED, p.mx(), p.sex());
            assertEquals(p.e0(), t.e0(), 0.06, p.period() + " " + p.sex());
        }
    }

    @Test
    void handComputedThreeGroupTable() {
        // ages 0, 1, 5+; m = 0.02, 0.005, 0.1; female a0 = 0.053 + 2.8 * 0.02 = 0.109, 4a1 = 1.522 - 1.518 * 0.02 = 1.49164
        LifeTable t = LifeTable.fromMx(new double[] {0, 1, 5}, new double[] {0.02, 0.005, 0.1}, Sex.F);
        double q0 = 0.02 / (1 + (1 - 0.109) * 0.02);               // 0.0196498...
        double l1 = 100_000 * (1 - q0);
        double q1 = 4 * 0.005 / (1 + (4 - 1.49164) * 0.005);
        double l5 = l1 * (1 - q1);
        double[] expectedL = {l1 + 0.109 * (100_000 - l1), 4 * l5 + 1.49164 * (l1 - l5), l5 / 0.1};
        assertArrayEquals(expectedL, t.personYears(), 1e-8);
        assertEquals(98_035.02, t.lx()[1], 0.01);                   // by hand: 100000 (1 - 0.0196498)
        assertEquals((expectedL[0] + expectedL[1] + expectedL[2]) / 100_000, t.e0(), 1e-12);
    }

    @Test
    void expectancyAndDeathProbabilitiesByHand() {
        // the three-group table above: e_1 = (L_1 + L_5+) / l_1, e_5 = L_5+ / l_5 = 1 / m_5+, 5q0 = 1 - l_5 / l_0
        LifeTable t = LifeTable.fromMx(new double[] {0, 1, 5}, new double[] {0.02, 0.005, 0.1}, Sex.F);
        double[] l = t.lx(), big = t.personYears();
        assertEquals(t.e0(), t.expectancy(0), 1e-15);
        assertEquals((big[1] + big[2]) / l[1], t.expectancy(1), 1e-12);
        assertEquals(10, t.expectancy(5), 1e-12);
        double q0 = 0.02 / (1 + (1 - 0.109) * 0.02), q1 = 4 * 0.005 / (1 + (4 - 1.49164) * 0.005);
        assertEquals(1 - (1 - q0) * (1 - q1), t.deathProbability(0, 5), 1e-12);
        assertEquals(q1, t.deathProbability(1, 5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> t.expectancy(3));
        assertThrows(IllegalArgumentException.class, () -> t.deathProbability(5, 1));
    }

    @Test
    void expectanciesFollowTheLifeTableRecursion() {
        // l_x e_x = L_x + l_{x+n} e_{x+n} at every group; the 45q15 of WPP 2019 China 2015-2020 by hand: 1 - l_60 / l_15
        LifeTable t = LifeTable.fromMx(ABRIDGED, WPP2019_CHINA[5].mx(), Sex.M);
        double[] l = t.lx(), big = t.personYears();
        for (int x = 0; x < ABRIDGED.length - 1; x++) {
            assertEquals(big[x] + l[x + 1] * t.expectancy(ABRIDGED[x + 1]), l[x] * t.expectancy(ABRIDGED[x]), 1e-6, "age " + ABRIDGED[x]);
        }
        assertEquals(1 / WPP2019_CHINA[5].mx()[ABRIDGED.length - 1], t.expectancy(100), 1e-12);
        assertEquals(1 - l[13] / l[4], t.deathProbability(15, 60), 1e-15);
        assertEquals(0.095, t.deathProbability(15, 60), 0.001);   // Python by hand, a_x = n/2 above age 5: 0.09503
    }

    @Test
    void aTableFromLxKnowsOnlyE0() {
        LifeTable t = LifeTable.fromLx(new double[] {0, 5, 10}, new double[] {4.5, 4.2, 20}, 1);
        assertEquals(28.7, t.expectancy(0), 1e-12);
        assertTrue(Double.isNaN(t.expectancy(5)));
        assertTrue(Double.isNaN(t.deathProbability(0, 5)));
    }

    @Test
    void constantHazardGivesExponentialSurvivalFromLx() {
        // l(x) = exp(-mu x): L_x = (l_x - l_{x+n}) / mu, L_open = l_open / mu, so every ratio is exp(-mu n)
        double mu = 0.03, n = 5;
        double[] ages = {0, 5, 10, 15, 20};
        double[] big = new double[ages.length];
        for (int i = 0; i < ages.length; i++) {
            double l = Math.exp(-mu * ages[i]);
            big[i] = i < ages.length - 1 ? (l - Math.exp(-mu * ages[i + 1])) / mu : l / mu;
        }
        LifeTable t = LifeTable.fromLx(ages, big, 1);
        for (double s : t.survivalRatios()) {
            assertEquals(Math.exp(-mu * n), s, 1e-14);
        }
        assertEquals((1 - Math.exp(-mu * n)) / (mu * n), t.birthSurvival(), 1e-14);
        assertEquals(1 / mu, t.e0(), 1e-12);
    }

    @Test
    void qxRoundTripsThroughMx() {
        LifeTable fromM = LifeTable.fromMx(ABRIDGED, WPP2019_CHINA[1].mx(), Sex.F);
        double[] l = fromM.lx();
        double[] q = new double[l.length];
        for (int i = 0; i < l.length - 1; i++) {
            q[i] = 1 - l[i + 1] / l[i];
        }
        LifeTable fromQ = LifeTable.fromQx(ABRIDGED, q, Sex.F);
        double[] a = fromM.personYears(), b = fromQ.personYears();
        for (int i = 0; i < a.length - 1; i++) {
            assertEquals(a[i], b[i], 1e-7 * a[i], "L at " + ABRIDGED[i]);
        }
    }

    @Test
    void withE0HitsTheTargetByScalingRates() {
        LifeTable base = LifeTable.fromMx(ABRIDGED, WPP2019_CHINA[4].mx(), Sex.M);
        for (double target : new double[] {65, base.e0(), 80, 87}) {
            LifeTable secant = base.withE0(target), brent = base.withE0ByBrent(target);
            assertEquals(target, secant.e0(), 1e-11);
            double[] a = secant.survivalRatios(), b = brent.survivalRatios();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-12, "survival ratio " + i + " at e0 " + target);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> base.withE0(0.2));
        assertThrows(IllegalStateException.class, () -> LifeTable.fromLx(new double[] {0, 1, 2}, new double[] {1, 1, 1}, 1).scaled(2));
    }

    @Test
    void scaledE0IsTheScaledTablesE0ToTheBit() {
        double[] single = new double[101], mx = new double[101];
        for (int x = 0; x < 101; x++) {
            single[x] = x;
            mx[x] = 0.0002 * Math.exp(0.085 * x) + (x == 0 ? 0.012 : 0);
        }
        for (LifeTable t : List.of(LifeTable.fromMx(ABRIDGED, WPP2019_CHINA[4].mx(), Sex.M), LifeTable.fromMx(single, mx, Sex.F),
                LifeTable.fromMx(single, mx, Sex.M))) {
            for (double factor : new double[] {0.3, 0.97, 1, 1.0123, 4}) {
                assertEquals(t.scaled(factor).e0(), t.scaledE0(factor), 0, "factor " + factor);
            }
        }
    }

    @Test
    void shiftedE0AgreesWithBrentsRescaling() {
        LifeTable base = LifeTable.fromMx(ABRIDGED, WPP2019_CHINA[4].mx(), Sex.M);
        for (double delta : new double[] {-6, -0.7, -1e-3, 1e-3, 0.4, 2.5, 8}) {
            LifeTable secant = base.shiftedE0(delta), brent = base.withE0ByBrent(base.e0() + delta);
            assertEquals(base.e0() + delta, secant.e0(), 1e-9, "e0 after a shift of " + delta);
            double[] a = secant.survivalRatios(), b = brent.survivalRatios();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-9, "survival ratio " + i + " after a shift of " + delta);
            }
        }
        assertSame(base, base.shiftedE0(0));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> LifeTable.fromMx(new double[] {0, 1, 2}, new double[] {0.1, -0.1, 0.2}, Sex.F));
        assertThrows(IllegalArgumentException.class, () -> LifeTable.fromMx(new double[] {0, 1, 2}, new double[] {0.1, 0.1, 0}, Sex.F));
        assertThrows(IllegalArgumentException.class, () -> LifeTable.fromMx(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1}, Sex.F));
        assertThrows(IllegalArgumentException.class, () -> LifeTable.fromQx(new double[] {0, 1, 2}, new double[] {0.1, 1.5, 1}, Sex.F));
    }
}
