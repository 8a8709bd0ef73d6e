package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrassLogitTest {

    @Test
    void logitAndSurvivorsByHand() {
        assertEquals(0, BrassLogit.logit(0.5), 1e-15);
        assertEquals(-1.0986122887, BrassLogit.logit(0.9), 1e-10); // 1/2 ln(1/9)
        // l_s = 0.9, alpha = -0.2: 1 / (1 + exp(2 (-0.2 - 1.0986123))) = 0.9306827...
        double[] l = BrassLogit.survivors(new double[] {100_000, 90_000, 80_000}, -0.2, 1);
        assertEquals(1, l[0], 0);
        assertEquals(0.9306827, l[1], 1e-7);
        // l_s = 0.8, alpha = 0.3, beta = 1.2: 1 / (1 + exp(2 (0.3 + 1.2 x 1/2 ln(0.25)))) = 0.74337...
        assertEquals(0.7433690, BrassLogit.survivors(new double[] {1, 0.8}, 0.3, 1.2)[1], 1e-7);
    }

    @Test
    void levelZeroIsTheStandardAndLowerLevelsLiveLonger() {
        LifeTableTest.Published p = LifeTableTest.WPP2019_CHINA[1];
        LifeTable std = LifeTable.fromMx(LifeTableTest.ABRIDGED, p.mx(), p.sex());
        LifeTable same = BrassLogit.table(std, p.mx(), p.sex(), 0);
        assertEquals(std.e0(), same.e0(), 1e-9);
        for (int x = 0; x < p.mx().length; x++) {
            assertEquals(p.mx()[x], same.rates()[x], 1e-12 + 1e-9 * p.mx()[x]);
        }
        assertTrue(BrassLogit.table(std, p.mx(), p.sex(), -0.1).e0() > std.e0() + 1);
        assertTrue(BrassLogit.table(std, p.mx(), p.sex(), 0.1).e0() < std.e0() - 1);
    }

    /**
     * A published oracle: WPP 2019's China tables of 2005-2010 and 2010-2015 (e0 75.7 and 77.5 for
     * women). Brass's model with the older table as standard and alpha fitted to the newer e0 alone
     * gives the newer table's survivors l_x / l_0 at every age within 0.02 (measured: 0.016 for each sex, at 75-80; the whole curve from one number; a wrong sign or scale of the logit is off by 0.1 or more),
     * while the e0 is hit to 1e-8.
     */
    @Test
    void levelFittedToE0ReproducesALaterPublishedTable() {
        for (int i = 0; i < 2; i++) {
            LifeTableTest.Published old = LifeTableTest.WPP2019_CHINA[3 * i];
            LifeTableTest.Published later = LifeTableTest.WPP2019_CHINA[3 * i + 1];
            LifeTable std = LifeTable.fromMx(LifeTableTest.ABRIDGED, old.mx(), old.sex());
            LifeTable target = LifeTable.fromMx(LifeTableTest.ABRIDGED, later.mx(), later.sex());
            double alpha = BrassLogit.alphaForE0(std, old.mx(), old.sex(), target.e0());
            LifeTable fitted = BrassLogit.table(std, old.mx(), old.sex(), alpha);
            assertEquals(target.e0(), fitted.e0(), 1e-8);
            assertTrue(alpha < 0, "lower mortality is a negative level: " + alpha);
            double[] lf = fitted.lx(), lt = target.lx();
            double worst = 0;
            for (int x = 0; x < lf.length; x++) {
                worst = Math.max(worst, Math.abs(lt[x] / lt[0] - lf[x] / lf[0]));
            }
            assertTrue(worst < 0.02, old.sex() + ": " + worst);
        }
    }

    @Test
    void unreachableLifeExpectancyIsAnError() {
        LifeTableTest.Published p = LifeTableTest.WPP2019_CHINA[1];
        LifeTable std = LifeTable.fromMx(LifeTableTest.ABRIDGED, p.mx(), p.sex());
        assertThrows(IllegalArgumentException.class, () -> BrassLogit.alphaForE0(std, p.mx(), p.sex(), 140));
    }
}
