package org.popcast.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.popcast.cli.PlotResults;

/**
 * Plots fit to publish: every product's figure, laid out at the default and a narrow width, keeps
 * each piece of text inside its area and clear of its neighbours, draws no character its font
 * lacks (Chinese names included), and ticks at round numbers.
 */
class PlotLayoutTest {

    @TempDir
    static Path dir;

    static Map<String, Path> results;

    @BeforeAll
    static void makeResults() throws Exception {
        results = PlotResults.make(dir);
    }

    private static Plots.Choices width(int w) {
        return new Plots.Choices(w, List.of(), null, null, List.of(), null);
    }

    @Test
    void everyProductsTextFitsAndHasItsGlyphs() throws Exception {
        for (Map.Entry<String, Path> e : results.entrySet()) {
            for (int w : new int[] {1200, 900}) {
                Figure fig = Plots.figure(ResultFile.read(e.getValue()), width(w));
                TextLog log = fig.layout();
                assertTrue(log.placed().size() > 10, e.getKey() + " lays out its text: " + log.placed().size());
                assertEquals(List.of(), log.problems(), e.getKey() + " at " + w + " px");
            }
        }
    }

    @Test
    void theProbabilisticFanStillDrawsBesideTheScenarioRange() throws Exception {
        Path h5 = dir.resolve("fan.h5");
        org.popcast.cli.CliRun run = org.popcast.cli.CliRun.popcast("cohort", "project", "--builtin", "china-national", "--horizon", "20",
                "--step", "5", "--trajectories", "20", "--seed", "3", "--out", h5.toString(), "-q");
        assertEquals(0, run.exit(), run.err());
        Figure fig = Plots.figure(ResultFile.read(h5), Plots.Choices.defaults());
        XYChart fan = (XYChart) fig.chart("CN (China): 20 trajectories");
        assertTrue(fan.getSeriesMap().keySet().containsAll(List.of("95 % interval", "80 % interval", "median")), fan.getSeriesMap().keySet()
                .toString());
        assertEquals(List.of(), fig.layout().problems());
    }

    @Test
    void chineseNamesAreDrawnWithTheBundledFont() throws Exception {
        Figure fig = Plots.figure(ResultFile.read(results.get("balance_forecast")), Plots.Choices.defaults());
        TextLog.Placed title = fig.layout().placed().stream().filter(p -> p.text().equals(fig.title())).findFirst().orElseThrow();
        assertTrue(title.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), title.text());
        assertTrue(title.font().getFontName().startsWith("Noto Sans CJK SC"), title.font().getFontName());
        assertEquals(-1, title.font().canDisplayUpTo("重庆市 北京市 上海市 广州市 深圳市 乌鲁木齐市 ± – ² 0-4 100+"));
    }

    @Test
    void ticksAreRoundNumbers() throws Exception {
        for (Map.Entry<String, Path> e : results.entrySet()) {
            Figure fig = Plots.figure(ResultFile.read(e.getValue()), Plots.Choices.defaults());
            fig.layout();
            for (var chart : fig.charts()) {
                MeasuredChart c = (MeasuredChart) chart;
                for (String label : c.xTicks().labels()) {
                    if (label.isEmpty()) {
                        continue;
                    }
                    double v = Double.parseDouble(label.replace(",", "").replace("\u2009", ""));
                    String why = e.getKey() + " / " + c.getTitle() + ": " + c.xTicks().labels();
                    if (c.getXAxisTitle().startsWith("year") || c.getXAxisTitle().startsWith("time")) {
                        assertEquals(0, v % 5, 1e-9, "years in steps of 5 or 10: " + why);
                    } else {
                        assertTrue(round(v), why);
                    }
                }
            }
        }
    }

    /** 0, or 1, 2, 2.5 or 5 times a power of ten times a whole number: a label a reader counts in. */
    private static boolean round(double v) {
        if (v == 0) {
            return true;
        }
        for (double step : new double[] {1, 2, 2.5, 5}) {
            for (int k = -6; k <= 12; k++) {
                double s = step * Math.pow(10, k), q = v / s;
                if (Math.abs(q - Math.rint(q)) < 1e-9 && Math.abs(q) <= 20) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void heldOutYearsOfABacktestAreMarkedApart() throws Exception {
        ResultFile f = ResultFile.read(results.get("balance_backtest"));
        XYChart chart = (XYChart) Plots.figure(f, Plots.Choices.defaults()).charts().get(0);
        XYSeries heldOut = chart.getSeriesMap().get("observed (held out)"), fitted = chart.getSeriesMap().get("observed (fitted)");
        double cutoff = f.number("backtest_cutoff");
        assertTrue(heldOut != null && fitted != null, chart.getSeriesMap().keySet().toString());
        assertTrue(heldOut.getMarker() instanceof HollowCircle);
        assertTrue(java.util.Arrays.stream(heldOut.getXData()).allMatch(y -> y > cutoff) && heldOut.getXData().length > 0);
        assertTrue(java.util.Arrays.stream(fitted.getXData()).allMatch(y -> y <= cutoff));
    }

    @Test
    void ageGroupsAreLabelledAsRanges() {
        AgeGroups fives = new AgeGroups(new double[] {0, 5, 10, 95, 100});
        assertEquals("0-4", fives.label(0));
        assertEquals("95-99", fives.label(95));
        assertEquals("100+", fives.label(100));
        assertEquals("30", new AgeGroups(new double[] {29, 30, 31}).label(30), "one-year groups are plain ages");
    }

    @Test
    void mobilityCellsAndVerdictsOfOneSplit() {
        assertEquals("0.002100 ± 0.0019", MobilityPlot.meanAndSpread(0.0021, 0.0019));
        assertEquals("0.002100", MobilityPlot.meanAndSpread(0.0021, Double.NaN), "one fold: no spread, no NaN");
        assertEquals("\u2013", MobilityPlot.meanAndSpread(Double.NaN, Double.NaN));
        String all = "city split: best fnn. time split: best ridge; random_rows split (LEAKY, for comparison only): best gbt.";
        List<String> splits = List.of("city", "time", "random_rows");
        assertEquals("time split: best ridge;", MobilityPlot.verdict(all, "time", splits));
        assertEquals("city split: best fnn.", MobilityPlot.verdict(all, "city", splits));
        assertEquals("random_rows split (LEAKY, for comparison only): best gbt.", MobilityPlot.verdict(all, "random_rows", splits));
        assertEquals("", MobilityPlot.verdict("", "time", splits));
    }

    @Test
    void colourMapTicksOfYearsStepInFivesOrTens() {
        assertArrayEquals(new double[] {2025, 2030, 2035, 2040, 2045, 2050}, ColourMap.ticks(2024, 2054, 9, true));
        assertArrayEquals(new double[] {2030, 2040, 2050}, ColourMap.ticks(2024, 2054, 4, true));
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10, 12.5}, ColourMap.ticks(-0.01, 13, 5, false));
    }
}
