package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;

import org.popcast.data.input.InputException;

/**
 * The population of one city forecast by a {@link PopulationMethod} from an origin year C (the
 * last data year for {@code balance forecast}, the cutoff of a single-city backtest), and beside it
 * every {@link ForecastMethod}'s forecast from the same origin. Nothing after 1 January C is read:
 * the benchmarks see the populations up to C; the balance forecast is given, fitted by the caller
 * on data up to C; the combination's weights come from the city's own {@link RollingOrigin}
 * forecasts run on the series cut at C (so every origin and target year is at or before C),
 * falling back to all embedded cities' past forecasts known at C; the band of any method but
 * the balance model is the split-conformal band of {@link BandCalibration} (scores with target
 * year at or before C). The balance model keeps its own band.
 */
public record MethodForecast(PopulationMethod method, int origin, List<Step> steps, String calibration, double level) {

    /**
     * Horizons of the rolling-origin forecasts the weights and bands learn from: the setting of
     * the all-cities backtest whose skill table docs/balance-model.md reports. Bands beyond it are NaN.
     */
    public static final int ROLLING_HORIZON = 5;

    /**
     * One year ahead: every method's forecast (in {@code row}, observed NaN unless known), the
     * combination, the chosen method's forecast and band, and how the band was calibrated
     * (scores used and factor q; 0 and NaN for the balance model's own band).
     */
    public record Step(RollingOrigin.Forecast row, ForecastCombination.Combined combined, double forecast, double lower,
                       double upper, int scores, double factor) {
        public int horizon() {
            return row.horizon();
        }

        public int year() {
            return row.year();
        }
    }

    /**
     * @param balance     the balance model fitted on data up to {@code origin}, forecast to at least {@code until}
     * @param calibration all cities' rolling-origin backtests; may be null for {@link PopulationMethod#BALANCE}
     */
    public static MethodForecast of(PopulationMethod method, BalanceSeries series, List<BalanceJump> jumps, BalanceSettings settings,
                                    BalanceForecast balance, int origin, int until, BandCalibration calibration) {
        double[] history = BacktestBaselines.populationHistory(series.population(), series.index(origin));
        if (history.length == 0 && method != PopulationMethod.BALANCE) {
            throw new InputException(series.source() + ": no population on 1 January " + origin + " to forecast from with --method "
                    + method.label() + " (--method balance forecasts from the fitted path)");
        }
        List<RollingOrigin.Forecast> past = method == PopulationMethod.COMBINATION
                ? RollingOrigin.run(series.between(series.firstYear(), origin), jumps, settings, ROLLING_HORIZON).forecasts()
                : List.of();
        List<RollingOrigin.Forecast> all = calibration == null ? List.of() : calibration.all();
        ConformalBands bands = method == PopulationMethod.BALANCE ? null : calibration.bands(method);
        double[][] pop = balance.values(Indicator.POPULATION);
        List<Step> steps = new ArrayList<>();
        for (int h = 1; origin + h <= until; h++) {
            int y = origin + h - balance.firstYear();
            BacktestBaselines b = history.length == 0 ? BacktestBaselines.NONE : BacktestBaselines.of(history, h);
            double[] f = new double[ForecastMethod.values().length];
            f[ForecastMethod.BALANCE.ordinal()] = pop[BalanceForecast.MODEL][y];
            f[ForecastMethod.PERSISTENCE.ordinal()] = b.persistence();
            f[ForecastMethod.DRIFT.ordinal()] = b.drift();
            f[ForecastMethod.DAMPED_TREND.ordinal()] = b.dampedTrend();
            int i = origin + h - series.firstYear();
            double observed = i < series.years() && series.population()[i] > 0 ? series.population()[i] : Double.NaN;
            RollingOrigin.Forecast row = new RollingOrigin.Forecast(origin, h, observed, f, pop[BalanceForecast.LOWER][y],
                    pop[BalanceForecast.UPPER][y]);
            ForecastCombination.Combined c = method == PopulationMethod.COMBINATION ? ForecastCombination.of(row, past, all)
                    : ForecastCombination.Combined.NONE;
            if (method == PopulationMethod.BALANCE) {
                steps.add(new Step(row, c, f[0], row.balanceLower(), row.balanceUpper(), 0, Double.NaN));
                continue;
            }
            double forecast = method == PopulationMethod.COMBINATION ? c.forecast() : row.forecast(method.single());
            double[] band = ForecastCombination.usable(forecast) ? bands.band(forecast, 1, origin, h) : new double[] {Double.NaN, Double.NaN};
            steps.add(new Step(row, c, forecast, band[0], band[1], bands.scores(origin, h), bands.factor(origin, h)));
        }
        return new MethodForecast(method, origin, List.copyOf(steps),
                method == PopulationMethod.BALANCE ? "the balance model's own band (docs/balance-model.md)" : calibration.source(),
                settings.confidence());
    }
}
