package org.popcast.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.popcast.cli.CliRun;
import org.popcast.cli.PlotResults;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfWriter;
import org.w3c.dom.Document;

/**
 * popcast plot on real results of every product: each renders to PNG and SVG through the command
 * line, and the plotted series are the file's numbers.
 */
class PlotsTest {

    @TempDir
    static Path dir;

    static Map<String, Path> results;

    @BeforeAll
    static void makeResults() throws Exception {
        results = PlotResults.make(dir);
    }

    private static ResultFile read(String product) throws Exception {
        return ResultFile.read(results.get(product));
    }

    private static Figure figure(String product, Plots.Choices c) throws Exception {
        return Plots.figure(read(product), c);
    }

    private static XYSeries series(Figure f, String chart, String series) {
        XYSeries s = ((XYChart) f.chart(chart)).getSeriesMap().get(series);
        assertTrue(s != null, "no series " + series + " in " + chart + ": " + ((XYChart) f.chart(chart)).getSeriesMap().keySet());
        return s;
    }

    /** The plotted values times the factor the y axis title names (thousand, million, billion) are the file's values. */
    private static void assertPlotted(double[] expected, double[] plotted, String axisTitle) {
        double factor = axisTitle.contains("billion") ? 1e9 : axisTitle.contains("million") ? 1e6 : axisTitle.contains("thousand") ? 1e3 : 1;
        assertEquals(expected.length, plotted.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], plotted[i] * factor, 1e-9 * Math.abs(expected[i]) + 1e-12, "point " + i + " of " + axisTitle);
        }
    }

    private static double[] pick(double[] v, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }

    @Test
    void everyProductRendersToPngAndSvgThroughTheCommandLine() throws Exception {
        for (Map.Entry<String, Path> e : results.entrySet()) {
            Figure expected = figure(e.getKey(), Plots.Choices.defaults());
            Path png = dir.resolve(e.getKey() + ".png"), svg = dir.resolve(e.getKey() + ".svg");
            CliRun run = CliRun.popcast("plot", e.getValue().toString(), "--out", png.toString());
            assertEquals(0, run.exit(), e.getKey() + ": " + run.err());
            assertTrue(run.out().contains("-> " + png), run.out());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(expected.width(), image.getWidth(), e.getKey());
            assertEquals(expected.height(), image.getHeight(), e.getKey());
            assertTrue(distinctColours(image) > 20, e.getKey() + " draws more than a blank page");

            assertEquals(0, CliRun.popcast("plot", e.getValue().toString(), "--out", svg.toString()).exit(), e.getKey());
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            // the SVG names the W3C DTD; a test must not fetch it
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = xml.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName());
            assertEquals(expected.title(), doc.getElementsByTagName("title").item(0).getTextContent(), e.getKey());
            assertTrue(expected.title().length() > 10, expected.title());
            Path pdf = dir.resolve(e.getKey() + ".pdf");
            assertEquals(0, CliRun.popcast("plot", e.getValue().toString(), "--out", pdf.toString()).exit(), e.getKey());
            byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
            assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII), e.getKey());
            assertTrue(Files.size(pdf) > 2000, e.getKey() + " draws more than an empty page");
            assertEquals(List.of(), Files.list(dir).filter(p -> p.getFileName().toString().contains(".tmp-")).toList(), "no temporary files left");
        }
        // without --out the picture goes next to the file
        assertEquals(0, CliRun.popcast("plot", results.get("balance_groups").toString()).exit());
        assertTrue(Files.isRegularFile(dir.resolve("groups.png")));
    }

    private static int distinctColours(BufferedImage image) {
        return (int) IntStream.range(0, image.getWidth() * image.getHeight()).map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct().limit(1000).count();
    }

    @Test
    void pdeColourMapAndCurvesAreTheFilesNumbers() throws Exception {
        ResultFile exact = read("agepde_exact");
        double[] t = exact.coordinate("time"), a = exact.coordinate("age"), density = exact.values("density");
        ColourScale scale = PdePlot.scale(exact);
        ColourMap raster = PdePlot.density(exact, scale);
        assertEquals(1e6, scale.magnitude().factor(), "densities of millions per year of age");
        for (int[] ij : new int[][] {{0, 0}, {10, 30}, {t.length - 1, a.length - 1}, {t.length / 2, 25}}) {
            double v = density[ij[0] * a.length + ij[1]] / 1e6;
            assertEquals(v, raster.value(ij[0], ij[1]), 1e-12 * v);
            assertEquals(scale.colour(v).getRGB() & 0xffffff, raster.rgb(ij[0], ij[1]));
        }
        assertEquals(0xfde725, scale.colour(scale.max()).getRGB() & 0xffffff, "the largest density is viridis yellow");
        assertEquals(0x440154, scale.colour(scale.min()).getRGB() & 0xffffff);

        Figure fig = figure("agepde_exact", Plots.Choices.defaults());
        assertEquals(2, fig.charts().size(), "births, population; no losses");
        assertEquals(3, fig.panels().size());
        XYSeries births = series(fig, "births", "exact solver");
        assertArrayEquals(t, births.getXData());
        assertPlotted(exact.values("births"), births.getYData(), fig.chart("births").getYAxisTitle());
        assertTrue(fig.chart("births").getYAxisTitle().contains("persons per year"), fig.chart("births").getYAxisTitle());
        assertPlotted(exact.values("population"), series(fig, "total population", "exact solver").getYData(),
                fig.chart("total population").getYAxisTitle());

        ResultFile pinn = read("agepde_pinn");
        Figure trained = Plots.figure(pinn, Plots.Choices.defaults());
        assertEquals(3, trained.charts().size());
        XYSeries dashed = series(trained, "births", "exact solver");
        assertEquals(Charts.DASHED, dashed.getLineStyle());
        assertPlotted(pinn.values("births_exact"), dashed.getYData(), trained.chart("births").getYAxisTitle());
        assertPlotted(pinn.values("births"), series(trained, "births", "PINN").getYData(), trained.chart("births").getYAxisTitle());
        XYChart losses = (XYChart) trained.chart("training losses");
        assertTrue(losses.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("total", "pde", "ic", "bc"), List.copyOf(losses.getSeriesMap().keySet()), "--ic soft trains every part");
        assertArrayEquals(pinn.coordinate("step"), losses.getSeriesMap().get("pde").getXData());
        assertArrayEquals(pinn.values("loss_pde"), losses.getSeriesMap().get("pde").getYData());

        Figure predicted = figure("agepde_pinn_prediction", Plots.Choices.defaults());
        assertEquals(2, predicted.charts().size(), "a prediction has no losses and no exact curves");
        assertEquals(1, ((XYChart) predicted.chart("births")).getSeriesMap().size());
    }

    @Test
    void pyramidsAndTotalsAreTheProjectionsNumbers() throws Exception {
        ResultFile f = read("cohort_projection");
        List<String> scenarios = f.labels("scenario");
        double[] ages = f.coordinate("age"), years = f.coordinate("year"), pop = f.values("population");
        int nA = ages.length, nY = years.length, age30 = IntStream.range(0, nA).filter(i -> ages[i] == 30).findFirst().orElseThrow();
        // population(scenario, region, sex, age, year) with one region and sex F, M
        java.util.function.IntBinaryOperator index = (s, sexAgeYear) -> s * 2 * nA * nY + sexAgeYear;

        Figure fig = figure("cohort_projection", Plots.Choices.defaults());
        assertEquals(List.of("population pyramid 2010", "population pyramid 2030", "total population of CN by scenario"),
                fig.charts().stream().map(c -> c.getTitle().replaceFirst(" \\(.*\\) by", " by")).toList());
        XYSeries males = series(fig, "population pyramid 2030", "males"), females = series(fig, "population pyramid 2030", "females");
        String units = fig.chart("population pyramid 2030").getXAxisTitle();
        assertTrue(units.startsWith("million persons per age group"), units);
        int last = nY - 1;
        assertEquals(27.5, males.getYData()[1 + 2 * age30], "the bar of 30-34 is centred on 30, where its label is");
        assertEquals(-pop[index.applyAsInt(0, ((1 * nA) + age30) * nY + last)] / 1e6, males.getXData()[1 + 2 * age30], 1e-9);
        assertEquals(pop[index.applyAsInt(0, age30 * nY + last)] / 1e6, females.getXData()[1 + 2 * age30], 1e-9);
        assertEquals(2 * nA + 2, males.getXData().length, "the closed outline of every age group");

        int high = scenarios.indexOf("high");
        Figure chosen = figure("cohort_projection", new Plots.Choices(1000, List.of(2020L), "CN", "high", List.of(), null));
        XYSeries m2020 = series(chosen, "population pyramid 2020", "males");
        assertEquals(-pop[index.applyAsInt(high, ((nA) + age30) * nY + 2)] / 1e6, m2020.getXData()[1 + 2 * age30], 1e-9, "2020 is the third year");
        assertEquals(2, chosen.charts().size());

        XYChart totals = (XYChart) fig.chart("total population of CN");
        int central = org.popcast.models.cohort.ScenarioSet.central(scenarios);
        String line = scenarios.get(central) + " (central)", range = "range of all " + scenarios.size() + " scenarios";
        assertEquals(List.of(range, line), List.copyOf(totals.getSeriesMap().keySet()), "a line and a range, not one line per scenario");
        double[] total = f.values("population_total");
        assertPlotted(Arrays.copyOfRange(total, central * nY, (central + 1) * nY), totals.getSeriesMap().get(line).getYData(),
                totals.getYAxisTitle());
        // the range's polygon: the highest scenario forwards, then the lowest backwards
        double[] band = totals.getSeriesMap().get(range).getYData(), highest = new double[nY], lowest = new double[nY];
        for (int y = 0; y < nY; y++) {
            int t = y;
            highest[y] = IntStream.range(0, scenarios.size()).mapToDouble(k -> total[k * nY + t]).max().orElseThrow();
            lowest[nY - 1 - y] = IntStream.range(0, scenarios.size()).mapToDouble(k -> total[k * nY + t]).min().orElseThrow();
        }
        assertPlotted(highest, Arrays.copyOfRange(band, 0, nY), totals.getYAxisTitle());
        assertPlotted(lowest, Arrays.copyOfRange(band, nY, 2 * nY), totals.getYAxisTitle());
    }

    @Test
    void validationPlotsProjectedAgainstObservedAndItsSummary() throws Exception {
        ResultFile f = read("cohort_validation");
        Figure fig = Plots.figure(f, Plots.Choices.defaults());
        XYChart chart = (XYChart) fig.charts().get(0);
        XYSeries nation = chart.getSeriesMap().get("nation");
        assertPlotted(f.values("observed"), nation.getXData(), chart.getXAxisTitle());
        assertPlotted(f.values("projected"), nation.getYData(), chart.getYAxisTitle());
        assertTrue(chart.getSeriesMap().containsKey("y = x"));
        TextTable table = fig.panels().stream().filter(TextTable.class::isInstance).map(TextTable.class::cast).findFirst().orElseThrow();
        assertEquals("nation", table.rows().get(0).get(0));
        assertEquals(CohortPlot.fixed(f.number("nation_mean_ape"), 2), table.rows().get(0).get(2));
    }

    @Test
    void balanceBandAndObservationsAreTheFilesNumbers() throws Exception {
        ResultFile f = read("balance_forecast");
        double[] years = f.coordinate("year");
        Figure fig = Plots.figure(f, new Plots.Choices(1200, List.of(), null, null, List.of("population", "births"), null));
        assertEquals(2, fig.charts().size());
        String chart = "population on 1 January";
        String axis = fig.chart(chart).getYAxisTitle();
        double[] lower = f.values("population_lower"), upper = f.values("population_upper");
        int[] band = IntStream.range(0, years.length).filter(i -> Double.isFinite(lower[i])).toArray();
        assertTrue(band.length >= 10 && years[band[band.length - 1]] == 2035, "the forecast reaches 2035");
        assertArrayEquals(pick(years, band), series(fig, chart, "lower bound").getXData());
        assertPlotted(pick(lower, band), series(fig, chart, "lower bound").getYData(), axis);
        assertPlotted(pick(upper, band), series(fig, chart, "upper bound").getYData(), axis);
        XYSeries fill = series(fig, chart, "90 % band");
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, fill.getXYSeriesRenderStyle());
        assertPlotted(pick(upper, band), Arrays.copyOfRange(fill.getYData(), 0, band.length), axis);
        double[] observed = f.values("observed_population");
        int[] seen = IntStream.range(0, years.length).filter(i -> Double.isFinite(observed[i])).toArray();
        assertPlotted(pick(observed, seen), series(fig, chart, "observed").getYData(), axis);
        XYSeries forecast = series(fig, chart, "forecast");
        assertEquals(years[band[0] - 1], forecast.getXData()[0], "the forecast line starts at the last fitted year");
        assertPlotted(pick(f.values("population"), IntStream.rangeClosed(band[0] - 1, years.length - 1).toArray()), forecast.getYData(), axis);
        assertTrue(fig.chart("births").getYAxisTitle().contains("persons per year"), fig.chart("births").getYAxisTitle());

        Figure groups = figure("balance_groups", Plots.Choices.defaults());
        XYChart g = (XYChart) groups.charts().get(0);
        assertEquals(List.of("total (Level I)", "young (model)", "young (observed)", "working (model)", "working (observed)", "old (model)",
                "old (observed)"), List.copyOf(g.getSeriesMap().keySet()));
        ResultFile gf = read("balance_groups");
        int n = gf.coordinate("year").length;
        assertPlotted(Arrays.copyOfRange(gf.values("group_population"), 2 * n, 3 * n), g.getSeriesMap().get("old (model)").getYData(),
                g.getYAxisTitle());
    }

    @Test
    void mobilityPredictionsOfTheChosenSplitAndTheMetricTable() throws Exception {
        ResultFile f = read("mobility_evaluation");
        double[] split = f.values("split"), target = f.values("target");
        Figure fig = Plots.figure(f, new Plots.Choices(1200, List.of(), null, null, List.of(), "time"));
        int[] rows = IntStream.range(0, split.length).filter(i -> split[i] == 1).toArray();
        assertEquals(24, rows.length, "the time split tests 2018 and 2019");
        XYSeries fnn = series(fig, "test predictions, time split", "fnn");
        assertArrayEquals(pick(target, rows), fnn.getXData());
        assertArrayEquals(pick(f.values("prediction_fnn"), rows), fnn.getYData());
        TextTable table = fig.panels().stream().filter(TextTable.class::isInstance).map(TextTable.class::cast).findFirst().orElseThrow();
        // one row per model, in the order the file lists its variables
        assertEquals(java.util.Set.of("mean", "last_year", "drift", "ridge", "gbt", "fnn", "lstm", "damped", "ridge_cv"),
                java.util.Set.copyOf(table.rows().stream().map(r -> r.get(0)).toList()));
        assertEquals(9, table.rows().size());
        List<String> ridge = table.rows().stream().filter(r -> r.get(0).equals("ridge")).findFirst().orElseThrow();
        assertTrue(ridge.get(1).startsWith(String.format(java.util.Locale.ROOT, "%.4g ±", f.number("metric_time_ridge_mse_mean"))),
                ridge.toString());
        assertTrue(Plots.figure(f, Plots.Choices.defaults()).chart("test predictions, city split") != null, "default: the first split");
    }

    @Test
    void badFilesAndOptionsGiveOneLine() throws Exception {
        Path plain = dir.resolve("plain.h5");
        NetcdfWriter.write(plain, NetcdfDataset.builder().dimension("x", new double[] {1, 2}, "1", "x")
                .variable("y", List.of("x"), new double[] {3, 4}, "1", "y").build());
        assertFails(1, plain + " is not a popcast result (no 'product' attribute)", "plot", plain.toString());
        assertFalse(Files.exists(dir.resolve("plain.png")), "no picture after a failure");
        Path text = Files.writeString(dir.resolve("notes.h5"), "not hdf5");
        assertFails(1, text + ": not a popcast result: not an HDF5 file", "plot", text.toString());
        assertFails(1, "no such file", "plot", dir.resolve("missing.h5").toString());
        Path model = dir.resolve("pinn.model/model.h5");
        assertFails(1, "is a trained model (agepde_pinn_model), which has nothing to plot", "plot", model.toString());
        String exact = results.get("agepde_exact").toString(), cohort = results.get("cohort_projection").toString();
        assertFails(2, "the picture format follows the extension, .png, .svg or .pdf", "plot", exact, "--out", dir.resolve("x.jpg").toString());
        assertFails(2, "--years does not apply to " + exact + " (a agepde_exact file)", "plot", exact, "--years", "2030");
        assertFails(2, "--width 10 is outside", "plot", exact, "--width", "10");
        assertFails(1, "no region 'XX'; it has CN", "plot", cohort, "--region", "XX");
        assertFails(1, "no year 2011; it has 2010 .. 2030 in steps of 5", "plot", cohort, "--years", "2011");
        assertFails(1, "no scenario 'none'; it has low, stable, medium, high, very_high", "plot", cohort, "--scenario", "none");
        assertFails(1, "no series 'migrants'; it has population, births", "plot", results.get("balance_forecast").toString(), "--series", "migrants");
        assertFails(1, "no split 'space'; it has city, time, random_rows", "plot", results.get("mobility_evaluation").toString(), "--split", "space");
    }

    private static void assertFails(int exit, String message, String... args) {
        CliRun run = CliRun.popcast(args);
        assertEquals(exit, run.exit(), run.err());
        assertTrue(run.errWithoutBanner().startsWith("popcast plot: ") && run.err().contains(message), run.err());
        assertEquals(1, run.errWithoutBanner().strip().lines().count(), run.err());
    }
}
