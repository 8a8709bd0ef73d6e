package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.BuiltinData;
import org.popcast.data.io.ComputationCache;
import org.popcast.engine.train.Progress;

/** A cached rolling-origin backtest gives the same bits as a fresh one, and a damaged entry is refitted. */
class RollingOriginCacheTest {

    @TempDir
    Path dir;

    /** Chongqing, Beijing and Tianjin from the shipped table. */
    private static ChinaCitySeries threeCities() {
        List<String> lines = BuiltinData.text(ChinaCitySeries.RESOURCE).lines().toList();
        String text = Stream.concat(Stream.of(lines.get(0)), lines.stream().skip(1)
                .filter(l -> l.matches("^[0-9]+,(500000|110000|120000),.*"))).reduce((a, b) -> a + "\n" + b).orElseThrow();
        return ChinaCitySeries.parse("three cities", text);
    }

    @Test
    void aCachedRunEqualsAFreshOne() throws Exception {
        ChinaCitySeries table = threeCities();
        assertEquals(3, table.cities().size());
        ComputationCache cache = ComputationCache.at(dir);
        Progress quiet = new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false, 30);
        RollingBacktests fresh = RollingBacktests.run(table, BalanceSettings.DEFAULT, 3, cache, quiet);
        RollingBacktests again = RollingBacktests.run(table, BalanceSettings.DEFAULT, 3, cache, quiet);
        RollingBacktests uncached = RollingBacktests.run(table, BalanceSettings.DEFAULT, 3, ComputationCache.off(), quiet);
        assertFalse(fresh.cached());
        assertTrue(again.cached());
        assertTrue(fresh.rows().size() > 20, "rows: " + fresh.rows().size());
        assertSameBits(uncached, fresh);
        assertSameBits(fresh, again);
        assertEquals(fresh.failures(), again.failures());
        assertEquals(fresh.fits(), again.fits());

        Path entry;
        try (Stream<Path> files = Files.walk(dir)) {
            entry = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        String text = Files.readString(entry);
        Files.writeString(entry, text.substring(0, text.length() / 2));
        RollingBacktests damaged = RollingBacktests.run(table, BalanceSettings.DEFAULT, 3, cache, quiet);
        assertFalse(damaged.cached(), "half an entry is refitted");
        assertSameBits(fresh, damaged);
        assertEquals(text, Files.readString(entry), "and written whole again");

        RollingBacktests otherSettings = RollingBacktests.run(table, new BalanceSettings(null, 4, false, 0.8, 3.5, false, 500, false),
                3, cache, quiet);
        assertFalse(otherSettings.cached(), "other settings, other key");
    }

    @Test
    void failureReasonsSurviveTheText() {
        ChinaCitySeries table = threeCities();
        List<ChinaCitySeries.City> cities = table.cities();
        List<RollingOrigin.Result> results = cities.stream().map(c -> new RollingOrigin.Result(table.series(c),
                List.of(new RollingOrigin.Forecast(2015, 2, 3.5e6, new double[] {Double.NaN, 1.0 / 3, -0.0, 1e-300}, 0.1, 7)),
                Map.of(2014, "line one\nline \\two\\n, three"), 4, 1)).toList();
        List<RollingOrigin.Result> back = RollingOriginCache.decode(RollingOriginCache.encode(cities, results), table, cities)
                .orElseThrow();
        for (int k = 0; k < cities.size(); k++) {
            assertEquals(results.get(k).failures(), back.get(k).failures());
            RollingOrigin.Forecast a = results.get(k).forecasts().get(0), b = back.get(k).forecasts().get(0);
            for (int m = 0; m < a.forecasts().length; m++) {
                assertEquals(Double.doubleToRawLongBits(a.forecasts()[m]), Double.doubleToRawLongBits(b.forecasts()[m]));
            }
            assertEquals(4, back.get(k).origins());
            assertEquals(1, back.get(k).fallbacks());
        }
        assertTrue(RollingOriginCache.decode("popcast rolling-origin forecasts 1\nend 3\n", table, cities).isEmpty());
        assertTrue(RollingOriginCache.decode("", table, cities).isEmpty());
    }

    private static void assertSameBits(RollingBacktests a, RollingBacktests b) {
        assertEquals(a.rows().size(), b.rows().size());
        for (int i = 0; i < a.rows().size(); i++) {
            RollingBacktests.Row x = a.rows().get(i), y = b.rows().get(i);
            assertEquals(x.city(), y.city());
            double[] u = {x.combined().forecast(), x.lower(), x.upper(), x.balanceLowerCalibrated(), x.observed()};
            double[] v = {y.combined().forecast(), y.lower(), y.upper(), y.balanceLowerCalibrated(), y.observed()};
            for (int j = 0; j < u.length; j++) {
                assertEquals(Double.doubleToLongBits(u[j]), Double.doubleToLongBits(v[j]), "row " + i + " value " + j);
            }
            assertEquals(java.util.Arrays.toString(x.forecast().forecasts()), java.util.Arrays.toString(y.forecast().forecasts()));
        }
    }
}
