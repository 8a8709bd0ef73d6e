package org.popcast.cli.plot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.popcast.data.input.InputException;

/** The mobility evaluation: each model's test predictions against the observed target for one split, and the metric table. */
final class MobilityPlot {

    private static final String[] METRICS = {"mse", "mae", "r2"};

    private MobilityPlot() {
    }

    static Figure evaluation(ResultFile f, Plots.Choices c) {
        List<String> splits = List.of(f.text("split_codes", "").split(","));
        int split = c.split() == null ? 0 : splits.indexOf(c.split());
        if (split < 0) {
            throw new InputException(f.file() + ": no split '" + c.split() + "'; it has " + String.join(", ", splits));
        }
        String code = splits.get(split);
        double[] splitOf = f.values("split"), target = f.values("target");
        int[] rows = IntStream.range(0, splitOf.length).filter(i -> splitOf[i] == split).toArray();
        List<String> models = f.data().variables().stream().map(v -> v.name()).filter(n -> n.startsWith("prediction_"))
                .map(n -> n.substring("prediction_".length())).toList();
        Map<String, double[][]> points = new LinkedHashMap<>();
        TextTable table = new TextTable("test metrics of the " + code + " split (mean ± sd over folds)",
                List.of("model", "MSE", "MAE", "R²"));
        double[] observed = pick(target, rows);
        for (String m : models) {
            points.put(m, new double[][] {observed, pick(f.values("prediction_" + m), rows)});
            String[] cells = new String[METRICS.length + 1];
            cells[0] = m;
            for (int k = 0; k < METRICS.length; k++) {
                String key = "metric_" + code + "_" + m + "_" + METRICS[k];
                cells[k + 1] = meanAndSpread(f.number(key + "_mean"), f.number(key + "_sd"));
            }
            table.add(List.of(cells));
        }
        String target_ = String.valueOf(f.variable("target").attributes().getOrDefault("long_name", "target"));
        XYChart chart = ObservedVsPredicted.chart("test predictions, " + code + " split" + (code.equals("random_rows")
                        ? " (leaky: a city's other years are in training)" : "") + ", " + rows.length + " rows",
                ResultFile.axisTitle(target_, f.units("target")), ResultFile.axisTitle("predicted", f.units("target")), points, false);
        Figure fig = new Figure(f.title(), f.file().getFileName() + ": test predictions of the " + code + " split", c.width());
        fig.row(c.width() / 2, new double[] {3, 2}, fig.chart(chart), table);
        String verdict = verdict(f.text("verdict", ""), code, splits);
        if (!verdict.isEmpty()) {
            Paragraph p = new Paragraph(verdict);
            fig.row(p.height(c.width()), p);
        }
        return fig;
    }

    /** "0.0021 ± 0.0019"; with one fold the spread is NaN and left out; "–" where there is no mean. */
    static String meanAndSpread(double mean, double sd) {
        if (!Double.isFinite(mean)) {
            return "\u2013";
        }
        String m = String.format(Locale.ROOT, "%.4g", mean);
        return Double.isFinite(sd) ? m + String.format(Locale.ROOT, " ± %.2g", sd) : m;
    }

    /**
     * The verdict of one split from the file's {@code verdict} attribute, which joins one per split,
     * each beginning "<split> split" ("time split: ...", "random_rows split (LEAKY ...): ..."); empty
     * when the file has none for it.
     */
    static String verdict(String all, String code, List<String> splits) {
        int start = all.indexOf(code + " split");
        while (start > 0 && all.charAt(start - 1) != ' ') {
            start = all.indexOf(code + " split", start + 1);
        }
        if (start < 0) {
            return "";
        }
        int end = all.length();
        for (String other : splits) {
            int at = all.indexOf(" " + other + " split", start + 1);
            if (!other.equals(code) && at > 0 && at < end) {
                end = at;
            }
        }
        return all.substring(start, end).strip();
    }

    private static double[] pick(double[] v, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }
}
