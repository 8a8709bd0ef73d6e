package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bands calibrated on past errors: split conformal prediction with normalised scores (Vovk,
 * Gammerman and Shafer 2005; Papadopoulos et al. 2008; Angelopoulos and Bates 2023, section 2),
 * one calibration set per origin and horizon. A score is |ln(F/A)| / s, s a per-forecast scale
 * (the city's yearly growth scale, or a model's own band half-width in logs); the calibration set
 * of a forecast from origin C at horizon h is every score at horizon h, over all cities, whose
 * target year is at or before C: observed by then, never the scored year or later. With n scores
 * the factor q is the ceil((n + 1) p)-th smallest (the finite-sample conformal quantile) and the
 * band is F e^{-q s} .. F e^{q s}. With fewer than {@link #MIN_SCORES} scores, or
 * ceil((n + 1) p) > n, there is no calibrated band (NaN).
 *
 * <p>The guarantee of conformal prediction needs exchangeable errors; errors of different years
 * are not (a year of unusual migration moves every city), so coverage is measured, not assumed.
 */
public final class ConformalBands {

    /** A calibration set smaller than this gives no band. */
    public static final int MIN_SCORES = 20;

    /** One past score: the target year it became known in, its horizon, |ln(F/A)| / s. */
    public record Score(int year, int horizon, double value) {
    }

    private final List<Score> scores;
    private final double level;
    private final java.util.Map<Long, Double> factors = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param level the nominal coverage p, e.g. 0.9 */
    public ConformalBands(List<Score> scores, double level) {
        this.scores = List.copyOf(scores);
        this.level = level;
    }

    /** The factor q for a forecast from {@code origin} at {@code horizon}; NaN without enough past scores. */
    public double factor(int origin, int horizon) {
        return factors.computeIfAbsent((long) origin << 16 | horizon, key -> computeFactor(origin, horizon));
    }

    /** The number of scores calibrating a forecast from {@code origin} at {@code horizon}. */
    public int scores(int origin, int horizon) {
        return past(origin, horizon).size();
    }

    /** The nominal coverage p. */
    public double level() {
        return level;
    }

    private List<Double> past(int origin, int horizon) {
        List<Double> past = new ArrayList<>();
        for (Score s : scores) {
            if (s.horizon() == horizon && s.year() <= origin && Double.isFinite(s.value())) {
                past.add(s.value());
            }
        }
        return past;
    }

    private double computeFactor(int origin, int horizon) {
        List<Double> past = past(origin, horizon);
        int n = past.size();
        int k = (int) Math.ceil((n + 1) * level);
        if (n < MIN_SCORES || k > n) {
            return Double.NaN;
        }
        double[] sorted = past.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[k - 1];
    }

    /** {lower, upper} of a positive forecast with scale {@code scale}: F e^{-q s}, F e^{q s}. */
    public double[] band(double forecast, double scale, int origin, int horizon) {
        double q = factor(origin, horizon);
        return new double[] {forecast * Math.exp(-q * scale), forecast * Math.exp(q * scale)};
    }

    /** The score of a forecast against its observation. */
    public static double score(double forecast, double observed, double scale) {
        return Math.abs(Math.log(forecast / observed)) / scale;
    }
}
