package org.popcast.models.balance;

import static org.popcast.data.io.TidyTable.Type.FLOAT64;
import static org.popcast.data.io.TidyTable.Type.INT64;
import static org.popcast.data.io.TidyTable.Type.STRING;

import java.io.IOException;
import java.nio.file.Path;

import org.popcast.data.io.OutputFiles;

/**
 * The summary of {@code balance backtest --all-cities} (formats.md): one row per city, origin and
 * horizon with a known population. {@code forecast}, {@code lower}, {@code upper} are popcast's
 * combined forecast and its calibrated band ({@code method} says how the weights were found,
 * {@code weight_*} what they are); {@code balance} and its own and calibrated bands are the raw
 * balance model, beside the three benchmarks. Balance fits that failed (city, origin, reason)
 * go to the failures table ({@link BalanceOutputs.BatchSummary#failuresFile}).
 */
public final class RollingSummaryCsv {

    public static final String HEADER = "city_id,city,origin,year,horizon,observed,forecast,lower,upper,method,"
            + "persistence,drift,damped_trend,balance,balance_lower,balance_upper,balance_lower_calibrated,balance_upper_calibrated,"
            + "weight_balance,weight_persistence,weight_drift,weight_damped_trend";

    private RollingSummaryCsv() {
    }

    public static void write(OutputFiles outputs, Path target, RollingBacktests bt) throws IOException {
        TidyRows t = new TidyRows("city_id", STRING, "city", STRING, "origin", INT64, "year", INT64, "horizon", INT64,
                "observed", FLOAT64, "forecast", FLOAT64, "lower", FLOAT64, "upper", FLOAT64, "method", STRING,
                "persistence", FLOAT64, "drift", FLOAT64, "damped_trend", FLOAT64, "balance", FLOAT64, "balance_lower", FLOAT64,
                "balance_upper", FLOAT64, "balance_lower_calibrated", FLOAT64, "balance_upper_calibrated", FLOAT64,
                "weight_balance", FLOAT64, "weight_persistence", FLOAT64, "weight_drift", FLOAT64, "weight_damped_trend", FLOAT64);
        for (RollingBacktests.Row r : bt.rows()) {
            RollingOrigin.Forecast f = r.forecast();
            double[] w = r.combined().weights();
            t.add(r.city().id(), r.city().name(), f.origin(), f.year(), f.horizon(), f.observed(), r.combined().forecast(), r.lower(),
                    r.upper(), method(r.combined().source()), f.forecast(ForecastMethod.PERSISTENCE),
                    f.forecast(ForecastMethod.DRIFT), f.forecast(ForecastMethod.DAMPED_TREND), f.forecast(ForecastMethod.BALANCE),
                    f.balanceLower(), f.balanceUpper(), r.balanceLowerCalibrated(), r.balanceUpperCalibrated(), w[0], w[1], w[2], w[3]);
        }
        t.writeFile(outputs, target);
        TidyRows failed = new TidyRows("city_id", STRING, "city", STRING, "origin", INT64, "reason", STRING);
        for (RollingBacktests.Failure f : bt.failures()) {
            failed.add(f.city().id(), f.city().name(), f.origin(), f.reason());
        }
        failed.writeFile(outputs, BalanceOutputs.BatchSummary.failuresFile(target));
    }

    /** The method column: how the combination's weights were found, or none. */
    static String method(ForecastCombination.Source source) {
        return source == ForecastCombination.Source.NONE ? "none" : "combination_" + source.label();
    }
}
