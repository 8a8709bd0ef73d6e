package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.models.balance.AnomalyRule;
import org.popcast.models.balance.Backtest;
import org.popcast.models.balance.BalanceForecast;
import org.popcast.models.balance.BalanceOutputs;
import org.popcast.models.balance.FittedBalance;
import org.popcast.models.balance.ForecastCombination;
import org.popcast.models.balance.ForecastMethod;
import org.popcast.models.balance.MethodForecast;
import org.popcast.models.balance.Indicator;
import org.popcast.models.balance.Measure;
import org.popcast.models.balance.RollingSkill;

/** Plain-text reports of balance-model runs on the command's output. */
final class BalanceReport {

    private final PrintWriter w;

    BalanceReport(PrintWriter w) {
        this.w = w;
    }

    void fit(FittedBalance fit, BalanceForecast forecast) {
        w.printf("%s, years %d-%d, origin %d, %d sub-steps a year%n", fit.series().source(), fit.series().firstYear(),
                fit.series().lastYear(), fit.origin(), fit.settings().stepsPerYear());
        w.printf("fit: %d observations, %d free parameters, %d iterations, rms weighted residual %.3f%n",
                fit.observationCount(), fit.map().size(), fit.iterations(), fit.rmsWeighted());
        w.printf("curves: %s%s%n", BalanceOutputs.curveForms(fit),
                fit.separateMigration() ? "" : " (arrivals carry net migration)");
        if (!fit.fallback().isEmpty()) {
            w.printf("fallback: %s%n", fit.fallback());
        }
        double[] p = fit.fullParameters(), se = fit.fullStandardErrors();
        w.printf("  %-12s %14s %14s %14s %14s%n", "curve", "a", "b", "c", "d");
        w.printf("  %-12s %14.6g +- %.3g%n", "N0", p[0], se[0]);
        for (int k = 0; k < 4; k++) {
            StringBuilder line = new StringBuilder(String.format("  %-12s", BalanceCurves.NAMES[k]));
            for (int j = 0; j < 4; j++) {
                int q = 1 + 4 * k + j;
                line.append(fit.isFree(q) ? String.format(" %14s", String.format("%.4g+-%.2g", p[q], se[q]))
                        : String.format(" %14s", String.format("(%.4g)", p[q])));
            }
            w.println(line);
        }
        StringBuilder errors = new StringBuilder("errors:");
        for (Measure m : Measure.values()) {
            double rms = BalanceOutputs.rmsRelative(fit, m);
            if (!Double.isNaN(rms)) {
                errors.append(String.format(m.signed() ? " %s %.2f per mille," : " %s %.2f %%,", m.label(), rms));
            }
        }
        w.println(errors.substring(0, errors.length() - 1) + " (rms)");
        if (fit.anomalies().isEmpty()) {
            w.println("anomalies: none");
        }
        for (AnomalyRule.Flag f : fit.anomalies()) {
            w.printf("anomaly: %s %d observed %.6g, model %.6g, z %.1f%s%n", f.measure().label(), f.year(), f.observed(),
                    f.model(), f.score(), fit.replaced() ? " (replaced)" : "");
        }
    }

    void forecast(BalanceForecast f) {
        w.printf("forecast (%.0f %% bands, t quantile %.3f):%n", 100 * f.fit().settings().confidence(), f.z());
        w.printf("  %-6s %14s %14s %14s %12s %12s%n", "year", "population", "lower", "upper", "births", "net migration");
        double[][] pop = f.values(Indicator.POPULATION), b = f.values(Indicator.BIRTHS), m = f.values(Indicator.MIGRATION_INCREASE);
        for (int i = 0; i < f.years(); i++) {
            if (!Double.isNaN(pop[BalanceForecast.LOWER][i])) {
                w.printf("  %-6d %14.0f %14.0f %14.0f %12.0f %12.0f%n", f.firstYear() + i, pop[0][i], pop[1][i], pop[2][i],
                        b[0][i], m[0][i]);
            }
        }
    }

    void backtest(Backtest bt) {
        w.printf("backtest: fit on populations to 1 January %d and flows to %d, forecast against the facts:%n",
                bt.cutoff(), bt.cutoff() - 1);
        w.printf("  %-22s %6s %14s %14s %10s %30s %7s %14s %14s %14s%n", "indicator", "year", "forecast", "fact", "deviation",
                "band", "inside", "persistence", "drift", "damped trend");
        for (Backtest.Row r : bt.rows()) {
            w.printf("  %-22s %6d %14.6g %14.6g %9.2f%% %30s %7s %14.6g %14.6g %14.6g%n", r.indicator().label(), r.year(), r.forecast(),
                    r.observed(), r.pe(), String.format("[%.6g, %.6g]", r.lower(), r.upper()), r.inside() ? "yes" : "no",
                    r.persistence(), r.drift(), r.dampedTrend());
        }
    }

    /**
     * Accuracy of population forecasts by horizon: median and mean APE, shares within 1 % and 5 %,
     * band coverage, and beside them the median APE of each benchmark on the same rows.
     */
    void accuracy(List<Backtest.Row> rows) {
        w.printf("  %-8s %6s %12s %10s %10s %10s %14s %14s %10s %14s%n", "horizon", "n", "median APE", "mean APE", "APE<1%", "APE<5%",
                "inside band", "persistence", "drift", "damped trend");
        int maxH = rows.stream().mapToInt(Backtest.Row::horizon).max().orElse(0);
        for (int h = 1; h <= maxH; h++) {
            int hh = h;
            List<Backtest.Row> at = rows.stream().filter(r -> r.horizon() == hh).toList();
            double[] ape = at.stream().mapToDouble(Backtest.Row::ape).sorted().toArray();
            if (ape.length == 0) {
                continue;
            }
            double median = ape.length % 2 == 1 ? ape[ape.length / 2] : (ape[ape.length / 2 - 1] + ape[ape.length / 2]) / 2;
            w.printf("  %-8d %6d %11.2f%% %9.2f%% %9.1f%% %9.1f%% %13.1f%% %13.2f%% %9.2f%% %13.2f%%%n", h, ape.length, median,
                    Arrays.stream(ape).average().orElse(Double.NaN), share(ape, 1), share(ape, 5),
                    100.0 * at.stream().filter(Backtest.Row::inside).count() / at.size(),
                    median(at, Backtest.Row::persistence), median(at, Backtest.Row::drift), median(at, Backtest.Row::dampedTrend));
        }
    }

    /** The median APE of a benchmark over the rows where it has a forecast. */
    private static double median(List<Backtest.Row> rows, java.util.function.ToDoubleFunction<Backtest.Row> benchmark) {
        double[] ape = rows.stream().mapToDouble(r -> Backtest.Row.ape(benchmark.applyAsDouble(r), r.observed()))
                .filter(a -> !Double.isNaN(a)).sorted().toArray();
        if (ape.length == 0) {
            return Double.NaN;
        }
        return ape.length % 2 == 1 ? ape[ape.length / 2] : (ape[ape.length / 2 - 1] + ape[ape.length / 2]) / 2;
    }

    private static double share(double[] ape, double limit) {
        return 100.0 * Arrays.stream(ape).filter(a -> a < limit).count() / ape.length;
    }

    /**
     * The skill table of a rolling-origin backtest: per horizon the combined forecast against the
     * benchmarks on the same rows, the raw balance model against them on its rows, and coverage.
     */
    void skill(List<RollingSkill> table, double confidence) {
        w.printf("median APE of the population (%%); combined = popcast's forecast, weights from errors known at each origin:%n");
        w.printf("  %-7s %6s %9s %12s %8s %13s | %6s %9s %12s %8s %13s%n", "horizon", "n", "combined", "persistence", "drift",
                "damped trend", "n", "balance", "persistence", "drift", "damped trend");
        for (RollingSkill s : table) {
            w.printf("  %-7d %6d %9.2f %12.2f %8.2f %13.2f | %6d %9.2f %12.2f %8.2f %13.2f%n", s.horizon(), s.rows(), s.combined(),
                    s.persistence(), s.drift(), s.dampedTrend(), s.balanceRows(), s.balance(), s.balancePersistence(), s.balanceDrift(),
                    s.balanceDampedTrend());
        }
        w.printf("coverage of the nominal %.0f %% bands (%% of observations inside, rows with a band):%n", 100 * confidence);
        w.printf("  %-7s %22s %22s %22s%n", "horizon", "combined, calibrated", "balance, own band", "balance, calibrated");
        for (RollingSkill s : table) {
            w.printf("  %-7d %22s %22s %22s%n", s.horizon(), coverage(s.combinedBand()), coverage(s.balanceBand()),
                    coverage(s.balanceCalibrated()));
        }
    }

    private static String coverage(org.popcast.models.balance.RollingSkill.Coverage c) {
        return c.rows() == 0 ? "-" : String.format("%.1f %% (%d)", c.percent(), c.rows());
    }

    /** The population by the chosen method, its band and how it was made. */
    void method(MethodForecast m) {
        w.printf("population by --method %s from %d (%.0f %% band: %s):%n", m.method().label(), m.origin(), 100 * m.level(),
                m.calibration());
        w.printf("  %-6s %14s %14s %14s %8s %8s  %s%n", "year", m.method().label(), "lower", "upper", "scores", "factor", "weights");
        for (MethodForecast.Step s : m.steps()) {
            w.printf("  %-6d %14.0f %14.0f %14.0f %8d %8.4f  %s%n", s.year(), s.forecast(), s.lower(), s.upper(), s.scores(), s.factor(),
                    weights(s.combined()));
        }
    }

    private static String weights(ForecastCombination.Combined c) {
        if (c.source() == ForecastCombination.Source.NONE) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (ForecastMethod f : ForecastMethod.values()) {
            b.append(String.format("%s %.3f, ", f.label(), c.weights()[f.ordinal()]));
        }
        return b.append("from ").append(c.source().label()).toString();
    }

    /** The held-out populations against the chosen method and every other method, with APE in %. */
    void methodBacktest(MethodForecast m) {
        w.printf("population, hold-out against every method (APE %%; %s: weights and band from years up to %d only):%n",
                m.method().label(), m.origin());
        w.printf("  %-6s %3s %14s %12s %12s %12s %12s %12s %30s %7s%n", "year", "h", "fact", m.method().label(), "balance",
                "persistence", "drift", "damped trend", "band", "inside");
        for (MethodForecast.Step s : m.steps()) {
            double a = s.row().observed();
            if (Double.isNaN(a)) {
                continue;
            }
            w.printf("  %-6d %3d %14.6g %11.2f%% %11.2f%% %11.2f%% %11.2f%% %11.2f%% %30s %7s%n", s.year(), s.horizon(), a,
                    Backtest.Row.ape(s.forecast(), a), Backtest.Row.ape(s.row().forecast(ForecastMethod.BALANCE), a),
                    Backtest.Row.ape(s.row().forecast(ForecastMethod.PERSISTENCE), a), Backtest.Row.ape(s.row().forecast(ForecastMethod.DRIFT), a),
                    Backtest.Row.ape(s.row().forecast(ForecastMethod.DAMPED_TREND), a), String.format("[%.6g, %.6g]", s.lower(), s.upper()),
                    Double.isNaN(s.lower()) ? "-" : a >= s.lower() && a <= s.upper() ? "yes" : "no");
        }
        if (!m.steps().isEmpty()) {
            w.printf("  weights at the origin: %s%n", weights(m.steps().get(0).combined()));
        }
    }

    void written(Path out, org.popcast.data.io.TableFolders tables) {
        w.printf("-> %s%s%n", out, tables.csv() != null && tables.parquet() == null ? " and CSV tables in " + tables.csv()
                : tables.any() ? " and tables in " + tables.describe() : "");
        w.flush();
    }
}
