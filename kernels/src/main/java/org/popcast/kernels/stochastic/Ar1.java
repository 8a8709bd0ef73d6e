package org.popcast.kernels.stochastic;

/**
 * A stationary-increment AR(1) process x[t+1] = rho x[t] + sigma e[t] given per period of
 * {@code period} years and restated for steps of {@code step} years so that the two agree at every
 * multiple of the period: rho_step = rho^(step/period) and sigma_step chosen so that the variance
 * of x[t + period] given x[t] is sigma^2 whichever step is used.
 */
public record Ar1(double rho, double sigma, double period) {

    public Ar1 {
        if (!(rho > 0 && rho <= 1) || !(sigma >= 0) || !(period > 0)) {
            throw new IllegalArgumentException("expected 0 < rho <= 1, sigma >= 0, period > 0, got " + rho + ", " + sigma + ", " + period);
        }
    }

    /** The same process for steps of {@code step} years. */
    public Ar1 per(double step) {
        double r = Math.pow(rho, step / period);
        // the variance of the sum over period/step steps: sigma_s^2 (1 - r^(2m)) / (1 - r^2) = sigma^2
        double m = period / step;
        double gain = rho == 1 ? m : (1 - Math.pow(r, 2 * m)) / (1 - r * r);
        return new Ar1(r, sigma / Math.sqrt(gain), step);
    }

    /** The next value from the current one and a standard normal deviate. */
    public double next(double x, double normal) {
        return rho * x + sigma * normal;
    }

    /** The standard deviation of x[t + k steps] given x[t] known. */
    public double spread(int steps) {
        double v = rho == 1 ? steps : (1 - Math.pow(rho, 2.0 * steps)) / (1 - rho * rho);
        return sigma * Math.sqrt(v);
    }
}
