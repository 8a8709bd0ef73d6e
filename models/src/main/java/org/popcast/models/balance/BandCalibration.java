package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.popcast.data.io.ComputationCache;
import org.popcast.engine.train.Progress;

/**
 * What a forecast of one city borrows from the rolling-origin backtests of all embedded cities
 * ({@link RollingBacktests}): the past forecasts the {@link ForecastCombination} falls back to when
 * the city has too few of its own, and per {@link PopulationMethod} the split-conformal
 * {@link ConformalBands} of its unscaled scores |ln(F/A)|, which read only scores whose target
 * year is at or before the forecast's origin. Pooled over cities because one city has at most
 * about a dozen scores per horizon, fewer than {@link ConformalBands#MIN_SCORES}: the city's own
 * scores are never enough, so its band is always calibrated on all cities (its own included).
 * The balance model keeps its own band.
 */
public final class BandCalibration {

    private static final Map<String, BandCalibration> EMBEDDED = new ConcurrentHashMap<>();

    private final List<RollingOrigin.Forecast> all;
    private final Map<PopulationMethod, ConformalBands> bands = new EnumMap<>(PopulationMethod.class);
    private final String source;

    /** From rolling-origin rows of many cities; {@code source} says which, for the result files. */
    public BandCalibration(List<RollingBacktests.Row> rows, double level, String source) {
        this.all = rows.stream().map(RollingBacktests.Row::forecast).toList();
        this.source = source;
        for (PopulationMethod m : PopulationMethod.values()) {
            if (m == PopulationMethod.BALANCE) {
                continue;
            }
            List<ConformalBands.Score> scores = new ArrayList<>();
            for (RollingBacktests.Row r : rows) {
                double f = m == PopulationMethod.COMBINATION ? r.combined().forecast() : r.forecast().forecast(m.single());
                if (ForecastCombination.usable(f)) {
                    scores.add(new ConformalBands.Score(r.forecast().year(), r.horizon(), ConformalBands.score(f, r.observed(), 1)));
                }
            }
            bands.put(m, new ConformalBands(scores, level));
        }
    }

    /**
     * The rolling-origin backtests of every embedded city with {@code settings} at horizons 1 ..
     * {@code maxHorizon}, computed once per process and settings, its fits kept in {@code cache}.
     */
    public static BandCalibration embedded(BalanceSettings settings, int maxHorizon, ComputationCache cache, Progress progress) {
        return EMBEDDED.computeIfAbsent(settings + "/" + maxHorizon, key -> {
            RollingBacktests all = RollingBacktests.run(ChinaCitySeries.builtin(), settings, maxHorizon, cache, progress);
            return new BandCalibration(all.rows(), settings.confidence(),
                    "rolling-origin backtests of the " + all.cities() + " embedded cities, horizons 1-" + maxHorizon);
        });
    }

    /** Every city's past forecasts (the combination's fallback). */
    public List<RollingOrigin.Forecast> all() {
        return all;
    }

    /** The bands of {@code method}'s forecasts; not for the balance model (its own band). */
    public ConformalBands bands(PopulationMethod method) {
        return bands.get(method);
    }

    public String source() {
        return source;
    }
}
