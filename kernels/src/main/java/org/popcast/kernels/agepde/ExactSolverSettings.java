package org.popcast.kernels.agepde;

/**
 * Accuracy knobs of {@link ExactMvfSolver}. The defaults give births and densities to about
 * machine precision for smooth inputs; halve the lengths to check convergence.
 *
 * @param quadratureNodes Gauss-Legendre nodes per age piece of every integral
 * @param quadraturePiece longest age piece, in years of age
 * @param panelNodes      Chebyshev nodes per birth panel
 * @param panelLength     longest birth panel, in years
 */
public record ExactSolverSettings(int quadratureNodes, double quadraturePiece, int panelNodes, double panelLength) {

    public static final ExactSolverSettings DEFAULT = new ExactSolverSettings(16, 5.0, 16, 1.0);

    /** Named limits (docs/reliability.md): finer than this the solver runs for hours, not more accurately. */
    public static final int NODES_MAX = 64;
    public static final double LENGTH_MIN = 1e-3;

    public ExactSolverSettings {
        if (quadratureNodes < 1 || panelNodes < 1 || quadratureNodes > NODES_MAX || panelNodes > NODES_MAX) {
            throw new IllegalArgumentException("node counts must be within 1 .. " + NODES_MAX + ", got " + quadratureNodes + " and "
                    + panelNodes);
        }
        if (!(quadraturePiece >= LENGTH_MIN) || !(panelLength >= LENGTH_MIN) || !Double.isFinite(quadraturePiece)
                || !Double.isFinite(panelLength)) {
            throw new IllegalArgumentException("quadrature piece and birth panel lengths must be finite and >= " + LENGTH_MIN
                    + " years, got " + quadraturePiece + " and " + panelLength);
        }
    }

    /** Both lengths halved: for convergence checks. */
    public ExactSolverSettings refined() {
        return new ExactSolverSettings(quadratureNodes, quadraturePiece / 2, panelNodes, panelLength / 2);
    }
}
