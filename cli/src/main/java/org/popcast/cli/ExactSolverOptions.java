package org.popcast.cli;

import org.popcast.kernels.agepde.ExactSolverSettings;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Accuracy options of the exact solver, shared by {@code pde solve} and {@code bench}. */
final class ExactSolverOptions {

    @Option(names = "--quadrature-nodes", paramLabel = "N", defaultValue = "16",
            description = "Gauss-Legendre nodes per age piece of every integral (default ${DEFAULT-VALUE}).")
    int quadratureNodes;

    @Option(names = "--quadrature-piece", paramLabel = "YEARS", defaultValue = "5",
            description = "Longest age piece of the composite quadrature (default ${DEFAULT-VALUE}).")
    double quadraturePiece;

    @Option(names = "--birth-panel-nodes", paramLabel = "N", defaultValue = "16",
            description = "Chebyshev nodes per birth panel (default ${DEFAULT-VALUE}).")
    int panelNodes;

    @Option(names = "--birth-panel", paramLabel = "YEARS", defaultValue = "1",
            description = "Longest birth panel of the renewal equation (default ${DEFAULT-VALUE}).")
    double panelLength;

    ExactSolverSettings settings(CommandSpec spec) {
        positive(spec, "--quadrature-nodes", quadratureNodes);
        positive(spec, "--quadrature-piece", quadraturePiece);
        positive(spec, "--birth-panel-nodes", panelNodes);
        positive(spec, "--birth-panel", panelLength);
        try {
            return new ExactSolverSettings(quadratureNodes, quadraturePiece, panelNodes, panelLength);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static void positive(CommandSpec spec, String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ParameterException(spec.commandLine(), option + " must be a positive number, got " + value);
        }
    }
}
