package org.popcast.kernels.quadrature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CutPointsTest {

    @Test
    void mergingAscendingArraysGivesTheCutsOfSortingThemAll() {
        Random random = new Random(17);
        for (int trial = 0; trial < 500; trial++) {
            double[][] parts = new double[1 + random.nextInt(5)][];
            for (int k = 0; k < parts.length; k++) {
                parts[k] = random.doubles(random.nextInt(40), -10, 110).map(x -> random.nextInt(4) == 0 ? Math.rint(x) : x).sorted().toArray();
            }
            double lo = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 50, hi = lo + random.nextDouble() * 60;
            double[] all = Stream.of(parts).flatMapToDouble(Arrays::stream).toArray();
            assertArrayEquals(GaussLegendreRule.cuts(lo, hi, all), CutPoints.merge(lo, hi, parts), "trial " + trial);
        }
        assertArrayEquals(new double[] {0, 0.5, 1}, CutPoints.merge(0, 1, new double[] {0.5, 0.5 + 1e-15}, new double[] {0, 1, 2}));
    }

    @Test
    void ascendingSortsOnlyWhenNeeded() {
        double[] sorted = {1, 2, 2, 3};
        assertSame(sorted, CutPoints.ascending(sorted));
        assertArrayEquals(new double[] {1, 2, 3}, CutPoints.ascending(new double[] {3, 1, 2}));
    }

    @Test
    void aSizedRuleKeepsSmoothIntegralsToRoundOff() {
        GaussLegendreRule rule = GaussLegendreRule.of(16);
        double[] cuts = CutPoints.merge(0, 100, java.util.stream.IntStream.range(0, 600).mapToDouble(i -> i / 6.0 + 0.01).toArray());
        double exact = (1 - Math.exp(-27)) / 0.27;
        assertEquals(exact, rule.integrateSized(x -> Math.exp(-0.27 * x), cuts, 5), 1e-14 * exact);
        assertEquals(8, GaussLegendreRule.nodesFor(1.0 / 6, 5, 16));
        assertEquals(16, GaussLegendreRule.nodesFor(5, 5, 16));
        assertEquals(4, GaussLegendreRule.nodesFor(0.1, 5, 4));
    }
}
