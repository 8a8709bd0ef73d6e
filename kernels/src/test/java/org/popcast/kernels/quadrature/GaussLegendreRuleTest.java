package org.popcast.kernels.quadrature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussLegendreRuleTest {

    @Test
    void isExactForPolynomialsUpToDegreeTwoNMinusOne() {
        GaussLegendreRule rule = new GaussLegendreRule(5);
        for (int degree = 0; degree <= 9; degree++) {
            int d = degree;
            double exact = (Math.pow(3, d + 1) - Math.pow(-1, d + 1)) / (d + 1);
            assertEquals(exact, rule.integrate(x -> Math.pow(x, d), -1, 3), 1e-12 * Math.max(1, Math.abs(exact)), "x^" + d);
        }
        // degree 10 is not integrated exactly by 5 nodes: the rule is not a stub
        double exact10 = (Math.pow(3, 11) + 1) / 11;
        double got10 = rule.integrate(x -> Math.pow(x, 10), -1, 3);
        assertEquals(exact10, got10, 1e-3 * exact10);
        org.junit.jupiter.api.Assertions.assertNotEquals(exact10, got10, 1e-9 * exact10);
    }

    @Test
    void splittingAtAKinkRestoresFullAccuracy() {
        GaussLegendreRule rule = new GaussLegendreRule(8);
        // integral_0^1 |x - 0.3| dx = 0.3^2/2 + 0.7^2/2
        double exact = 0.5 * (0.09 + 0.49);
        double unsplit = rule.integrate(x -> Math.abs(x - 0.3), 0, 1);
        double split = rule.integrate(x -> Math.abs(x - 0.3), 0, 1, new double[] {0.3, -5, 7}, 10);
        assertEquals(exact, split, 1e-15);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(unsplit - exact) > 1e-5, "the kink must hurt the unsplit rule");
    }

    @Test
    void compositeRuleIntegratesAnExponentialToMachinePrecision() {
        GaussLegendreRule rule = new GaussLegendreRule(16);
        double exact = (1 - Math.exp(-0.27 * 100)) / 0.27;
        assertEquals(exact, rule.integrate(x -> Math.exp(-0.27 * x), 0, 100, new double[0], 5), 1e-14 * exact);
        assertEquals(0, rule.integrate(x -> 1, 2, 2, new double[0], 1));
    }

    @Test
    void nodesAndWeightsMapToTheInterval() {
        GaussLegendreRule rule = new GaussLegendreRule(3);
        // the 3-point rule on [-1, 1]: 0, +-sqrt(3/5) with weights 8/9, 5/9
        double[] x = rule.nodes(20, 35);
        double[] w = rule.weights(20, 35);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new double[] {27.5 - 7.5 * Math.sqrt(0.6), 27.5, 27.5 + 7.5 * Math.sqrt(0.6)}, sorted, 1e-12);
        assertEquals(15, w[0] + w[1] + w[2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new GaussLegendreRule(0));
    }

    @Test
    void cutsDropBreakpointsOutsideAndNearDuplicates() {
        assertArrayEquals(new double[] {0, 0.5, 1}, GaussLegendreRule.cuts(0, 1, new double[] {0.5, 0.5 + 1e-15, 0, 1, 2}));
    }
}
