package org.popcast.kernels.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogLogisticCurveTest {

    @Test
    void parametersMeanWhatTheSeedSays() {
        LogLogisticCurve f = new LogLogisticCurve(0.012, 0.008, 3, 15);
        assertEquals(0.012, f.value(0), 0, "a is the value at t = 0");
        assertEquals(0.010, f.value(15), 1e-15, "d is where the curve is half way");
        assertEquals(0.008, f.value(1e9), 1e-12, "b is the limit");
        // against the seed's own form (a + b (t/d)^c) / (1 + (t/d)^c)
        double t = 7.3, u = Math.pow(t / 15, 3);
        assertEquals((0.012 + 0.008 * u) / (1 + u), f.value(t), 1e-17);
        assertEquals(5.0, LogLogisticCurve.constant(5).value(123), 0);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        double[][] params = {{0.012, 0.008, 3, 15}, {-2000, 5000, 0.7, 4}, {1, 1.5, 12, 30}};
        for (double[] p : params) {
            LogLogisticCurve f = LogLogisticCurve.of(p);
            for (double t : new double[] {0, 0.5, 3, 14.9, 40}) {
                double[] g = f.gradient(t);
                for (int i = 0; i < 4; i++) {
                    double step = 1e-6 * Math.max(1, Math.abs(p[i]));
                    double[] up = p.clone(), down = p.clone();
                    up[i] += step;
                    down[i] -= step;
                    double fd = (LogLogisticCurve.of(up).value(t) - LogLogisticCurve.of(down).value(t)) / (2 * step);
                    double scale = Math.abs(p[1] - p[0]) + Math.abs(p[0]);
                    assertEquals(fd, g[i], 1e-7 * scale, "d/d" + LogLogisticCurve.NAMES[i] + " at t=" + t);
                }
            }
        }
    }

    @Test
    void steepCurvesDoNotOverflow() {
        LogLogisticCurve f = new LogLogisticCurve(1, 2, 500, 10);
        assertEquals(1, f.value(5), 1e-15);
        assertEquals(2, f.value(20), 1e-15);
        for (double g : f.gradient(5)) {
            assertEquals(true, Double.isFinite(g));
        }
    }

    @Test
    void rejectsBadParametersAndNegativeTimes() {
        assertThrows(IllegalArgumentException.class, () -> new LogLogisticCurve(1, 2, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LogLogisticCurve(1, 2, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new LogLogisticCurve(1, 2, 1, 1).value(-0.5));
    }
}
