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
                cells[k + 1] = String.format(Locale.ROOT, "%.4g ± %.2g", f.number(key + "_mean"), f.number(key + "_sd"));
            }
            table.add(List.of(cells));
        }
        String target_ = String.valueOf(f.variable("target").attributes().getOrDefault("long_name", "target"));
        XYChart chart = ObservedVsPredicted.chart("test predictions, " + code + " split" + (code.equals("random_rows")
                        ? " (leaky: a city's other years are in training)" : "") + ", " + rows.length + " rows",
                ResultFile.axisTitle(target_, f.units("target")), ResultFile.axisTitle("predicted", f.units("target")), points, false);
        Figure fig = new Figure(f.title(), f.file().getFileName() + ": " + f.text("verdict", ""), c.width());
        fig.row(c.width() / 2, new double[] {3, 2}, fig.chart(chart), table);
        return fig;
    }

    private static double[] pick(double[] v, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }
}
