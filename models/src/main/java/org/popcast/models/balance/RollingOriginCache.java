package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.popcast.data.io.ComputationCache;
import org.popcast.engine.provenance.Provenance;
import org.popcast.kernels.balance.TrapezoidBalanceOde;

/**
 * Every city's {@link RollingOrigin.Result} of a table as text, for a {@link ComputationCache}:
 * the balance fits at every origin of every city take seconds to a minute, and each forecast with
 * the combined method needs them all for its calibration. The key covers the table, the settings,
 * the horizons and the code that fits (so a changed build never reads an old entry); numbers are
 * written with {@link Double#toString}, which reads back to the same double, so a cached run gives
 * the same bits as a fresh one. A text that does not read back exactly is ignored (recomputed).
 */
final class RollingOriginCache {

    static final String KIND = "balance-rolling-origin";
    private static final String FORMAT = "popcast rolling-origin forecasts 1";
    private static final int METHODS = ForecastMethod.values().length;

    private RollingOriginCache() {
    }

    static String key(ChinaCitySeries table, BalanceSettings settings, int maxHorizon) {
        return ComputationCache.key(FORMAT, Provenance.version(), Provenance.libraryVersions().toString(),
                ComputationCache.codeFingerprint(RollingOrigin.class, TrapezoidBalanceOde.class), table.fingerprint(),
                settings.toString(), Integer.toString(maxHorizon));
    }

    static String encode(List<ChinaCitySeries.City> cities, List<RollingOrigin.Result> results) {
        StringBuilder s = new StringBuilder(FORMAT).append('\n');
        for (int k = 0; k < cities.size(); k++) {
            RollingOrigin.Result r = results.get(k);
            s.append("city ").append(cities.get(k).id()).append(' ').append(r.origins()).append(' ').append(r.fallbacks())
                    .append(' ').append(r.forecasts().size()).append(' ').append(r.failures().size()).append('\n');
            for (RollingOrigin.Forecast f : r.forecasts()) {
                s.append(f.origin()).append(' ').append(f.horizon()).append(' ').append(f.observed());
                for (double v : f.forecasts()) {
                    s.append(' ').append(v);
                }
                s.append(' ').append(f.balanceLower()).append(' ').append(f.balanceUpper()).append('\n');
            }
            r.failures().forEach((origin, reason) -> s.append(origin).append(' ').append(escape(reason)).append('\n'));
        }
        return s.append("end ").append(cities.size()).append('\n').toString();
    }

    /** The results of {@code cities} (in their order) from {@code text}, or empty if it does not read back whole. */
    static Optional<List<RollingOrigin.Result>> decode(String text, ChinaCitySeries table, List<ChinaCitySeries.City> cities) {
        try {
            String[] lines = text.split("\n", -1);
            if (!lines[0].equals(FORMAT)) {
                return Optional.empty();
            }
            int at = 1;
            List<RollingOrigin.Result> out = new ArrayList<>();
            for (ChinaCitySeries.City city : cities) {
                String[] head = lines[at++].split(" ");
                if (head.length != 6 || !head[0].equals("city") || !head[1].equals(city.id())) {
                    return Optional.empty();
                }
                int forecasts = Integer.parseInt(head[4]), failures = Integer.parseInt(head[5]);
                List<RollingOrigin.Forecast> f = new ArrayList<>(forecasts);
                for (int i = 0; i < forecasts; i++) {
                    f.add(forecast(lines[at++]));
                }
                Map<Integer, String> failed = new TreeMap<>();
                for (int i = 0; i < failures; i++) {
                    String[] x = lines[at++].split(" ", 2);
                    failed.put(Integer.parseInt(x[0]), unescape(x[1]));
                }
                out.add(new RollingOrigin.Result(table.series(city), List.copyOf(f), java.util.Collections.unmodifiableMap(failed),
                        Integer.parseInt(head[2]), Integer.parseInt(head[3])));
            }
            return lines[at].equals("end " + cities.size()) && lines[at + 1].isEmpty() && lines.length == at + 2
                    ? Optional.of(List.copyOf(out)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // truncated or edited: not ours to trust
        }
    }

    private static RollingOrigin.Forecast forecast(String line) {
        String[] v = line.split(" ");
        if (v.length != 5 + METHODS) {
            throw new IllegalArgumentException("expected " + (5 + METHODS) + " fields, got " + v.length);
        }
        double[] f = new double[METHODS];
        for (int m = 0; m < METHODS; m++) {
            f[m] = Double.parseDouble(v[3 + m]);
        }
        return new RollingOrigin.Forecast(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Double.parseDouble(v[2]), f,
                Double.parseDouble(v[3 + METHODS]), Double.parseDouble(v[4 + METHODS]));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
