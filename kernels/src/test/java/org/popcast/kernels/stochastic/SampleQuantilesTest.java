package org.popcast.kernels.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.hipparchus.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class SampleQuantilesTest {

    @Test
    void matchesNumpysDefaultOnAHandCase() {
        // numpy.percentile([4, 1, 3, 2], [0, 25, 50, 90, 100]) = [1, 1.75, 2.5, 3.7, 4]
        assertArrayEquals(new double[] {1, 1.75, 2.5, 3.7, 4},
                SampleQuantiles.of(new double[] {4, 1, 3, 2}, new double[] {0, 0.25, 0.5, 0.9, 1}), 1e-12);
        assertArrayEquals(new double[] {7, 7}, SampleQuantiles.of(new double[] {7}, new double[] {0.1, 0.975}), 0);
    }

    @Test
    void matchesHipparchusR7OnRandomSamples() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] p = {0.025, 0.1, 0.5, 0.9, 0.975};
        for (int n : new int[] {2, 5, 99, 1000}) {
            double[] x = rng.doubles(n).map(v -> Math.exp(3 * v)).toArray();
            double[] q = SampleQuantiles.of(x, p);
            Percentile oracle = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            for (int k = 0; k < p.length; k++) {
                assertEquals(oracle.evaluate(x, 100 * p[k]), q[k], 1e-12 * Math.abs(q[k]), "n = " + n + ", p = " + p[k]);
            }
        }
    }

    @Test
    void rejectsNoValuesAndBadProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> SampleQuantiles.of(new double[0], new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> SampleQuantiles.of(new double[] {1}, new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> SampleQuantiles.of(new double[] {1}, new double[] {Double.NaN}));
    }
}
