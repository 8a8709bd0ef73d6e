package org.popcast.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.BalanceSeries;
import org.popcast.models.balance.ChinaCitySeries;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.data.io.OutputFiles;
import org.popcast.data.io.ComputationCache;
import org.popcast.data.io.TableFolders;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.balance.BalanceForecast;
import org.popcast.models.balance.BalanceOutputs;
import org.popcast.models.balance.BalanceSettings;
import org.popcast.models.balance.BandCalibration;
import org.popcast.models.balance.MethodForecast;
import org.popcast.models.balance.PopulationMethod;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Input and fit options shared by {@code balance fit}, {@code forecast} and {@code backtest}. */
final class BalanceOptions {

    static final class Source {
        @Option(names = "--series", paramLabel = "FILE",
                description = "series.csv: year,population,births,deaths,arrivals,departures (optional natural_increase, net_migration).")
        Path series;

        @Option(names = "--city", paramLabel = "ID",
                description = "A city of the embedded Chinese table by id or name (default " + ChinaCitySeries.DEFAULT_CITY + ", Chongqing).")
        String city;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--jumps", paramLabel = "FILE", description = "jumps.csv: year,indicator,amount,changes_trend.")
    Path jumps;

    @Option(names = "--origin", paramLabel = "YEAR",
            description = "t = 0 of the curves on 1 January of this year (default: the year before the data).")
    Integer origin;

    @Option(names = "--steps-per-year", paramLabel = "N", defaultValue = "" + BalanceSettings.STEPS_PER_YEAR_DEFAULT,
            description = "Trapezoidal sub-steps per year (default ${DEFAULT-VALUE}).")
    int stepsPerYear;

    @Option(names = "--full-curves", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Fit all four parameters of every curve (default: as many as the data carry).")
    boolean fullCurves;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "" + BalanceSettings.CONFIDENCE_DEFAULT,
            description = "Probability of the forecast bands (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--anomaly-threshold", paramLabel = "Z", defaultValue = "" + BalanceSettings.ANOMALY_THRESHOLD_DEFAULT,
            description = "Modified z-score beyond which an observation is anomalous (default ${DEFAULT-VALUE}).")
    double anomalyThreshold;

    @Option(names = "--replace-anomalies", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = "Refit without anomalous observations and restore them from the model.")
    boolean replaceAnomalies;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "" + BalanceSettings.MAX_EVALUATIONS_DEFAULT,
            description = "Limit of model evaluations of a fit (default ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Option(names = "--anchor", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = {"Start the forecast from the last observed population rather than from the",
            "fitted path (not in the source paper; see docs/balance-model.md for what it changes in backtests)."})
    boolean anchor;

    @Option(names = "--no-cache", fallbackValue = ConfigOption.FLAG_IS_TRUE, description = {"Refit the embedded cities' rolling-origin",
            "backtests rather than reading them from the cache ($POPCAST_CACHE_DIR, $XDG_CACHE_HOME/popcast or ~/.cache/popcast)."})
    boolean noCache;

    @Option(names = "--csv", paramLabel = "DIR", description = "Also write tidy CSV tables into this directory.")
    Path csv;

    @Option(names = "--parquet", paramLabel = "DIR", description = "Also write the tidy tables as Parquet files into this directory.")
    Path parquet;

    /** The folders of --csv and --parquet. */
    TableFolders tables() {
        return new TableFolders(csv, null, parquet);
    }

    /** The folders of --csv and --parquet, with the run's provenance for the Parquet files' metadata. */
    TableFolders tables(CommandSpec spec) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>(Provenance.of(PopcastCommand.commandLine(spec)).attributes());
        metadata.put("format_version", BalanceOutputs.FORMAT_VERSION);
        return tables().withMetadata(metadata);
    }

    /** Where the embedded cities' backtests are kept between runs (results are the same either way). */
    ComputationCache cache() {
        return noCache ? ComputationCache.off() : ComputationCache.user();
    }

    BalanceSettings settings(CommandSpec spec) {
        try {
            return new BalanceSettings(origin, stepsPerYear, fullCurves, confidence, anomalyThreshold, replaceAnomalies,
                    maxEvaluations, anchor);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The population forecast by {@code method} from {@code origin} to {@code until}, the band
     * calibrated on the embedded cities' rolling-origin backtests (not run for the balance model).
     */
    MethodForecast method(CommandSpec spec, PopulationMethod method, BalanceInput input, BalanceForecast balance, int origin, int until) {
        BalanceSettings settings = settings(spec);
        BandCalibration calibration = method == PopulationMethod.BALANCE ? null
                : BandCalibration.embedded(settings, MethodForecast.ROLLING_HORIZON, cache(), PopcastCommand.progress(spec));
        return MethodForecast.of(method, input.series(), input.jumps(), settings, balance, origin, until, calibration);
    }

    boolean fromFile() {
        return source.series != null;
    }

    /** The series file or embedded city, and the jumps. */
    BalanceInput input() {
        return source.series != null ? BalanceInput.read(source.series, jumps)
                : BalanceInput.builtinCity(source.city == null ? ChinaCitySeries.DEFAULT_CITY : source.city, jumps);
    }

    /**
     * Writes a forecast's HDF5 file and, with --csv/--parquet, its tables (observed values from
     * {@code series}), and puts them in place together.
     */
    void write(CommandSpec spec, OutputFiles outputs, BalanceForecast forecast, BalanceSeries series, Path out, String product,
               Map<String, Object> extra, MethodForecast method) throws IOException {
        outputs.write(out, NetcdfWriter.writer(BalanceOutputs.dataset(forecast, series, product, Provenance.of(PopcastCommand.commandLine(spec)),
                extra, method)));
        if (tables().any()) {
            BalanceOutputs.writeTables(outputs, tables(spec), forecast, series);
            if (method != null) {
                BalanceOutputs.writeMethodTable(outputs, tables(spec), method);
            }
        }
        outputs.commit();
    }

    /**
     * The outputs of a balance command: --out, --csv and --parquet checked against --series, --jumps and the
     * inputs {@code base} already holds (the config file, --groups).
     */
    OutputFiles outputs(OutputFiles base, Path out) throws IOException {
        OutputFiles outputs = base.input("--series", source.series).input("--jumps", jumps);
        try {
            outputs.file("--out", out);
            tables().declare(outputs);
            return outputs;
        } catch (IOException | RuntimeException e) {
            outputs.close();
            throw e;
        }
    }
}
