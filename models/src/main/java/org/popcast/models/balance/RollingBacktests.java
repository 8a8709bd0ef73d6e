package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.popcast.data.io.ComputationCache;
import org.popcast.engine.train.Progress;

/**
 * Rolling-origin backtests of every city of the embedded table ({@code balance backtest
 * --all-cities}): each city's {@link RollingOrigin} forecasts (cities in parallel, results in the
 * table's order, so the run is deterministic), then per forecast the {@link ForecastCombination}
 * from that city's earlier errors and {@link ConformalBands} from every city's earlier errors:
 * for the combination unscaled (one relative width for all cities at an origin and horizon), for
 * the balance model scaled by its own band's half-width (a widening factor of that band).
 *
 * <p>Why unscaled: scaling the combination's scores by a city's past growth (its root mean square,
 * standard deviation or median absolute value, or of its changes) was tried and gave wider bands
 * that covered 95-99 % at horizons 1-3 instead of about 92 %: three to eight years of growth are
 * too few to measure a city's volatility (docs/balance-model.md).
 */
public record RollingBacktests(int cities, List<Row> rows, List<Failure> failures, int fits, int fallbacks, boolean cached,
                               double seconds) {

    /** A balance fit that could not be made at one origin of one city (the benchmarks still forecast). */
    public record Failure(ChinaCitySeries.City city, int origin, String reason) {
    }

    /** The failures counted by reason, numbers folded to N. */
    public Map<String, Integer> reasons() {
        TreeMap<String, Integer> count = new TreeMap<>();
        for (Failure f : failures) {
            count.merge(f.reason().replaceFirst("^.*?: (?=[a-z])", "").replaceAll("[0-9]+", "N"), 1, Integer::sum);
        }
        return java.util.Collections.unmodifiableSortedMap(count);
    }

    /** One forecast of one city with the combination and the calibrated bands. */
    public record Row(ChinaCitySeries.City city, RollingOrigin.Forecast forecast, ForecastCombination.Combined combined,
                      double lower, double upper, double balanceLowerCalibrated, double balanceUpperCalibrated) {

        public int horizon() {
            return forecast.horizon();
        }

        public double observed() {
            return forecast.observed();
        }
    }

    /**
     * The backtests of every city of {@code table}; the per-city balance fits (the slow part) come
     * from {@code cache} when it holds them for this table, settings and build, and go into it otherwise.
     */
    public static RollingBacktests run(ChinaCitySeries table, BalanceSettings settings, int maxHorizon, ComputationCache cache,
                                       Progress progress) {
        long started = System.nanoTime();
        List<ChinaCitySeries.City> cities = table.cities();
        String key = RollingOriginCache.key(table, settings, maxHorizon);
        Optional<List<RollingOrigin.Result>> cached = cache.read(RollingOriginCache.KIND, key)
                .flatMap(text -> RollingOriginCache.decode(text, table, cities));
        List<RollingOrigin.Result> results = cached.orElseGet(() -> fit(table, cities, settings, maxHorizon, progress));
        if (cached.isEmpty()) {
            cache.write(RollingOriginCache.KIND, key, RollingOriginCache.encode(cities, results));
        }
        return assemble(cities, results, settings, cached.isPresent(), started);
    }

    /** Each city's rolling-origin forecasts, cities in parallel, results in the table's order. */
    private static List<RollingOrigin.Result> fit(ChinaCitySeries table, List<ChinaCitySeries.City> cities, BalanceSettings settings,
                                                  int maxHorizon, Progress progress) {
        AtomicInteger done = new AtomicInteger();
        return cities.parallelStream().map(c -> {
            RollingOrigin.Result r = RollingOrigin.run(table.series(c), List.of(), settings, maxHorizon);
            int k = done.incrementAndGet();
            synchronized (progress) {
                progress.update("city", k, cities.size(), k, c.name());
            }
            return r;
        }).toList();
    }

    private static RollingBacktests assemble(List<ChinaCitySeries.City> cities, List<RollingOrigin.Result> results,
                                             BalanceSettings settings, boolean cached, long started) {
        List<RollingOrigin.Forecast> all = results.stream().flatMap(r -> r.forecasts().stream()).toList();
        List<ForecastCombination.Combined> combined = new ArrayList<>();
        for (RollingOrigin.Result r : results) {
            for (RollingOrigin.Forecast f : r.forecasts()) {
                combined.add(ForecastCombination.of(f, r.forecasts(), all));
            }
        }
        List<Row> rows = calibrate(cities, results, combined, settings.confidence());
        List<Failure> failures = new ArrayList<>();
        int fits = 0, fallbacks = 0;
        for (int k = 0; k < results.size(); k++) {
            ChinaCitySeries.City city = cities.get(k);
            results.get(k).failures().forEach((origin, reason) -> failures.add(new Failure(city, origin, reason)));
            fits += results.get(k).origins() - results.get(k).failures().size();
            fallbacks += results.get(k).fallbacks();
        }
        return new RollingBacktests(cities.size(), rows, List.copyOf(failures), fits, fallbacks, cached,
                (System.nanoTime() - started) / 1e9);
    }

    /** The bands of every forecast, each from the scores of forecasts known by its origin. */
    private static List<Row> calibrate(List<ChinaCitySeries.City> cities, List<RollingOrigin.Result> results,
                                       List<ForecastCombination.Combined> combined, double level) {
        List<ConformalBands.Score> combinationScores = new ArrayList<>(), balanceScores = new ArrayList<>();
        int i = 0;
        for (RollingOrigin.Result r : results) {
            for (RollingOrigin.Forecast f : r.forecasts()) {
                ForecastCombination.Combined c = combined.get(i++);
                if (c.source() != ForecastCombination.Source.NONE) {
                    combinationScores.add(new ConformalBands.Score(f.year(), f.horizon(),
                            ConformalBands.score(c.forecast(), f.observed(), 1)));
                }
                double half = balanceHalfWidth(f);
                if (half > 0) {
                    balanceScores.add(new ConformalBands.Score(f.year(), f.horizon(),
                            ConformalBands.score(f.forecast(ForecastMethod.BALANCE), f.observed(), half)));
                }
            }
        }
        ConformalBands forCombination = new ConformalBands(combinationScores, level);
        ConformalBands forBalance = new ConformalBands(balanceScores, level);
        List<Row> rows = new ArrayList<>();
        i = 0;
        for (int k = 0; k < results.size(); k++) {
            for (RollingOrigin.Forecast f : results.get(k).forecasts()) {
                ForecastCombination.Combined c = combined.get(i++);
                double[] band = c.source() == ForecastCombination.Source.NONE ? new double[] {Double.NaN, Double.NaN}
                        : forCombination.band(c.forecast(), 1, f.origin(), f.horizon());
                double half = balanceHalfWidth(f);
                double[] balance = half > 0 ? forBalance.band(f.forecast(ForecastMethod.BALANCE), half, f.origin(), f.horizon())
                        : new double[] {Double.NaN, Double.NaN};
                rows.add(new Row(cities.get(k), f, c, band[0], band[1], balance[0], balance[1]));
            }
        }
        return List.copyOf(rows);
    }

    /** Half-width in logs of the balance model's own band (it is symmetric in logs); NaN without one. */
    private static double balanceHalfWidth(RollingOrigin.Forecast f) {
        double model = f.forecast(ForecastMethod.BALANCE);
        return ForecastCombination.usable(model) && f.balanceUpper() > model ? Math.log(f.balanceUpper() / model) : Double.NaN;
    }
}
