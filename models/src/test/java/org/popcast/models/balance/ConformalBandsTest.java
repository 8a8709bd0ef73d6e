package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Split-conformal bands against known noise: the factor is the normal quantile, coverage the nominal level. */
class ConformalBandsTest {

    /** Log errors N(0, 0.02^2) per year, 200 per year for 2000-2009, scored on 2010-2019 with the past only. */
    @Test
    void calibratedCoverageOfKnownNoiseIsNominal() {
        Random rng = new Random(16);
        double sigma = 0.02;
        List<ConformalBands.Score> scores = new ArrayList<>();
        List<double[]> future = new ArrayList<>(); // year, log error
        for (int year = 2000; year < 2020; year++) {
            for (int k = 0; k < 200; k++) {
                double e = sigma * rng.nextGaussian();
                scores.add(new ConformalBands.Score(year, 1, ConformalBands.score(Math.exp(e), 1, 1)));
                if (year >= 2010) {
                    future.add(new double[] {year, e});
                }
            }
        }
        ConformalBands bands = new ConformalBands(scores, 0.9);
        // the independent reference: |N(0, sigma)| has its 90 % quantile at the normal's 95 % point
        double reference = sigma * new NormalDistribution(0, 1).inverseCumulativeProbability(0.95);
        assertEquals(reference, bands.factor(2009, 1), 0.08 * reference, "2000 past scores pin the quantile to a few %");
        int inside = 0;
        for (double[] f : future) {
            // a forecast of 1 made at the end of the year before, its observation e^e
            double[] band = bands.band(1, 1, (int) f[0] - 1, 1);
            inside += Math.exp(f[1]) >= band[0] && Math.exp(f[1]) <= band[1] ? 1 : 0;
        }
        double coverage = (double) inside / future.size();
        // 2000 binomial draws at 0.9: sd 0.7 %; 2 % is about three sd
        assertEquals(0.9, coverage, 0.02, "coverage " + coverage);
    }

    @Test
    void uncalibratedBandsOfTheWrongWidthMissAndCalibrationMends() {
        Random rng = new Random(7);
        List<ConformalBands.Score> scores = new ArrayList<>();
        double modelHalfWidth = 0.01, trueSigma = 0.03; // a model's band three times too narrow
        int insideRaw = 0, insideCalibrated = 0, n = 0;
        for (int year = 2000; year < 2030; year++) {
            ConformalBands bands = new ConformalBands(scores, 0.9);
            for (int k = 0; k < 100; k++) {
                double e = trueSigma * rng.nextGaussian();
                double observed = Math.exp(e);
                if (year >= 2005) {
                    n++;
                    insideRaw += Math.abs(e) <= modelHalfWidth ? 1 : 0;
                    double[] b = bands.band(1, modelHalfWidth, year - 1, 1);
                    insideCalibrated += observed >= b[0] && observed <= b[1] ? 1 : 0;
                }
                scores.add(new ConformalBands.Score(year, 1, ConformalBands.score(1, observed, modelHalfWidth)));
            }
        }
        assertTrue(insideRaw < 0.35 * n, "the raw band covers about 26 %: " + insideRaw + " of " + n);
        assertEquals(0.9, (double) insideCalibrated / n, 0.025);
    }

    @Test
    void theScoredYearAndLaterAreNeverRead() {
        List<ConformalBands.Score> past = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            past.add(new ConformalBands.Score(2010 + i % 5, 2, i / 100.0));
        }
        double before = new ConformalBands(past, 0.9).factor(2014, 2);
        List<ConformalBands.Score> withFuture = new ArrayList<>(past);
        for (int i = 0; i < 500; i++) {
            withFuture.add(new ConformalBands.Score(2015 + i % 3, 2, 10 + i)); // huge errors from 2015 on
        }
        assertEquals(before, new ConformalBands(withFuture, 0.9).factor(2014, 2), 0);
        assertTrue(new ConformalBands(withFuture, 0.9).factor(2015, 2) > before, "but they count once observed");
        assertTrue(Double.isNaN(new ConformalBands(past, 0.9).factor(2014, 1)), "no scores at horizon 1: no band");
        assertTrue(Double.isNaN(new ConformalBands(past.subList(0, 10), 0.9).factor(2014, 2)), "too few scores: no band");
    }
}
