package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.TidyTable;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.common.ResultHeader;

/** A hindcast's result as an HDF5 dataset, a markdown table, a CSV table (one row per method) and a report. */
public final class HindcastOutputs {

    private final Hindcast.Result r;

    public HindcastOutputs(Hindcast.Result result) {
        this.r = result;
    }

    /** One row of the comparison table: label and the cell of one score. */
    private record Row(String label, Function<HindcastScore, String> cell) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("data through", s -> Integer.toString(s.dataThrough())));
        rows.add(new Row("nation: PE", s -> pct(s.nationPe(), true)));
        rows.add(new Row("provinces: mean APE (" + r.scores().get(0).provinceCount() + ")", s -> pct(s.provinceMeanApe(), false)));
        rows.add(new Row("cities: mean APE (" + r.scores().get(0).cities() + ")", s -> pct(s.cityMeanApe(), false)));
        rows.add(new Row("cities: mean PE", s -> pct(s.cityMeanPe(), true)));
        rows.add(new Row("cities under 5 % / 10 % APE", s -> pct(100 * s.under5(), false) + " / " + pct(100 * s.under10(), false)));
        rows.add(new Row("population in cities under 5 % / 10 % APE",
                s -> pct(100 * s.under5Weighted(), false) + " / " + pct(100 * s.under10Weighted(), false)));
        rows.add(new Row("cities of 5 M+ (" + r.scores().get(0).bigCities() + "): mean APE", s -> pct(s.bigMeanApe(), false)));
        rows.add(new Row("worst city of 5 M+", s -> s.worstBig() == null ? "" : s.worstBig().name() + " " + pct(s.worstBig().pe(), true)));
        for (AgeBand b : AgeBand.values()) {
            rows.add(new Row("share " + b.label() + ": mean abs. error, points (" + r.scores().get(0).ageCities() + " cities)",
                    s -> String.format(Locale.ROOT, "%.2f", s.ageMae()[b.ordinal()])));
        }
        return rows;
    }

    private static String pct(double v, boolean signed) {
        return String.format(Locale.ROOT, signed ? "%+.2f %%" : "%.2f %%", v);
    }

    /** The comparison table (methods as columns), the model's ten worst cities, and notes. */
    public String markdown() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "# Hindcast: launched %d, scored at %d%n%n", r.launch(),
                r.settings().year()));
        b.append(header()).append("\n\n| |");
        r.scores().forEach(s -> b.append(' ').append(s.method().label()).append(" |"));
        b.append("\n|---|").append("---|".repeat(r.scores().size())).append('\n');
        for (Row row : rows()) {
            b.append("| ").append(row.label()).append(" |");
            r.scores().forEach(s -> b.append(' ').append(row.cell().apply(s)).append(" |"));
            b.append('\n');
        }
        b.append("\nTen worst cities (model):\n\n| city | projected | observed | PE |\n|---|---|---|---|\n");
        for (HindcastScore.CityError e : r.scores().get(0).worst()) {
            b.append(String.format(Locale.ROOT, "| %s %s | %.0f | %.0f | %+.1f %% |%n", e.code(), e.name(), e.projected(),
                    e.observed(), e.pe()));
        }
        b.append("\nMethods:\n\n");
        r.scores().forEach(s -> b.append("- ").append(s.method().label()).append(": ").append(s.method().description())
                .append("; ").append(s.note()).append('\n'));
        return b.toString();
    }

    private String header() {
        String sample = r.outOfSample() ? "yes: every method uses data dated <= the launch year"
                : "NO: data_through " + r.dataThrough() + " > launch " + r.launch() + " (" + laterData() + ")";
        String estimates = String.join("; ", r.launched().estimates().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
        return String.format(Locale.ROOT, "input %s, scenario %s, engine %s; observed %s.%nModel estimates: %s.%nOut of sample: %s.",
                r.launched().source(), r.settings().scenario().name(), r.settings().engine().name().toLowerCase(Locale.ROOT),
                r.truth().source(), estimates, sample);
    }

    private String laterData() {
        return String.join(", ", r.scores().stream().filter(s -> s.dataThrough() > r.launch())
                .map(s -> s.method().label() + " " + s.dataThrough()).toList());
    }

    /** The stdout summary: the comparison table as aligned text. */
    public String report() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "hindcast launched %d, scored at %d%n%s%n", r.launch(),
                r.settings().year(), header()));
        b.append(String.format(Locale.ROOT, "%-62s", ""));
        r.scores().forEach(s -> b.append(String.format(Locale.ROOT, "%22s", s.method().label())));
        b.append('\n');
        for (Row row : rows()) {
            b.append(String.format(Locale.ROOT, "%-62s", row.label()));
            r.scores().forEach(s -> b.append(String.format(Locale.ROOT, "%22s", row.cell().apply(s))));
            b.append('\n');
        }
        return b.toString();
    }

    /** One row per method: the scores as numbers. */
    public TidyTable table(Map<String, String> metadata) {
        List<HindcastScore> s = r.scores();
        int n = s.size();
        List<TidyTable.Column> cols = new ArrayList<>(List.of(new TidyTable.Column("method", TidyTable.Type.STRING),
                new TidyTable.Column("data_through", TidyTable.Type.INT64)));
        List<Object> values = new ArrayList<>(List.of(s.stream().map(x -> x.method().key()).toArray(String[]::new),
                s.stream().mapToLong(HindcastScore::dataThrough).toArray()));
        summaries().forEach((name, f) -> {
            cols.add(new TidyTable.Column(name, TidyTable.Type.FLOAT64));
            values.add(s.stream().mapToDouble(f::apply).toArray());
        });
        return new TidyTable(cols, metadata, sink -> sink.accept(n, values.toArray()));
    }

    /** The scalar scores by attribute/column name. */
    private static Map<String, Function<HindcastScore, Double>> summaries() {
        Map<String, Function<HindcastScore, Double>> m = new java.util.LinkedHashMap<>();
        m.put("nation_pe", HindcastScore::nationPe);
        m.put("province_mean_ape", HindcastScore::provinceMeanApe);
        m.put("city_mean_ape", HindcastScore::cityMeanApe);
        m.put("city_mean_pe", HindcastScore::cityMeanPe);
        m.put("city_share_ape_under_5", HindcastScore::under5);
        m.put("city_share_ape_under_10", HindcastScore::under10);
        m.put("city_population_share_ape_under_5", HindcastScore::under5Weighted);
        m.put("city_population_share_ape_under_10", HindcastScore::under10Weighted);
        m.put("big_city_mean_ape", HindcastScore::bigMeanApe);
        m.put("big_city_worst_pe", s -> s.worstBig() == null ? Double.NaN : s.worstBig().pe());
        for (AgeBand b : AgeBand.values()) {
            m.put("share_mae_" + b.column(), s -> s.ageMae()[b.ordinal()]);
        }
        return m;
    }

    /** The result as netCDF-4: per method and city the forecast, PE and age shares; the scores as attributes. */
    public NetcdfDataset dataset(Provenance provenance) {
        return dataset(provenance, b -> { });
    }

    /** The dataset with {@code more} (e.g. the interval coverage of a probabilistic hindcast) added. */
    public NetcdfDataset dataset(Provenance provenance, java.util.function.Consumer<NetcdfDataset.Builder> more) {
        NetcdfDataset.Builder b = ResultHeader.start("popcast hindcast of a cohort projection", provenance,
                ProjectionOutputs.FORMAT_VERSION, "cohort_hindcast");
        b.attribute("input", r.launched().source()).attribute("observed", r.truth().source())
                .attribute("launch_year", (long) r.launch()).attribute("year", (long) r.settings().year())
                .attribute("data_through", (long) r.dataThrough()).attribute("out_of_sample", r.outOfSample() ? "yes" : "no")
                .attribute("scenario", r.settings().scenario().name())
                .attribute("engine", r.settings().engine().name().toLowerCase(Locale.ROOT))
                .attribute("big_city_threshold", HindcastScore.BIG);
        r.launched().estimates().forEach((k, v) -> b.attribute("model_" + k, v));
        for (HindcastScore s : r.scores()) {
            String k = s.method().key() + "_";
            b.attribute(k + "data_through", (long) s.dataThrough()).attribute(k + "method", s.method().description())
                    .attribute(k + "note", s.note());
            summaries().forEach((name, f) -> b.attribute(k + name, f.apply(s)));
        }
        variables(b);
        more.accept(b);
        return b.build();
    }

    private void variables(NetcdfDataset.Builder b) {
        int m = r.forecasts().size(), n = r.truth().leaves(), bands = AgeBand.values().length;
        double[] projected = new double[m * n], pe = new double[m * n], share = new double[m * n * bands];
        double[] shareObserved = new double[n * bands];
        for (int i = 0; i < m; i++) {
            CityForecast f = r.forecasts().get(i);
            for (int l = 0; l < n; l++) {
                projected[i * n + l] = f.totals()[l];
                pe[i * n + l] = (f.totals()[l] - r.truth().city()[l]) / r.truth().city()[l] * 100;
                System.arraycopy(f.shares()[l], 0, share, (i * n + l) * bands, bands);
            }
        }
        for (int l = 0; l < n; l++) {
            double[] o = r.truth().cityShares()[l];
            for (int k = 0; k < bands; k++) {
                shareObserved[l * bands + k] = o == null ? Double.NaN : o[k];
            }
        }
        b.dimension("method", r.forecasts().stream().map(f -> f.method().key()).toArray(String[]::new), "forecast method");
        b.dimension("city", java.util.stream.IntStream.range(0, n).mapToObj(l -> r.launched().leaf(l).code())
                .toArray(String[]::new), "projected region (leaf) code");
        b.dimension("age_band", java.util.Arrays.stream(AgeBand.values()).map(AgeBand::column).toArray(String[]::new),
                "broad age group");
        List<Region> cities = java.util.stream.IntStream.range(0, n).mapToObj(l -> r.launched().leaf(l)).toList();
        RegionVariables.namesAndCodes(b, "city", cities.stream().map(Region::code).toList(), cities.stream().map(Region::name).toList());
        b.variable("projected", List.of("method", "city"), projected, "persons", "forecast total population in the scored year");
        b.variable("observed", List.of("city"), r.truth().city(), "persons", "observed total population (NaN: not observed)");
        b.variable("pe", List.of("method", "city"), pe, "percent", "percentage error (P - A) / A x 100");
        b.variable("age_share", List.of("method", "city", "age_band"), share, "percent", "forecast share of the age group");
        b.variable("age_share_observed", List.of("city", "age_band"), shareObserved, "percent",
                "observed share of the age group (NaN: not observed)");
    }
}
