package org.popcast.kernels.quadrature;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * An n-node Gauss-Legendre rule, exact for polynomials of degree 2n - 1.
 *
 * <p>Nodes and weights come from Hipparchus; this class maps them to any interval and applies the
 * rule piecewise, split at the points where the integrand is not smooth (a kink or a jump), so
 * that each piece keeps the rule's spectral accuracy.
 */
public final class GaussLegendreRule {

    /**
     * The fewest nodes {@link #integrateSized} gives a short piece. 8 nodes on 1-year pieces give
     * the default's accuracy (docs/exact-solver.md, accuracy table: 4.2e-15 with 8 nodes and 1-year panels).
     */
    public static final int SIZED_MIN_NODES = 8;

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory(); // caches its rules
    private static final GaussLegendreRule[] CACHE = new GaussLegendreRule[129];

    private final double[] nodes;   // on [-1, 1]
    private final double[] weights; // on [-1, 1]
    private GaussLegendreRule[] smaller; // rules of fewer nodes, each made on first use by integrateSized (one thread per instance)

    public GaussLegendreRule(int nodeCount) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("Gauss-Legendre node count must be >= 1, got " + nodeCount);
        }
        GaussIntegrator rule;
        synchronized (FACTORY) {
            rule = FACTORY.legendre(nodeCount);
        }
        nodes = new double[nodeCount];
        weights = new double[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodes[i] = rule.getPoint(i);
            weights[i] = rule.getWeight(i);
        }
    }

    /** The n-node rule, made once per process. */
    public static GaussLegendreRule of(int nodeCount) {
        if (nodeCount < 1 || nodeCount >= CACHE.length) {
            return new GaussLegendreRule(nodeCount);
        }
        synchronized (CACHE) {
            if (CACHE[nodeCount] == null) {
                CACHE[nodeCount] = new GaussLegendreRule(nodeCount);
            }
            return CACHE[nodeCount];
        }
    }

    public int nodeCount() {
        return nodes.length;
    }

    /** Nodes mapped to [lo, hi]. */
    public double[] nodes(double lo, double hi) {
        double mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
        double[] x = new double[nodes.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = mid + half * nodes[i];
        }
        return x;
    }

    /** Weights for the nodes mapped to [lo, hi]. */
    public double[] weights(double lo, double hi) {
        double half = 0.5 * (hi - lo);
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = half * weights[i];
        }
        return w;
    }

    /** The rule on one interval. */
    public double integrate(DoubleUnaryOperator f, double lo, double hi) {
        double mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(mid + half * nodes[i]);
        }
        return half * sum;
    }

    /**
     * The composite rule on [lo, hi]: split at every breakpoint strictly inside, then into pieces
     * no longer than {@code maxPiece}. Returns 0 when hi <= lo.
     */
    public double integrate(DoubleUnaryOperator f, double lo, double hi, double[] breakpoints, double maxPiece) {
        double[][] rule = piecewise(lo, hi, breakpoints, maxPiece);
        double sum = 0;
        for (int i = 0; i < rule[0].length; i++) {
            sum += rule[1][i] * f.applyAsDouble(rule[0][i]);
        }
        return sum;
    }

    /**
     * The composite rule over ascending {@code cuts} (from {@link CutPoints#merge}), each gap split
     * into pieces no longer than {@code maxPiece}, each piece with a rule sized to it
     * ({@link #nodesFor}): a 0.2-year piece does not need the nodes of a 5-year one.
     */
    public double integrateSized(DoubleUnaryOperator f, double[] cuts, double maxPiece) {
        double sum = 0;
        for (int k = 0; k + 1 < cuts.length; k++) {
            double a = cuts[k], b = cuts[k + 1];
            int count = Math.max(1, (int) Math.ceil((b - a) / maxPiece - 1e-9));
            double width = (b - a) / count;
            GaussLegendreRule piece = sized(nodesFor(width, maxPiece, nodes.length));
            for (int p = 0; p < count; p++) {
                double pa = a + p * width;
                sum += piece.integrate(f, pa, p == count - 1 ? b : pa + width);
            }
        }
        return sum;
    }

    /**
     * Nodes for a piece of {@code width} when a piece of {@code maxPiece} gets {@code all}: in
     * proportion to the width, never fewer than min(all, {@value #SIZED_MIN_NODES}).
     */
    public static int nodesFor(double width, double maxPiece, int all) {
        int proportional = (int) Math.ceil(all * width / maxPiece - 1e-9);
        return Math.min(all, Math.max(Math.min(all, SIZED_MIN_NODES), proportional));
    }

    private GaussLegendreRule sized(int n) {
        if (n == nodes.length) {
            return this;
        }
        if (smaller == null) {
            smaller = new GaussLegendreRule[nodes.length];
        }
        if (smaller[n] == null) {
            smaller[n] = of(n);
        }
        return smaller[n];
    }

    /**
     * The nodes ([0]) and weights ([1]) of the composite rule of
     * {@link #integrate(DoubleUnaryOperator, double, double, double[], double)}, for integrands
     * evaluated in one batch (a network). Empty when hi <= lo.
     */
    public double[][] piecewise(double lo, double hi, double[] breakpoints, double maxPiece) {
        if (!(hi > lo)) {
            return new double[2][0];
        }
        double[] cuts = cuts(lo, hi, breakpoints);
        java.util.List<double[]> pieces = new java.util.ArrayList<>();
        for (int k = 0; k + 1 < cuts.length; k++) {
            double a = cuts[k], b = cuts[k + 1];
            int count = Math.max(1, (int) Math.ceil((b - a) / maxPiece - 1e-9));
            double width = (b - a) / count;
            for (int p = 0; p < count; p++) {
                double pa = a + p * width;
                pieces.add(new double[] {pa, p == count - 1 ? b : pa + width});
            }
        }
        int n = nodes.length;
        double[][] rule = new double[2][pieces.size() * n];
        for (int k = 0; k < pieces.size(); k++) {
            double[] piece = pieces.get(k);
            System.arraycopy(nodes(piece[0], piece[1]), 0, rule[0], k * n, n);
            System.arraycopy(weights(piece[0], piece[1]), 0, rule[1], k * n, n);
        }
        return rule;
    }

    /** lo, the breakpoints strictly inside (lo, hi) in order without near-duplicates, hi. */
    static double[] cuts(double lo, double hi, double[] breakpoints) {
        double tiny = 1e-12 * Math.max(1.0, Math.max(Math.abs(lo), Math.abs(hi)));
        double[] inside = Arrays.stream(breakpoints).filter(x -> x > lo + tiny && x < hi - tiny).sorted().toArray();
        double[] cuts = new double[inside.length + 2];
        int n = 0;
        cuts[n++] = lo;
        for (double x : inside) {
            if (x - cuts[n - 1] > tiny) {
                cuts[n++] = x;
            }
        }
        cuts[n++] = hi;
        return Arrays.copyOf(cuts, n);
    }
}
