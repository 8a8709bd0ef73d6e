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

    public ExactSolverSettings {
        if (quadratureNodes < 1 || panelNodes < 1) {
            throw new IllegalArgumentException("node counts must be >= 1, got " + quadratureNodes + " and " + panelNodes);
        }
        if (!(quadraturePiece > 0) || !(panelLength > 0)) {
            throw new IllegalArgumentException("quadrature piece and birth panel lengths must be > 0, got "
                    + quadraturePiece + " and " + panelLength);
        }
    }

    /** Both lengths halved: for convergence checks. */
    public ExactSolverSettings refined() {
        return new ExactSolverSettings(quadratureNodes, quadraturePiece / 2, panelNodes, panelLength / 2);
    }
}
