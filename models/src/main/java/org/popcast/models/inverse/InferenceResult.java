package org.popcast.models.inverse;

import java.util.List;

/**
 * Estimates of the unknowns with their standard errors (NaN where none is available), the model's
 * densities at the observations, and the cost of the fit.
 *
 * @param fitted        model density at each observation, persons per year of age
 * @param rmsLogMisfit  root mean square of ln(observed) - ln(fitted)
 * @param iterations    optimiser iterations (Levenberg-Marquardt) or training steps (PINN)
 * @param evaluations   exact solves (exact method) or loss evaluations (PINN)
 * @param seconds       wall time of the fit
 */
public record InferenceResult(InferenceMethod method, List<UnknownParameter> unknowns, double[] estimates, double[] stderrs,
                              double[] fitted, double rmsLogMisfit, int iterations, int evaluations, double seconds) {

    public InferenceResult {
        unknowns = List.copyOf(unknowns);
        estimates = estimates.clone();
        stderrs = stderrs.clone();
        fitted = fitted.clone();
    }

    public double estimate(UnknownParameter p) {
        return estimates[unknowns.indexOf(p)];
    }

    public double stderr(UnknownParameter p) {
        return stderrs[unknowns.indexOf(p)];
    }

    public double[] estimates() {
        return estimates.clone();
    }

    public double[] stderrs() {
        return stderrs.clone();
    }

    public double[] fitted() {
        return fitted.clone();
    }
}
