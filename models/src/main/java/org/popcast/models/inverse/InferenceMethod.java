package org.popcast.models.inverse;

/** How {@code pde infer} estimates the unknowns. */
public enum InferenceMethod {
    /** Least squares through the exact solver (Levenberg-Marquardt), standard errors from the Jacobian. */
    EXACT("exact"),
    /** A PINN whose loss adds the data misfit, the unknowns trained with the network as log-parameters. */
    PINN("pinn");

    private final String label;

    InferenceMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
