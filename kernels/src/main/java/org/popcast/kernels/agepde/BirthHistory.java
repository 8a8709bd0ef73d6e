package org.popcast.kernels.agepde;

import java.util.Arrays;

/**
 * Births B(t) as a piecewise polynomial: on each time panel, values at Chebyshev points of the
 * first kind, evaluated anywhere in the panel by barycentric interpolation (spectrally accurate
 * when B is smooth on the panel; panels end where B may kink or jump).
 */
final class BirthHistory {

    private final double[] starts;
    private final double[] ends;
    private final double[] unitNodes;   // Chebyshev points on [-1, 1]
    private final double[] baryWeights;
    private final double[][] values;    // per panel, at the nodes
    private int filled;

    BirthHistory(double[] starts, double[] ends, int nodeCount) {
        this.starts = starts;
        this.ends = ends;
        this.unitNodes = new double[nodeCount];
        this.baryWeights = new double[nodeCount];
        for (int j = 0; j < nodeCount; j++) {
            double theta = (2 * j + 1) * Math.PI / (2 * nodeCount);
            unitNodes[j] = Math.cos(theta);
            baryWeights[j] = ((j & 1) == 0 ? 1 : -1) * Math.sin(theta);
        }
        this.values = new double[starts.length][];
    }

    int panelCount() {
        return starts.length;
    }

    double[] panelNodes(int panel) {
        double mid = 0.5 * (starts[panel] + ends[panel]), half = 0.5 * (ends[panel] - starts[panel]);
        double[] t = new double[unitNodes.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = mid + half * unitNodes[j];
        }
        return t;
    }

    /** Panels must be filled in time order: births feed back only from completed panels. */
    void fill(int panel, double[] nodeValues) {
        if (panel != filled) {
            throw new IllegalStateException("panel " + panel + " filled out of order");
        }
        values[panel] = nodeValues.clone();
        filled++;
    }

    /** Panel boundaries, for splitting integrals over B. */
    double[] boundaries() {
        double[] b = Arrays.copyOf(starts, starts.length + 1);
        b[starts.length] = ends[ends.length - 1];
        return b;
    }

    /**
     * The ages v (t - p) at which the panel boundaries p are seen from time t, those in [lo, hi]
     * (and a neighbour either side), ascending: found by binary search, for splitting the feedback integral.
     */
    double[] boundaryAges(double t, double v, double lo, double hi) {
        int n = starts.length;
        // boundaries p_0..p_n are starts[0..n-1] then ends[n-1]; ages in [lo, hi] have p in [t - hi/v, t - lo/v]
        int first = Math.max(0, lowerIndex(t - hi / v) - 1);
        int last = Math.min(n, lowerIndex(t - lo / v) + 1);
        double[] ages = new double[Math.max(0, last - first + 1)];
        for (int i = last, j = 0; i >= first; i--, j++) {
            ages[j] = v * (t - boundary(i));
        }
        return ages;
    }

    private double boundary(int i) {
        return i < starts.length ? starts[i] : ends[ends.length - 1];
    }

    /** The index of the last start <= x, clamped to 0 .. panelCount. */
    private int lowerIndex(double x) {
        int k = Arrays.binarySearch(starts, x);
        if (k < 0) {
            k = -k - 2;
        }
        return Math.max(0, Math.min(k, starts.length));
    }

    /** B(t), right-continuous at panel boundaries. */
    double value(double t) {
        int k = Arrays.binarySearch(starts, t);
        if (k < 0) {
            k = -k - 2;
        }
        k = Math.max(0, Math.min(k, starts.length - 1));
        if (k >= filled) {
            throw new IllegalStateException("births at " + t + " are needed before they were computed");
        }
        double x = (2 * t - starts[k] - ends[k]) / (ends[k] - starts[k]);
        double num = 0, den = 0;
        for (int j = 0; j < unitNodes.length; j++) {
            double d = x - unitNodes[j];
            if (d == 0) {
                return values[k][j];
            }
            double w = baryWeights[j] / d;
            num += w * values[k][j];
            den += w;
        }
        return num / den;
    }
}
