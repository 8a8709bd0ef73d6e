package org.popcast.models.pinn;

/**
 * Residual-based adaptive refinement with a distribution (RAR-D; Wu, Zhu, Tan, Kartha and Lu 2023,
 * "A comprehensive study of non-adaptive and residual-based adaptive sampling for PINNs"): every
 * {@code every} Adam steps the PDE residual is evaluated on {@code candidates} points and
 * {@code points} of them are drawn with probability
 *
 * <pre>
 *   p(x) proportional to |r(x)|^k / mean |r|^k + c
 * </pre>
 *
 * ({@link ResidualSampler}). They replace the previous adaptive points and join every step's fresh
 * interior points, so the batch has {@code interior + points} PDE rows (the adaptive set starts as
 * uniform draws). Candidates and draws come from (seed, step) in the graph, and the adaptive set is a
 * graph variable, so a checkpoint holds it and a resumed run goes on with the same points.
 * {@code every} 0 is off. The L-BFGS phase keeps its own fixed batch.
 *
 * @param every Adam steps between resamplings (0: off)
 * @param k exponent of the residual (0: uniform draws; larger: more concentrated where it is large)
 * @param c added to the normalised density (larger: closer to uniform)
 * @param points adaptive points (added to each step's interior points)
 * @param candidates points the residual is evaluated at to draw them from
 */
public record ResidualRefinement(int every, double k, double c, int points, int candidates) {

    /** Wu et al.'s recommended RAD setting (k = 1, c = 1), off. */
    public static final ResidualRefinement OFF = new ResidualRefinement(0, 1, 1, 512, 8192);

    public ResidualRefinement {
        if (every < 0) {
            throw new IllegalArgumentException("rar every must be >= 0 (0: off), got " + every);
        }
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("rar k must be a number >= 0, got " + k);
        }
        if (!(c >= 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("rar c must be a number >= 0, got " + c);
        }
        if (points < 1 || candidates < 1) {
            throw new IllegalArgumentException("rar points and rar candidates must be >= 1, got " + points + " and " + candidates);
        }
        if (k == 0 && c == 0) {
            throw new IllegalArgumentException("rar k and rar c cannot both be 0 (every point would have probability 0)");
        }
    }

    public boolean on() {
        return every > 0;
    }

    /** The adaptive rows of every step's PDE batch (0 when off). */
    public int rows() {
        return on() ? points : 0;
    }
}
