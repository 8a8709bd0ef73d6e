import java.util.*;
import org.popcast.models.balance.*;
import org.popcast.engine.train.Progress;

/** Single-city holdout-k backtest of every embedded city: APE by horizon of each method and coverage of the chosen method's band. */
public class HoldoutAll {
    public static void main(String[] a) {
        int k = Integer.parseInt(a[0]);
        boolean full = a.length > 1 && a[1].equals("full");
        BalanceSettings s = new BalanceSettings(null, BalanceSettings.STEPS_PER_YEAR_DEFAULT, full, BalanceSettings.CONFIDENCE_DEFAULT,
                BalanceSettings.ANOMALY_THRESHOLD_DEFAULT, false, BalanceSettings.MAX_EVALUATIONS_DEFAULT, false);
        BandCalibration cal = BandCalibration.embedded(s, MethodForecast.ROLLING_HORIZON, org.popcast.data.io.ComputationCache.off(), new Progress(System.err, false, 30));
        ChinaCitySeries t = ChinaCitySeries.builtin();
        String[] names = {"combination", "balance", "persistence", "drift", "damped_trend"};
        Map<Integer, List<double[]>> ape = new TreeMap<>();
        Map<Integer, int[]> cover = new TreeMap<>();
        int ok = 0, failed = 0;
        for (ChinaCitySeries.City c : t.cities()) {
            BalanceSeries series = t.series(c);
            try {
                Backtest bt = Backtest.run(series, List.of(), s, k);
                MethodForecast m = MethodForecast.of(PopulationMethod.COMBINATION, series, List.of(), s, bt.forecast(), bt.cutoff(), series.lastYear(), cal);
                ok++;
                for (MethodForecast.Step st : m.steps()) {
                    double obs = st.row().observed();
                    if (Double.isNaN(obs)) continue;
                    double[] r = new double[5];
                    r[0] = Math.abs(st.forecast() / obs - 1) * 100;
                    for (int j = 0; j < 4; j++) r[j + 1] = Math.abs(st.row().forecasts()[j] / obs - 1) * 100;
                    ape.computeIfAbsent(st.horizon(), x -> new ArrayList<>()).add(r);
                    int[] cv = cover.computeIfAbsent(st.horizon(), x -> new int[4]);
                    if (!Double.isNaN(st.lower())) { cv[0]++; if (obs >= st.lower() && obs <= st.upper()) cv[1]++; }
                    double bl = st.row().balanceLower(), bu = st.row().balanceUpper();
                    if (!Double.isNaN(bl)) { cv[2]++; if (obs >= bl && obs <= bu) cv[3]++; }
                }
            } catch (RuntimeException e) {
                failed++;
            }
        }
        System.out.printf("holdout %d, %s curves: %d cities backtested, %d not%n", k, full ? "full" : "default", ok, failed);
        System.out.printf("h  n(all five) median APE %%: %s | coverage combination band, balance own band%n", String.join(" ", names));
        for (var e : ape.entrySet()) {
            List<double[]> rows = e.getValue().stream().filter(r -> Arrays.stream(r).allMatch(Double::isFinite)).toList();
            StringBuilder b = new StringBuilder(String.format("%d %5d", e.getKey(), rows.size()));
            for (int j = 0; j < 5; j++) {
                int jj = j;
                double[] v = rows.stream().mapToDouble(r -> r[jj]).sorted().toArray();
                double med = v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
                b.append(String.format(" %s %.2f", names[j], med));
            }
            int[] cv = cover.get(e.getKey());
            b.append(String.format(" | %.1f %% (%d), %.1f %% (%d)", 100.0 * cv[1] / Math.max(cv[0], 1), cv[0], 100.0 * cv[3] / Math.max(cv[2], 1), cv[2]));
            System.out.println(b);
        }
    }
}
