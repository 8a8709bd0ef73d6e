package org.popcast.kernels.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CounterGaussianTest {

    @Test
    void aKeyGivesTheSameDrawInAnyOrderAndOnAnyThread() {
        CounterGaussian g = new CounterGaussian(42);
        double[] forward = IntStream.range(0, 500).mapToDouble(i -> g.draw(1, i, 7, 2030)).toArray();
        double[] parallel = new double[500];
        IntStream.range(0, 500).parallel().map(i -> 499 - i).forEach(i -> parallel[i] = new CounterGaussian(42).draw(1, i, 7, 2030));
        for (int i = 0; i < 500; i++) {
            assertEquals(Double.doubleToLongBits(forward[i]), Double.doubleToLongBits(parallel[i]), "trajectory " + i);
        }
    }

    @Test
    void everyPartOfTheKeyChangesTheDraw() {
        CounterGaussian g = new CounterGaussian(42);
        double base = g.draw(1, 3, 7, 2030);
        assertNotEquals(base, new CounterGaussian(43).draw(1, 3, 7, 2030));
        assertNotEquals(base, g.draw(2, 3, 7, 2030));
        assertNotEquals(base, g.draw(1, 4, 7, 2030));
        assertNotEquals(base, g.draw(1, 3, 8, 2030));
        assertNotEquals(base, g.draw(1, 3, 7, 2031));
    }

    @Test
    void drawsAreStandardNormalAndUncorrelatedAcrossNeighbouringKeys() {
        CounterGaussian g = new CounterGaussian(7);
        int n = 200_000;
        double sum = 0, squares = 0, lag = 0, inside = 0, prev = 0;
        for (int i = 0; i < n; i++) {
            double x = g.draw(3, i / 400, i % 400, 2010);
            sum += x;
            squares += x * x;
            lag += x * prev;
            inside += Math.abs(x) < 1.959964 ? 1 : 0;
            prev = x;
        }
        // standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032, lag-1 correlation 0.0022
        assertEquals(0, sum / n, 0.011);
        assertEquals(1, squares / n, 0.016);
        assertEquals(0, lag / n, 0.011);
        // P(|Z| < 1.96) = 0.95, standard error 0.0005
        assertEquals(0.95, inside / n, 0.0025);
        assertTrue(Double.isFinite(sum));
    }
}
