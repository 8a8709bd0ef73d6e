package org.popcast.models.balance;

import static org.popcast.data.io.TidyTable.Type.FLOAT64;
import static org.popcast.data.io.TidyTable.Type.INT64;
import static org.popcast.data.io.TidyTable.Type.STRING;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.popcast.data.io.CfFlags;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.TableFolders;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.LogLogisticCurve;
import org.popcast.models.common.ResultChecks;
import org.popcast.models.common.ResultHeader;

/**
 * Result files of {@code popcast balance} (formats.md, demographic balance model): the 13
 * indicators by {@code year}, with {@code _lower}/{@code _upper} bands in forecast years and
 * {@code observed_*} where data were given; {@code status_*} of each observed measure (0 observed,
 * 1 missing and restored from the model, 2 anomalous, 3 anomalous and replaced); the fitted curve
 * parameters by {@code parameter} with standard errors. The same content as tidy CSV tables.
 */
public final class BalanceOutputs {

    /** 1.1: CF 1.10 (calendar years without units, int8 status and parameter_free flags, UDUNITS units). */
    public static final String FORMAT_VERSION = "1.1";
    /**
     * status_*: 0 observed, 1 missing (restored from the model), 2 anomalous (kept), 3 anomalous
     * (replaced by the model); missing (the _FillValue) in years after the last observation.
     */
    static final CfFlags STATUS = CfFlags.of("observed", "missing_restored", "anomalous_kept", "anomalous_replaced").withMissing();
    /** parameter_free: 0 held fixed by the curve form, 1 fitted. */
    static final CfFlags FREE = CfFlags.of("fixed", "fitted");

    private BalanceOutputs() {
    }

    /** The forecast as a netCDF dataset; {@code observed} gives the observed_* values (the full series in a backtest). */
    public static NetcdfDataset dataset(BalanceForecast forecast, BalanceSeries observed, String product, Provenance provenance,
                                        Map<String, Object> extra) {
        return dataset(forecast, observed, product, provenance, extra, null);
    }

    /** As {@link #dataset(BalanceForecast, BalanceSeries, String, Provenance, Map)} with the population by {@code method} (null: none). */
    public static NetcdfDataset dataset(BalanceForecast forecast, BalanceSeries observed, String product, Provenance provenance,
                                        Map<String, Object> extra, MethodForecast method) {
        NetcdfDataset.Builder b = builder(forecast, observed, product, provenance, extra);
        methodVariables(b, method, forecast.firstYear(), forecast.years());
        return checked(b.build());
    }

    /**
     * The population by a {@link PopulationMethod}: {@code population_forecast} with
     * {@code _lower}/{@code _upper}, the combination's weights {@code combination_weight_<method>},
     * the band's calibration {@code band_scores}, {@code band_quantile}, {@code band_factor} by year,
     * and the method, weights' source and calibration set as attributes. The balance model's own
     * variables ({@code population}, {@code births}, ...) are untouched.
     */
    private static void methodVariables(NetcdfDataset.Builder b, MethodForecast m, int first, int n) {
        if (m == null) {
            return;
        }
        double[][] v = new double[6 + ForecastMethod.values().length][n];
        for (double[] r : v) {
            Arrays.fill(r, Double.NaN);
        }
        for (MethodForecast.Step s : m.steps()) {
            int i = s.year() - first;
            if (i < 0 || i >= n) {
                continue;
            }
            v[0][i] = s.forecast();
            v[1][i] = s.lower();
            v[2][i] = s.upper();
            v[3][i] = s.scores();
            v[4][i] = quantile(s.scores(), m.level());
            v[5][i] = s.factor();
            for (ForecastMethod f : ForecastMethod.values()) {
                v[6 + f.ordinal()][i] = s.combined().source() == ForecastCombination.Source.NONE ? Double.NaN : s.combined().weights()[f.ordinal()];
            }
        }
        String what = "population on 1 January, " + m.method().label() + " forecast from " + m.origin();
        b.attribute("population_method", m.method().label())
                .attribute("population_method_origin", (long) m.origin())
                .attribute("band_calibration", m.calibration())
                .attribute("band_level", m.level())
                .attribute("combination_weights_source", m.steps().isEmpty() ? "none" : m.steps().get(0).combined().source().label());
        b.variable("population_forecast", List.of("year"), v[0], "persons", what);
        b.variable("population_forecast_lower", List.of("year"), v[1], "persons", what + ", lower bound of the band");
        b.variable("population_forecast_upper", List.of("year"), v[2], "persons", what + ", upper bound of the band");
        b.variableAttribute("population_forecast", "method", m.method().label());
        b.variable("band_scores", List.of("year"), v[3], "1", "past scores calibrating the band (0: the balance model's own band)");
        b.variable("band_quantile", List.of("year"), v[4], "1", "empirical quantile level of the factor: ceil((n + 1) p) / n");
        b.variable("band_factor", List.of("year"), v[5], "1", "conformal factor q: band F e^-q .. F e^q");
        if (m.method() == PopulationMethod.COMBINATION) {
            for (ForecastMethod f : ForecastMethod.values()) {
                b.variable("combination_weight_" + f.label(), List.of("year"), v[6 + f.ordinal()], "1",
                        "weight of the " + f.label() + " forecast in the combination (inverse mean squared past error)");
            }
        }
    }

    /** The empirical quantile level ceil((n + 1) p) / n of a conformal factor from {@code n} scores; NaN without scores. */
    static double quantile(int n, double level) {
        return n == 0 ? Double.NaN : Math.ceil((n + 1) * level) / n;
    }

    /**
     * Writes population (.csv, .parquet): per forecast year the chosen method's forecast and band, every
     * method's forecast, the combination's weights and the band's calibration.
     */
    public static void writeMethodTable(org.popcast.data.io.OutputFiles outputs, TableFolders dirs, MethodForecast m) throws IOException {
        List<Object> columns = new ArrayList<>(List.of("year", INT64, "horizon", INT64, "method", STRING, "forecast", FLOAT64,
                "lower", FLOAT64, "upper", FLOAT64, "observed", FLOAT64));
        for (ForecastMethod f : ForecastMethod.values()) {
            columns.addAll(List.of(f.label(), FLOAT64));
        }
        for (ForecastMethod f : ForecastMethod.values()) {
            columns.addAll(List.of("weight_" + f.label(), FLOAT64));
        }
        columns.addAll(List.of("weights_source", STRING, "band_scores", INT64, "band_quantile", FLOAT64, "band_factor", FLOAT64));
        TidyRows t = new TidyRows(columns.toArray());
        for (MethodForecast.Step s : m.steps()) {
            List<Object> row = new ArrayList<>(List.of(s.year(), s.horizon(), m.method().label(), s.forecast(), s.lower(), s.upper(),
                    s.row().observed()));
            for (ForecastMethod f : ForecastMethod.values()) {
                row.add(s.row().forecast(f));
            }
            boolean weighted = s.combined().source() != ForecastCombination.Source.NONE;
            for (ForecastMethod f : ForecastMethod.values()) {
                row.add(weighted ? s.combined().weights()[f.ordinal()] : Double.NaN);
            }
            row.addAll(List.of(s.combined().source().label(), s.scores(), quantile(s.scores(), m.level()), s.factor()));
            t.add(row.toArray());
        }
        t.write(outputs, dirs, "population");
    }

    /** The modelled population must be a count: a jump of -1e12 persons or 1e308 arrivals fails here. */
    private static NetcdfDataset checked(NetcdfDataset ds) {
        ResultChecks.requireCounts(ds, "population");
        return ds;
    }

    /**
     * A backtest as a netCDF dataset: the forecast against the full series, and for every held-out
     * value the benchmarks' forecasts ({@code <indicator>_persistence}, {@code _drift},
     * {@code _damped_trend}; NaN in the other years).
     */
    public static NetcdfDataset backtestDataset(Backtest bt, Provenance provenance, Map<String, Object> extra, MethodForecast method) {
        NetcdfDataset.Builder b = builder(bt.forecast(), bt.series(), "backtest", provenance, extra);
        methodVariables(b, method, bt.forecast().firstYear(), bt.forecast().years());
        int first = bt.forecast().firstYear(), n = bt.forecast().years();
        for (Indicator ind : Indicator.values()) {
            List<Backtest.Row> rows = bt.rows(ind);
            if (rows.isEmpty()) {
                continue;
            }
            double[][] bench = new double[3][n];
            for (double[] v : bench) {
                Arrays.fill(v, Double.NaN);
            }
            for (Backtest.Row r : rows) {
                bench[0][r.year() - first] = r.persistence();
                bench[1][r.year() - first] = r.drift();
                bench[2][r.year() - first] = r.dampedTrend();
            }
            for (int k = 0; k < 3; k++) {
                b.variable(ind.label() + BENCHMARKS[k], List.of("year"), bench[k], ind.units(),
                        ind.longName() + ", " + BENCHMARK_NAMES[k] + " forecast from the training years (benchmark)");
            }
        }
        return checked(b.build());
    }

    /** Suffixes of the benchmark variables of a backtest, and what they are. */
    public static final List<String> BENCHMARK_SUFFIXES = List.of("_persistence", "_drift", "_damped_trend");
    private static final String[] BENCHMARKS = BENCHMARK_SUFFIXES.toArray(String[]::new);
    private static final String[] BENCHMARK_NAMES = {"persistence", "drift", "damped-trend exponential smoothing"};

    private static NetcdfDataset.Builder builder(BalanceForecast forecast, BalanceSeries observed, String product, Provenance provenance,
                                                 Map<String, Object> extra) {
        FittedBalance fit = forecast.fit();
        NetcdfDataset.Builder b = ResultHeader.start("popcast demographic balance model, " + product + ": " + fit.series().source(),
                provenance, FORMAT_VERSION, "balance_" + product);
        settingsAttributes(fit, forecast).forEach((k, v) -> put(b, k, v));
        extra.forEach((k, v) -> put(b, k, v));

        int n = forecast.years();
        long[] years = new long[n];
        for (int i = 0; i < n; i++) {
            years[i] = forecast.firstYear() + i;
        }
        b.calendarYears("year", years, "(population: on 1 January; flows: during the year)");
        Dual[][] obs = BalanceForecast.observed(observed);
        for (Indicator ind : Indicator.values()) {
            double[][] v = forecast.values(ind);
            String name = ind.label();
            b.variable(name, List.of("year"), v[BalanceForecast.MODEL], ind.units(), ind.longName() + ", balance model");
            if (hasValues(v[BalanceForecast.LOWER])) {
                b.variable(name + "_lower", List.of("year"), v[BalanceForecast.LOWER], ind.units(),
                        ind.longName() + ", lower bound of the forecast band");
                b.variable(name + "_upper", List.of("year"), v[BalanceForecast.UPPER], ind.units(),
                        ind.longName() + ", upper bound of the forecast band");
                b.variableAttribute(name + "_lower", "confidence", fit.settings().confidence());
                b.variableAttribute(name + "_upper", "confidence", fit.settings().confidence());
            }
            double[] o = alignedObserved(obs[ind.ordinal()], observed.firstYear(), forecast.firstYear(), n);
            if (hasValues(o)) {
                b.variable("observed_" + name, List.of("year"), o, ind.units(), ind.longName() + ", observed");
            }
        }
        for (Measure m : Measure.values()) {
            byte[] status = status(fit, m, n);
            if (hasValues(status)) {
                b.flagVariable("status_" + m.label(), List.of("year"), status, STATUS, "status of the observed " + m.label());
            }
        }
        List<String> names = parameterNames();
        b.dimension("parameter", names.toArray(String[]::new), "curve parameter: N0 and a, b, c, d of each curve");
        double[] se = fit.fullStandardErrors();
        byte[] free = new byte[names.size()];
        for (int q = 0; q < free.length; q++) {
            free[q] = (byte) (fit.isFree(q) ? 1 : 0);
            se[q] = fit.isFree(q) ? se[q] : Double.NaN;
        }
        // no units attribute: the parameters have several (CF: units only where one applies)
        b.variable("parameter_value", List.of("parameter"), fit.fullParameters(), null,
                "fitted value: N0 in persons; rates per person per year; flows in persons per year; c 1; d years from the origin");
        b.variable("parameter_std_error", List.of("parameter"), se, null, "standard error (NaN: held fixed by the curve form)");
        b.flagVariable("parameter_free", List.of("parameter"), free, FREE, "whether the parameter was fitted or held fixed by the curve form");
        return b;
    }

    private static void put(NetcdfDataset.Builder b, String k, Object v) {
        if (v instanceof Double d) {
            b.attribute(k, d);
        } else if (v instanceof Integer i) {
            b.attribute(k, (long) i);
        } else if (v instanceof Long l) {
            b.attribute(k, l);
        } else {
            b.attribute(k, String.valueOf(v));
        }
    }

    /** The run's settings and the fit's error measures, for file attributes and reports. */
    public static Map<String, Object> settingsAttributes(FittedBalance fit, BalanceForecast forecast) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("series", fit.series().source());
        a.put("data_years", fit.series().firstYear() + "-" + fit.series().lastYear());
        a.put("origin_year", fit.origin());
        a.put("steps_per_year", fit.settings().stepsPerYear());
        a.put("curve_forms", curveForms(fit));
        a.put("curve_fallback", fit.fallback().isEmpty() ? "none" : fit.fallback());
        a.put("migration", fit.separateMigration() ? "arrivals and departures" : "net migration only (arrivals and departures not modelled)");
        a.put("confidence", fit.settings().confidence());
        a.put("student_t_dof", fit.dof());
        a.put("student_t_quantile", forecast.z());
        a.put("anomaly_threshold", fit.settings().anomalyThreshold());
        a.put("anchored_to_last_population", String.valueOf(fit.settings().anchor()));
        a.put("anomalies_replaced", String.valueOf(fit.replaced()));
        a.put("anomalies", fit.anomalies().stream().map(f -> f.measure().label() + " " + f.year() + " (z " + String.format("%.1f", f.score()) + ")")
                .collect(Collectors.joining("; ")));
        a.put("jumps", fit.jumps().stream().map(j -> j.year() + " " + j.indicator().label() + " " + j.amount() + (j.changesTrend() ? " trend" : " once"))
                .collect(Collectors.joining("; ")));
        a.put("observations", fit.observationCount());
        a.put("free_parameters", fit.map().size());
        a.put("iterations", fit.iterations());
        a.put("evaluations", fit.evaluations());
        a.put("rms_weighted_residual", fit.rmsWeighted());
        for (Measure m : Measure.values()) {
            double rms = rmsRelative(fit, m);
            if (!Double.isNaN(rms)) {
                a.put((m.signed() ? "rms_error_per_mille_" : "rms_relative_error_percent_") + m.label(), rms);
            }
        }
        a.put("band_error", "err(h)^2 = s^2 + Var_theta + h sigma_g^2; see docs/balance-model.md");
        a.put("anomaly_rule", "modified z-score 0.6745 (e - median)/MAD of the fit errors per measure, |z| > threshold");
        return a;
    }

    public static String curveForms(FittedBalance fit) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            parts.add(BalanceCurves.NAMES[k] + " " + fit.map().form(k).name().toLowerCase());
        }
        return String.join(", ", parts);
    }

    /** Root mean square of 100 ln(obs/model) (positive measures) or of (obs - model) per mille of the population. */
    public static double rmsRelative(FittedBalance fit, Measure m) {
        double sum = 0;
        int n = 0;
        double[] ref = fit.observations().reference;
        for (FittedBalance.Residual r : fit.residuals()) {
            if (r.measure() == m) {
                int i = r.year() - fit.series().firstYear();
                double e = m.signed() ? r.error() * 2000 / (ref[i] + ref[i + 1]) : 100 * r.error();
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    static List<String> parameterNames() {
        List<String> names = new ArrayList<>(List.of("N0"));
        for (String curve : BalanceCurves.NAMES) {
            for (String p : LogLogisticCurve.NAMES) {
                names.add(curve + "." + p);
            }
        }
        return names;
    }

    private static double[] alignedObserved(Dual[] obs, int obsFirst, int first, int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < obs.length; i++) {
            int j = obsFirst + i - first;
            if (j >= 0 && j < n) {
                out[j] = obs[i].v();
            }
        }
        return out;
    }

    private static byte[] status(FittedBalance fit, Measure m, int n) {
        BalanceSeries s = fit.series();
        double[] col = m.column(s);
        byte[] out = new byte[n];
        Arrays.fill(out, CfFlags.MISSING);
        if (BalanceSeries.known(col) == 0) {
            return out;
        }
        int last = m == Measure.POPULATION ? fit.observations().lastPopulationIndex() : fit.observations().lastFlowIndex();
        for (int i = 0; i <= Math.min(last, s.years() - 1); i++) {
            out[i] = (byte) (Double.isNaN(col[i]) ? 1 : 0);
        }
        for (AnomalyRule.Flag f : fit.anomalies()) {
            if (f.measure() == m) {
                out[f.year() - s.firstYear()] = (byte) (fit.replaced() ? 3 : 2);
            }
        }
        return out;
    }

    private static boolean hasValues(double[] a) {
        return Arrays.stream(a).anyMatch(v -> !Double.isNaN(v));
    }

    private static boolean hasValues(byte[] flags) {
        for (byte f : flags) {
            if (f != CfFlags.MISSING) {
                return true;
            }
        }
        return false;
    }

    /** Writes balance, parameters and anomalies (.csv, .parquet) into the folders of {@code dirs}, declared in {@code outputs}. */
    public static void writeTables(org.popcast.data.io.OutputFiles outputs, TableFolders dirs, BalanceForecast forecast, BalanceSeries observed)
            throws IOException {
        FittedBalance fit = forecast.fit();
        TidyRows table = new TidyRows("year", INT64, "indicator", STRING, "model", FLOAT64, "lower", FLOAT64,
                "upper", FLOAT64, "observed", FLOAT64);
        Dual[][] obs = BalanceForecast.observed(observed);
        for (Indicator ind : Indicator.values()) {
            double[][] v = forecast.values(ind);
            double[] o = alignedObserved(obs[ind.ordinal()], observed.firstYear(), forecast.firstYear(), forecast.years());
            for (int i = 0; i < forecast.years(); i++) {
                table.add(forecast.firstYear() + i, ind.label(), v[0][i], v[1][i], v[2][i], o[i]);
            }
        }
        table.write(outputs, dirs, "balance");
        TidyRows params = new TidyRows("parameter", STRING, "value", FLOAT64, "std_error", FLOAT64, "free", INT64);
        List<String> names = parameterNames();
        double[] value = fit.fullParameters(), se = fit.fullStandardErrors();
        for (int q = 0; q < names.size(); q++) {
            params.add(names.get(q), value[q], fit.isFree(q) ? se[q] : Double.NaN, fit.isFree(q) ? 1 : 0);
        }
        params.write(outputs, dirs, "parameters");
        TidyRows anomalies = new TidyRows("measure", STRING, "year", INT64, "observed", FLOAT64, "model", FLOAT64, "score", FLOAT64,
                "replaced", INT64);
        for (AnomalyRule.Flag f : fit.anomalies()) {
            anomalies.add(f.measure().label(), f.year(), f.observed(), f.model(), f.score(), fit.replaced() ? 1 : 0);
        }
        anomalies.write(outputs, dirs, "anomalies");
    }

    /**
     * Level II as a dataset: {@code group_population(group, year)} and {@code observed_group_population},
     * with the Level I {@code population(year)} they add up to, and the fitted shares and multipliers.
     */
    public static NetcdfDataset groupsDataset(AgeGroupFit.Result r, FittedBalance level1, java.util.TreeMap<Integer, double[]> observed,
                                              Provenance provenance) {
        NetcdfDataset.Builder b = ResultHeader.start("popcast demographic balance model, Level II age groups: " + level1.series().source(),
                provenance, FORMAT_VERSION, "balance_groups");
        settingsAttributes(level1, BalanceForecast.of(level1, level1.series().lastYear())).forEach((k, v) -> put(b, k, v));
        b.attribute("group_widths_years", r.widths()[0] + " (young), " + r.widths()[1] + " (working)")
                .attribute("group_start_year", (long) r.startYear())
                .attribute("group_observations", (long) r.observations())
                .attribute("group_rms_per_mille", r.rmsPerMille())
                .attribute("group_projection_max_correction", r.maxCorrection());
        for (int i = 0; i < 3; i++) {
            String g = AgeGroupFit.GROUPS[i];
            b.attribute("migration_share_" + g, r.shares()[i]).attribute("death_rate_multiplier_" + g, r.multipliers()[i]);
        }
        String[] se = {"migration_share_young", "migration_share_working", "death_rate_multiplier_young", "death_rate_multiplier_old"};
        for (int q = 0; q < 4; q++) {
            b.attribute(se[q] + "_std_error", r.standardErrors()[q]);
        }
        int n = r.groups().length;
        long[] years = new long[n];
        double[] model = new double[3 * n], obs = new double[3 * n], total = new double[n];
        Arrays.fill(obs, Double.NaN);
        for (int y = 0; y < n; y++) {
            years[y] = r.startYear() + y;
            double[] row = observed.get(r.startYear() + y);
            for (int g = 0; g < 3; g++) {
                model[g * n + y] = r.groups()[y][g];
                obs[g * n + y] = row == null ? Double.NaN : row[g];
                total[y] += r.groups()[y][g];
            }
        }
        b.calendarYears("year", years, "(populations on 1 January)");
        b.dimension("group", AgeGroupFit.GROUPS, "age group: below, at and above working age");
        b.variable("group_population", List.of("group", "year"), model, "persons", "population of the age group on 1 January, model");
        if (hasValues(obs)) {
            b.variable("observed_group_population", List.of("group", "year"), obs, "persons", "population of the age group on 1 January, observed");
        }
        b.variable("population", List.of("year"), total, "persons", "population on 1 January, Level I (the sum of the groups)");
        return b.build();
    }

    /** Writes groups (.csv, .parquet): year, group, model, observed. */
    public static void writeGroupsTable(org.popcast.data.io.OutputFiles outputs, TableFolders dirs, AgeGroupFit.Result r,
                                      java.util.TreeMap<Integer, double[]> observed) throws IOException {
        TidyRows t = new TidyRows("year", INT64, "group", STRING, "model", FLOAT64, "observed", FLOAT64);
        for (int y = 0; y < r.groups().length; y++) {
            double[] row = observed.get(r.startYear() + y);
            for (int g = 0; g < 3; g++) {
                t.add(r.startYear() + y, AgeGroupFit.GROUPS[g], r.groups()[y][g], row == null ? Double.NaN : row[g]);
            }
        }
        t.write(outputs, dirs, "groups");
    }

    /** Writes backtest (.csv, .parquet): every held-out value against its forecast. */
    public static void writeBacktestTable(org.popcast.data.io.OutputFiles outputs, TableFolders dirs, Backtest bt) throws IOException {
        TidyRows t = new TidyRows(BACKTEST_COLUMNS);
        for (Backtest.Row r : bt.rows()) {
            t.add(cells(r));
        }
        t.write(outputs, dirs, "backtest");
    }

    private static final Object[] BACKTEST_COLUMNS = {"indicator", STRING, "year", INT64, "horizon", INT64, "observed", FLOAT64,
            "forecast", FLOAT64, "lower", FLOAT64, "upper", FLOAT64, "pe", FLOAT64, "inside", INT64,
            "persistence", FLOAT64, "drift", FLOAT64, "damped_trend", FLOAT64};

    private static Object[] cells(Backtest.Row r) {
        return new Object[] {r.indicator().label(), r.year(), r.horizon(), r.observed(), r.forecast(), r.lower(), r.upper(),
                r.pe(), r.inside() ? 1 : 0, r.persistence(), r.drift(), r.dampedTrend()};
    }

    /**
     * The summary of a batch of backtests: every city's held-out values (city_id, city, then the
     * backtest.csv columns), and beside it a table of the cities that could not be fitted and why.
     */
    public static final class BatchSummary {
        private final TidyRows rows;
        private final TidyRows failures = new TidyRows("city_id", STRING, "city", STRING, "reason", STRING);

        public BatchSummary() {
            Object[] c = new Object[BACKTEST_COLUMNS.length + 4];
            c[0] = "city_id";
            c[1] = STRING;
            c[2] = "city";
            c[3] = STRING;
            System.arraycopy(BACKTEST_COLUMNS, 0, c, 4, BACKTEST_COLUMNS.length);
            rows = new TidyRows(c);
        }

        public void add(String id, String name, Backtest bt) {
            for (Backtest.Row r : bt.rows()) {
                Object[] cells = cells(r);
                Object[] row = new Object[cells.length + 2];
                row[0] = id;
                row[1] = name;
                System.arraycopy(cells, 0, row, 2, cells.length);
                rows.add(row);
            }
        }

        public void failed(String id, String name, String reason) {
            failures.add(id, name, reason);
        }

        /**
         * Where the failures of a summary written to {@code target} go: the same name ending in
         * -failures.csv (-failures.parquet beside a .parquet summary).
         */
        public static Path failuresFile(Path target) {
            String name = target.getFileName().toString();
            String ext = name.endsWith(".parquet") ? ".parquet" : ".csv";
            return target.resolveSibling((name.endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name) + "-failures" + ext);
        }

        /** Writes the summary to {@code target} and the failures to {@link #failuresFile}, both declared in {@code outputs}. */
        public void write(org.popcast.data.io.OutputFiles outputs, Path target) throws IOException {
            rows.writeFile(outputs, target);
            failures.writeFile(outputs, failuresFile(target));
        }
    }
}
