package org.popcast.cli;

import static org.popcast.cli.CliRun.popcast;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.kernels.balance.AgeGroupOde;
import org.popcast.kernels.balance.BalanceCurves;
import org.popcast.kernels.balance.BalanceForcing;
import org.popcast.kernels.balance.BalancePath;
import org.popcast.kernels.balance.LogLogisticCurve;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

import io.jhdf.HdfFile;

/** The balance commands end to end, on the embedded city and on files written here; results read back with jHDF. */
class BalanceCliTest {

    @TempDir
    Path dir;

    static final BalanceCurves CURVES = new BalanceCurves(new LogLogisticCurve(0.012, 0.009, 2, 10),
            new LogLogisticCurve(0.010, 0.013, 2, 14), new LogLogisticCurve(30_000, 42_000, 3, 9),
            new LogLogisticCurve(25_000, 21_000, 2, 12));

    /** A 16-year series from known curves, with 2005 missing but for deaths and departures. */
    private Path series() throws IOException {
        return series(dir);
    }

    /** series.csv of {@link #CURVES} in {@code dir} (also used by the plot tests). */
    static Path series(Path dir) throws IOException {
        BalancePath p = new TrapezoidBalanceOde(4).solve(CURVES, 500_000, 1999, 2000, BalanceForcing.none(16), false);
        StringBuilder csv = new StringBuilder("year,population,births,deaths,arrivals,departures\n");
        for (int y = 0; y < 16; y++) {
            boolean gap = y == 5;
            csv.append(String.format("%d,%s,%s,%.0f,%s,%.0f%n", 2000 + y, gap ? "" : String.format("%.0f", p.population()[y]),
                    gap ? "" : String.format("%.0f", p.births()[y]), p.deaths()[y],
                    gap ? "" : String.format("%.0f", p.arrivals()[y]), p.departures()[y]));
        }
        Path file = dir.resolve("series.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void backtestOfTheEmbeddedCityWritesTheFormatsFiles() throws Exception {
        Path h5 = dir.resolve("bt.h5"), csv = dir.resolve("csv");
        CliRun run = popcast("balance", "backtest", "--out", h5.toString(), "--csv", csv.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Wan_stage5.csv city 500000 重庆"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith("population") && l.contains("2023")), run.out());
        try (HdfFile hdf = new HdfFile(h5)) {
            long[] years = (long[]) hdf.getDatasetByPath("year").getData();
            assertEquals(2009, years[0]);
            assertEquals(2023, years[years.length - 1]);
            for (String v : List.of("population", "births", "deaths", "birth_rate", "death_rate", "natural_increase",
                    "natural_increase_rate", "migration_increase", "migration_increase_rate", "population_lower",
                    "population_upper", "observed_population")) {
                assertTrue(hdf.getDatasetByPath(v).getAttributes().containsKey("units"), v);
            }
            // CF: no units on flags, nor on parameters of several units
            for (String v : List.of("status_population", "parameter_free", "parameter_value", "parameter_std_error")) {
                assertTrue(!hdf.getDatasetByPath(v).getAttributes().containsKey("units"), v);
            }
            double[] pop = (double[]) hdf.getDatasetByPath("population").getData();
            double[] lower = (double[]) hdf.getDatasetByPath("population_lower").getData();
            double[] observed = (double[]) hdf.getDatasetByPath("observed_population").getData();
            int i2023 = 2023 - 2009;
            assertTrue(lower[i2023] < pop[i2023] && Double.isNaN(lower[2019 - 2009]), "bands only past the cutoff");
            assertEquals(3414e4, observed[i2023], 1e-6, "the held-out fact is in the file");
            assertEquals(Math.abs(pop[i2023] / observed[i2023] - 1) < 0.01, true);
            assertEquals(org.popcast.models.balance.BalanceOutputs.FORMAT_VERSION, hdf.getAttribute("format_version").getData());
            assertEquals(2020L, hdf.getAttribute("backtest_cutoff").getData());
            // the benchmarks beside the forecast in the held-out years only: persistence is the 2020 population
            double[] persistence = (double[]) hdf.getDatasetByPath("population_persistence").getData();
            int y2020 = 2020 - 2009, y2023 = 2023 - 2009;
            assertTrue(Double.isNaN(persistence[y2020]), "no benchmark in a training year");
            assertEquals(observed[y2020], persistence[y2023], 0);
            assertTrue(hdf.getDatasetByPath("population_damped_trend") != null && hdf.getDatasetByPath("population_drift") != null);
            assertTrue(((String) hdf.getAttribute("history").getData()).contains("popcast balance backtest"));
            assertTrue(((String) hdf.getAttribute("curve_forms").getData()).contains("birth_rate"));
            String[] params = (String[]) hdf.getDatasetByPath("parameter").getData();
            assertEquals(17, params.length);
            assertEquals("birth_rate.a", params[1]);
        }
        List<String> rows = Files.readAllLines(csv.resolve("backtest.csv"));
        assertEquals("indicator,year,horizon,observed,forecast,lower,upper,pe,inside,persistence,drift,damped_trend", rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("population,2022,")), rows.toString());
        assertEquals("year,indicator,model,lower,upper,observed", Files.readAllLines(csv.resolve("balance.csv")).get(0));
        assertTrue(Files.exists(csv.resolve("parameters.csv")) && Files.exists(csv.resolve("anomalies.csv")));
    }

    /** The default forecast is the combination: method, weights and band calibration in the HDF5 file and population.csv. */
    @Test
    void forecastWritesTheMethodTheWeightsAndTheCalibration() throws Exception {
        Path h5 = dir.resolve("f.h5"), csv = dir.resolve("csv"), drift = dir.resolve("drift.h5");
        CliRun run = popcast("balance", "forecast", "--until", "2026", "--out", h5.toString(), "--csv", csv.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("population by --method combination from 2023"), run.out());
        try (HdfFile hdf = new HdfFile(h5)) {
            assertEquals("combination", hdf.getAttribute("population_method").getData());
            assertEquals("city", hdf.getAttribute("combination_weights_source").getData());
            assertTrue(((String) hdf.getAttribute("band_calibration").getData()).contains("356 embedded cities"));
            assertTrue(((String) hdf.getDatasetByPath("population").getAttribute("long_name").getData()).endsWith("balance model"));
            int i = 2024 - 2009;
            double total = 0;
            for (String m : List.of("balance", "persistence", "drift", "damped_trend")) {
                double w = ((double[]) hdf.getDatasetByPath("combination_weight_" + m).getData())[i];
                assertTrue(w >= 0 && w <= 1, m + " " + w);
                total += w;
            }
            assertEquals(1, total, 1e-12);
            double f = ((double[]) hdf.getDatasetByPath("population_forecast").getData())[i];
            double lower = ((double[]) hdf.getDatasetByPath("population_forecast_lower").getData())[i];
            double upper = ((double[]) hdf.getDatasetByPath("population_forecast_upper").getData())[i];
            double scores = ((double[]) hdf.getDatasetByPath("band_scores").getData())[i];
            double factor = ((double[]) hdf.getDatasetByPath("band_factor").getData())[i];
            assertTrue(scores >= 20, "calibrated on at least 20 scores: " + scores);
            assertEquals(f * Math.exp(factor), upper, 1e-6 * f);
            assertEquals(f * Math.exp(-factor), lower, 1e-6 * f);
            assertTrue(Double.isNaN(((double[]) hdf.getDatasetByPath("population_forecast").getData())[2023 - 2009]), "forecast years only");
        }
        List<String> rows = Files.readAllLines(csv.resolve("population.csv"));
        assertEquals("year,horizon,method,forecast,lower,upper,observed,balance,persistence,drift,damped_trend,weight_balance,"
                + "weight_persistence,weight_drift,weight_damped_trend,weights_source,band_scores,band_quantile,band_factor", rows.get(0));
        assertEquals(4, rows.size(), "2024-2026");
        assertTrue(rows.get(1).startsWith("2024,1,combination,") && rows.get(1).contains(",city,"), rows.get(1));
        assertEquals(0, popcast("balance", "forecast", "--until", "2026", "--method", "drift", "--out", drift.toString()).exit());
        try (HdfFile hdf = new HdfFile(drift)) {
            assertEquals("drift", hdf.getAttribute("population_method").getData());
            assertFalse(hdf.getChildren().containsKey("combination_weight_drift"), "weights only for the combination");
        }
    }

    /** The single-city backtest reports every method on the held-out populations. */
    @Test
    void singleBacktestTableHasEveryMethod() throws Exception {
        Path h5 = dir.resolve("bt.h5"), csv = dir.resolve("csv");
        CliRun run = popcast("balance", "backtest", "--out", h5.toString(), "--csv", csv.toString());
        assertEquals(0, run.exit(), run.err());
        String header = run.out().lines().filter(l -> l.trim().startsWith("year") && l.contains("combination")).findFirst().orElseThrow();
        for (String column : List.of("year", "h", "fact", "combination", "balance", "persistence", "drift", "damped trend", "band", "inside")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        assertTrue(run.out().contains("weights and band from years up to 2020 only"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith("2023     3")), run.out());
        List<String> rows = Files.readAllLines(csv.resolve("population.csv"));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("2023,3,combination,") && r.contains(",34140000,")), rows.toString());
        try (HdfFile hdf = new HdfFile(h5)) {
            assertEquals(2020L, hdf.getAttribute("population_method_origin").getData());
        }
    }

    @Test
    void forecastOfASeriesFileRestoresTheGapAndAppliesJumps() throws Exception {
        Path jumps = dir.resolve("jumps.csv"), h5 = dir.resolve("f.h5"), plain = dir.resolve("plain.h5");
        Files.writeString(jumps, "year,indicator,amount,changes_trend\n2020,arrivals,4000,true\n");
        CliRun run = popcast("balance", "forecast", "--series", series().toString(), "--jumps", jumps.toString(), "--until", "2030",
                "--out", h5.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(0, popcast("balance", "forecast", "--series", series().toString(), "--until", "2030", "--out", plain.toString()).exit());
        try (HdfFile hdf = new HdfFile(h5); HdfFile ref = new HdfFile(plain)) {
            byte[] status = (byte[]) hdf.getDatasetByPath("status_population").getData();
            assertEquals(1, status[5], "2005 was missing and is restored");
            assertEquals(0, status[4]);
            double[] arrivals = (double[]) hdf.getDatasetByPath("arrivals").getData();
            double[] arrivalsPlain = (double[]) ref.getDatasetByPath("arrivals").getData();
            assertEquals(arrivalsPlain[2025 - 2000] + 4000, arrivals[2025 - 2000], 1e-6, "the jump lasts");
            assertEquals(arrivalsPlain[2019 - 2000], arrivals[2019 - 2000], 1e-6, "and starts in 2020");
            assertTrue(((String) hdf.getAttribute("jumps").getData()).contains("2020 arrivals 4000.0 trend"));
            assertEquals(31, ((long[]) hdf.getDatasetByPath("year").getData()).length);
        }
    }

    @Test
    void groupsAddUpToThePopulation() throws Exception {
        Path groups = groups(dir), h5 = dir.resolve("g.h5");
        CliRun run = popcast("balance", "groups", "--series", series().toString(), "--groups", groups.toString(), "--out", h5.toString(),
                "--csv", dir.resolve("csv").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("old"), run.out());
        try (HdfFile hdf = new HdfFile(h5)) {
            assertArrayEquals(new int[] {3, 26}, hdf.getDatasetByPath("group_population").getDimensions());
            double[][] g = (double[][]) hdf.getDatasetByPath("group_population").getData();
            double[] total = (double[]) hdf.getDatasetByPath("population").getData();
            assertEquals(total[20], g[0][20] + g[1][20] + g[2][20], 1e-6 * total[20]);
            assertEquals(4.0, (double) hdf.getAttribute("death_rate_multiplier_old").getData(), 0.2);
        }
        assertEquals("year,group,model,observed", Files.readAllLines(dir.resolve("csv/groups.csv")).get(0));
    }

    /** groups.csv every third year from the Level II model with known shares and multipliers (death rate x 4 when old). */
    static Path groups(Path dir) throws IOException {
        AgeGroupOde.Solution truth = new AgeGroupOde(4).solve(CURVES, 500_000, 1999, 2000, new double[] {9e4, 3.3e5, 8e4},
                new double[] {0.2, 0.7, 0.1}, new double[] {0.3, 1, 4}, new double[] {16, 44}, BalanceForcing.none(15));
        StringBuilder csv = new StringBuilder("year,young,working,old\n");
        for (int y = 0; y <= 15; y += 3) {
            csv.append(String.format("%d,%.0f,%.0f,%.0f%n", 2000 + y, truth.groups()[y][0], truth.groups()[y][1], truth.groups()[y][2]));
        }
        return Files.writeString(dir.resolve("groups.csv"), csv);
    }

    @Test
    void batchBacktestWritesOneRollingOriginSummary() throws Exception {
        Path summary = dir.resolve("summary.csv");
        CliRun run = popcast("balance", "backtest", "--all-cities", "--summary", summary.toString());
        assertEquals(0, run.exit(), run.err());
        // progress follows the cities' fits; an earlier test (a combination forecast, PlotResults) may
        // have left them in the build's cache (target/popcast-cache), and then there are none to follow
        if (!run.out().contains("fits from the cache")) {
            assertTrue(run.errWithoutBanner().startsWith("city 1/356 (  0%)  "), run.err());
            assertTrue(run.errWithoutBanner().contains("\ncity 356/356 (100%)  "), run.err());
        }
        assertTrue(run.out().startsWith("rolling-origin backtest of 356 cities, horizons 1-5:"), run.out());
        assertTrue(run.out().contains("median APE") && run.out().contains("persistence") && run.out().contains("damped trend"),
                "the benchmarks beside the model: " + run.out());
        assertTrue(run.out().contains("combined, calibrated"), run.out());
        List<String> rows = Files.readAllLines(summary);
        assertEquals(org.popcast.models.balance.RollingSummaryCsv.HEADER, rows.get(0));
        List<String> header = List.of(rows.get(0).split(","));
        for (String c : List.of("city_id", "city", "origin", "horizon", "observed", "forecast", "lower", "upper", "persistence", "drift",
                "damped_trend", "method", "balance")) {
            assertTrue(header.contains(c), c);
        }
        int origin = header.indexOf("origin"), year = header.indexOf("year"), horizon = header.indexOf("horizon");
        java.util.Set<String> horizons = new java.util.TreeSet<>();
        for (String r : rows.subList(1, rows.size())) {
            String[] c = r.split(",");
            assertEquals(Integer.parseInt(c[origin]) + Integer.parseInt(c[horizon]), Integer.parseInt(c[year]), r);
            horizons.add(c[horizon]);
        }
        assertEquals(java.util.Set.of("1", "2", "3", "4", "5"), horizons);
        long cities = rows.stream().skip(1).map(r -> r.split(",")[0]).distinct().count();
        assertTrue(cities > 280, cities + " cities with forecasts");
        List<String> failed = Files.readAllLines(dir.resolve("summary-failures.csv"));
        assertEquals("city_id,city,origin,reason", failed.get(0));
        assertTrue(failed.stream().anyMatch(r -> r.contains("too few years to fit")), "failures say why");
        CliRun refused = popcast("balance", "backtest", "--all-cities", "--max-horizon", "2", "--summary", summary.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("summary.csv: exists; add --overwrite to replace it"), refused.err());
        CliRun quiet = popcast("-q", "--overwrite", "balance", "backtest", "--all-cities", "--max-horizon", "2", "--summary", summary.toString());
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err(), "-q: no banner, no progress");
        assertTrue(quiet.out().startsWith("rolling-origin backtest of 356 cities, horizons 1-2:"), quiet.out());
        // the first two horizons do not depend on how far the run looks: same rows, same numbers
        List<String> short2 = Files.readAllLines(summary);
        List<String> long2 = rows.stream().filter(r -> r.split(",")[horizon].matches("[12]|horizon")).toList();
        assertEquals(long2.size(), short2.size());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".h5") || p.getFileName().toString().contains(".tmp")).toList();
        }
    }

    private void fails(int exit, String message, String... args) throws IOException {
        CliRun run = popcast(args);
        assertEquals(exit, run.exit(), run.err());
        assertEquals(1, run.errWithoutBanner().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals(List.of(), leftovers(), "no result file after a failure");
    }

    @Test
    void badInputGivesOneLineAndNoFile() throws IOException {
        String out = dir.resolve("x.h5").toString();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "year,population,births,deaths,arrivals,departures\n2000,1000,10,8,1,1\n2001,1002,ten,8,1,1\n");
        fails(1, bad + ":3:3: births must be a number or empty, got 'ten'", "balance", "fit", "--series", bad.toString(), "--out", out);
        Files.writeString(bad, "year,population,births,deaths\n2000,1000,10,-8\n");
        fails(1, bad + ":2:4: deaths is a count and must be >= 0", "balance", "fit", "--series", bad.toString(), "--out", out);
        Files.writeString(bad, "year,population,births,deaths\n2000,1000,10,8\n2001,1002,10,8\n");
        fails(1, "too few years to fit: 2 known populations, need at least 3", "balance", "forecast", "--series", bad.toString(), "--out", out);
        fails(1, "no city with id or name 'Atlantis'", "balance", "fit", "--city", "Atlantis", "--out", out);
        fails(1, "no such file", "balance", "fit", "--series", dir.resolve("none.csv").toString(), "--out", out);
        fails(2, "--holdout must be >= 1", "balance", "backtest", "--holdout", "0", "--out", out);
        fails(2, "--all-cities runs the embedded table", "balance", "backtest", "--all-cities", "--city", "110000");
        fails(2, "mutually exclusive", "balance", "fit", "--series", bad.toString(), "--city", "110000");
        fails(2, "confidence must be between 0 and 1", "balance", "fit", "--confidence", "1.5", "--out", out);
        fails(2, "--until 1990", "balance", "forecast", "--until", "1990", "--out", out);
        fails(2, "unknown method 'arima'", "balance", "forecast", "--method", "arima", "--out", out);
        Path jumps = dir.resolve("j.csv");
        Files.writeString(jumps, "year,indicator,amount,changes_trend\n2020,investment,5,true\n");
        fails(1, jumps + ":2:2: unknown indicator 'investment'", "balance", "forecast", "--jumps", jumps.toString(), "--out", out);
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun run = popcast("balance", "--help");
        assertEquals(0, run.exit());
        for (String sub : List.of("fit", "forecast", "backtest", "groups")) {
            assertTrue(run.out().contains(sub), run.out());
        }
    }
}
