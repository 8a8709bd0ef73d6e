package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The skill table of a rolling-origin backtest, per horizon (docs/balance-model.md): median APE
 * of popcast's combined forecast and of each benchmark on the same rows (those with a combined
 * forecast); median APE of the raw balance model and of the benchmarks on the rows where it was
 * fitted; coverage of the combined forecast's calibrated band, of the balance model's own band and
 * of its calibrated band. APE = |F - A| / A x 100.
 */
public record RollingSkill(int horizon, int rows, double combined, double persistence, double drift, double dampedTrend,
                           int balanceRows, double balance, double balancePersistence, double balanceDrift,
                           double balanceDampedTrend, Coverage combinedBand, Coverage balanceBand, Coverage balanceCalibrated) {

    /** The share of observations inside a band (percent) over the rows that have one. */
    public record Coverage(int rows, double percent) {
        static Coverage of(List<RollingBacktests.Row> rows, ToDoubleFunction<RollingBacktests.Row> lower,
                           ToDoubleFunction<RollingBacktests.Row> upper) {
            int n = 0, inside = 0;
            for (RollingBacktests.Row r : rows) {
                double lo = lower.applyAsDouble(r), hi = upper.applyAsDouble(r);
                if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
                    n++;
                    inside += r.observed() >= lo && r.observed() <= hi ? 1 : 0;
                }
            }
            return new Coverage(n, n == 0 ? Double.NaN : 100.0 * inside / n);
        }
    }

    /** One entry per horizon that has rows, in order. */
    public static List<RollingSkill> of(List<RollingBacktests.Row> rows) {
        int maxH = rows.stream().mapToInt(RollingBacktests.Row::horizon).max().orElse(0);
        List<RollingSkill> out = new ArrayList<>();
        for (int h = 1; h <= maxH; h++) {
            int hh = h;
            List<RollingBacktests.Row> at = rows.stream().filter(r -> r.horizon() == hh).toList();
            List<RollingBacktests.Row> comb = at.stream().filter(r -> !Double.isNaN(r.combined().forecast())).toList();
            List<RollingBacktests.Row> bal = at.stream().filter(r -> ForecastCombination.usable(method(r, ForecastMethod.BALANCE))).toList();
            if (at.isEmpty()) {
                continue;
            }
            out.add(new RollingSkill(h, comb.size(), medianApe(comb, r -> r.combined().forecast()),
                    medianApe(comb, r -> method(r, ForecastMethod.PERSISTENCE)), medianApe(comb, r -> method(r, ForecastMethod.DRIFT)),
                    medianApe(comb, r -> method(r, ForecastMethod.DAMPED_TREND)), bal.size(),
                    medianApe(bal, r -> method(r, ForecastMethod.BALANCE)), medianApe(bal, r -> method(r, ForecastMethod.PERSISTENCE)),
                    medianApe(bal, r -> method(r, ForecastMethod.DRIFT)), medianApe(bal, r -> method(r, ForecastMethod.DAMPED_TREND)),
                    Coverage.of(comb, RollingBacktests.Row::lower, RollingBacktests.Row::upper),
                    Coverage.of(bal, r -> r.forecast().balanceLower(), r -> r.forecast().balanceUpper()),
                    Coverage.of(bal, RollingBacktests.Row::balanceLowerCalibrated, RollingBacktests.Row::balanceUpperCalibrated)));
        }
        return out;
    }

    private static double method(RollingBacktests.Row r, ForecastMethod m) {
        return r.forecast().forecast(m);
    }

    /** Median APE of a forecast over the rows where it is a number. */
    static double medianApe(List<RollingBacktests.Row> rows, ToDoubleFunction<RollingBacktests.Row> forecast) {
        double[] ape = rows.stream().mapToDouble(r -> Math.abs(forecast.applyAsDouble(r) - r.observed()) / r.observed() * 100)
                .filter(a -> !Double.isNaN(a)).sorted().toArray();
        if (ape.length == 0) {
            return Double.NaN;
        }
        int n = ape.length;
        return n % 2 == 1 ? ape[n / 2] : (ape[n / 2 - 1] + ape[n / 2]) / 2;
    }
}
