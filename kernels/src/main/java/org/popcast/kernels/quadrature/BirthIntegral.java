package org.popcast.kernels.quadrature;

import java.util.function.DoubleUnaryOperator;

/**
 * Quadrature nodes and weights for the births at a set of boundary times,
 * B(t_k) = integral_lo^hi b(a, t_k) P(a, t_k) da, laid out for one batched network pass.
 *
 * <p>Each time gets two Gauss-Legendre pieces of {@code nodes} points, split at an age given per
 * time (where P jumps: the characteristic from the corner), or at the window's middle when that
 * age lies outside it. So every time has the same number of nodes and the births of all times are
 * one matrix product: {@code births = weights x (b P at the nodes)}, with a K x (K n) matrix that
 * is constant through training (as DeepXDE does for integral equations).
 */
public final class BirthIntegral {

    private final double[] ages;
    private final double[] times;
    private final double[][] weights;
    private final int nodesPerTime;

    /**
     * @param splitAge age at which to split the window for a given time, or null for no split
     */
    public BirthIntegral(double lo, double hi, double[] boundaryTimes, int nodes, DoubleUnaryOperator splitAge) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the fertile window needs lo < hi, got " + lo + " .. " + hi);
        }
        GaussLegendreRule rule = new GaussLegendreRule(nodes);
        int k = boundaryTimes.length;
        nodesPerTime = 2 * nodes;
        ages = new double[k * nodesPerTime];
        times = new double[k * nodesPerTime];
        weights = new double[k][k * nodesPerTime];
        for (int i = 0; i < k; i++) {
            double cut = splitAge == null ? Double.NaN : splitAge.applyAsDouble(boundaryTimes[i]);
            double mid = cut > lo && cut < hi ? cut : 0.5 * (lo + hi);
            double[][] pieces = {{lo, mid}, {mid, hi}};
            int at = i * nodesPerTime;
            for (double[] piece : pieces) {
                double[] x = rule.nodes(piece[0], piece[1]);
                double[] w = rule.weights(piece[0], piece[1]);
                for (int j = 0; j < nodes; j++, at++) {
                    ages[at] = x[j];
                    times[at] = boundaryTimes[i];
                    weights[i][at] = w[j];
                }
            }
        }
    }

    /** Ages of all nodes, time by time. */
    public double[] ages() {
        return ages.clone();
    }

    /** Times of all nodes (each boundary time repeated for its nodes). */
    public double[] times() {
        return times.clone();
    }

    /** The K x (K n) matrix that turns b P at the nodes into births per boundary time. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = weights[i].clone();
        }
        return copy;
    }

    public int nodesPerTime() {
        return nodesPerTime;
    }

    /** The births from the integrand b P at the nodes (the matrix product, in plain Java). */
    public double[] apply(double[] integrandAtNodes) {
        if (integrandAtNodes.length != ages.length) {
            throw new IllegalArgumentException("expected " + ages.length + " integrand values, got " + integrandAtNodes.length);
        }
        double[] births = new double[weights.length];
        for (int i = 0; i < births.length; i++) {
            for (int j = i * nodesPerTime; j < (i + 1) * nodesPerTime; j++) {
                births[i] += weights[i][j] * integrandAtNodes[j];
            }
        }
        return births;
    }
}
