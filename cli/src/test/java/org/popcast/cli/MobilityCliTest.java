package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

/** popcast mobility evaluate|train|predict through the real command line, on a small synthetic table with tiny training. */
class MobilityCliTest {

    @TempDir
    Path dir;

    /** 12 cities x 5 years; rate = 0.4 x1 - 0.2 x2; pop is a population count the default screen must drop. */
    private Path table(String name, boolean withX2) throws IOException {
        return table(dir, name, withX2);
    }

    static Path table(Path dir, String name, boolean withX2) throws IOException {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder("Cityid,year,x1," + (withX2 ? "x2," : "") + "RegisteredPop,rate\n");
        for (int c = 0; c < 12; c++) {
            for (int y = 2015; y < 2020; y++) {
                double x1 = r.nextGaussian(), x2 = r.nextGaussian();
                b.append(String.format(Locale.ROOT, "%d,%d,%.6f,%s%.3f,%s%n", 100 + c, y, x1, withX2 ? String.format(Locale.ROOT, "%.6f,", x2) : "",
                        50 + r.nextDouble(), y == 2015 && c == 0 ? "" : String.format(Locale.ROOT, "%.6f", 0.4 * x1 - 0.2 * x2)));
            }
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static final String[] FAST = {"--target", "rate", "--fnn-epochs", "2", "--lstm-max-epochs", "2", "--patience", "1", "--window", "2"};

    static String[] args(String[] head, String... tail) {
        String[] all = new String[head.length + FAST.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(FAST, 0, all, head.length, FAST.length);
        System.arraycopy(tail, 0, all, head.length + FAST.length, tail.length);
        return all;
    }

    @Test
    void evaluateWritesTablesAndHdf5() throws Exception {
        Path t = table("t.csv", true), out = dir.resolve("eval");
        CliRun run = CliRun.popcast(args(new String[] {"mobility", "evaluate", "--table", t.toString(), "--out", out.toString()},
                "--folds", "3", "--time-origins", "2017,2018"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("city split: on the rows whose city has last year's value ("), run.out());
        String md = Files.readString(out.resolve("metrics.md"));
        assertTrue(md.contains("| RegisteredPop | defines the target"), md);
        assertTrue(md.contains("random_rows (leaky)"), md);
        List<String> summary = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("split,model,metric,statistic,value", summary.get(0));
        assertEquals(1 + 3 * 9 * 3 * 4, summary.size(), "splits x models x metrics x statistics");
        // fold labels such as "train<=2018,test=2019" are quoted: every row parses to the header's five cells (RFC 4180)
        org.popcast.data.input.CsvTable folds = org.popcast.data.input.CsvTable.parse("folds.csv", Files.readString(out.resolve("folds.csv")));
        assertTrue(folds.rows().stream().anyMatch(r -> r.text("fold").equals("train<=2018,test=2019")), "time folds named in one cell");
        org.popcast.data.input.CsvTable.parse("predictions.csv", Files.readString(out.resolve("predictions.csv")));
        List<String> wide = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("split,model,mse_mean,mse_sd,mae_mean,mae_sd,r2_mean,r2_sd,target_form,mse_known_mean,mse_known_sd,mae_known_mean,"
                + "mae_known_sd,dm_known_vs_last_year,dm_p_known_vs_last_year,sign_p_known_vs_last_year,dm_known_vs_drift,dm_p_known_vs_drift,"
                + "sign_p_known_vs_drift,dm_known_vs_mean,dm_p_known_vs_mean,sign_p_known_vs_mean", wide.get(0));
        assertEquals(1 + 3 * 9, wide.size(), "a row per split and model");
        assertTrue(wide.stream().anyMatch(r -> r.startsWith("time,gbt,") && r.contains(",change,")), "gbt in the default change form");
        assertTrue(wide.stream().anyMatch(r -> r.startsWith("city,mean,") && r.contains(",none,")), "the baselines are rows too");
        for (String row : wide.subList(1, wide.size())) {
            assertEquals(22, row.split(",", -1).length, row);
        }
        org.popcast.data.input.CsvTable tests = org.popcast.data.input.CsvTable.parse("paired_tests.csv",
                Files.readString(out.resolve("paired_tests.csv")));
        // per split and scope (rows with last year's value, all rows): the 8 other models against last year's value,
        // the 6 learned ones against drift and against the mean
        assertEquals(3 * 2 * (8 + 6 + 6), tests.rows().size());
        assertEquals("last_year_known", tests.rows().get(0).text("scope"), "the fair comparison first");
        for (String base : List.of("last_year", "drift", "mean")) {
            assertEquals(3, tests.rows().stream().filter(r -> r.text("best_model").equals("true") && r.text("scope").equals("all_rows")
                    && r.text("baseline").equals(base)).count(), "one best model per split against " + base);
        }
        String lastYear = wide.stream().filter(r -> r.startsWith("city,last_year,")).findFirst().orElseThrow();
        String longRow = summary.stream().filter(r -> r.startsWith("city,last_year,mse,mean,")).findFirst().orElseThrow();
        assertEquals(longRow.split(",")[4], lastYear.split(",")[2], "the same mean MSE in both tables");
        try (HdfFile h = new HdfFile(out.resolve("evaluation.h5"))) {
            String[] features = (String[]) h.getDatasetByPath("feature").getData();
            assertArrayEquals(new String[] {"x1", "x2"}, features);
            double[] target = (double[]) h.getDatasetByPath("target").getData();
            byte[] split = (byte[]) h.getDatasetByPath("split").getData();
            // each row with a target (59) is tested once in the city and random splits; the time split tests 2018 and 2019 (24)
            assertEquals(59 + 24 + 59, target.length);
            assertEquals(59 + 24 + 59, ((double[]) h.getDatasetByPath("prediction_lstm").getData()).length);
            assertEquals(2, split[split.length - 1]);
            assertTrue(h.getAttribute("metric_city_ridge_mse_mean").getData() instanceof Double);
            assertEquals("mobility_evaluation", h.getAttribute("product").getData());
        }
    }

    @Test
    void trainThenPredictRepeatsTheModelAndRefusesMissingColumns() throws Exception {
        Path t = table("t.csv", true), model = dir.resolve("m.h5"), pred = dir.resolve("p.csv");
        for (String kind : List.of("ridge", "lstm")) {
            // the level form: the source paper's, whose predictions need no target history
            CliRun train = CliRun.popcast(args(new String[] {"--overwrite", "mobility", "train", "--table", t.toString(), "--model", kind,
                    "--target-form", "level", "--out", model.toString()}));
            assertEquals(0, train.exit(), train.err());
            assertTrue(train.out().contains("RegisteredPop: defines the target"), train.out());
            if (kind.equals("lstm")) {
                // early stopping's numbers on each epoch line (the first epoch is always the best so far)
                assertTrue(train.errWithoutBanner().matches("(?s)epoch 1/2 \\( 50%\\)  lstm loss [0-9.e-]+ validation MSE [0-9.e-]+ \\(best epoch 1\\).*"),
                        train.err());
                CliRun quiet = CliRun.popcast(args(new String[] {"-q", "mobility", "train", "--table", t.toString(), "--model", kind,
                        "--target-form", "level", "--out", dir.resolve("q.h5").toString()}));
                assertEquals(0, quiet.exit(), quiet.err());
                assertEquals("", quiet.err(), "-q: no banner, no epochs");
                assertEquals(train.out().replaceAll("[0-9.]+ s ->.*", ""), quiet.out().replaceAll("[0-9.]+ s ->.*", ""), "stdout is the same");
            } else {
                assertEquals("", train.errWithoutBanner(), "ridge has no epochs");
            }
            CliRun predict = CliRun.popcast("--overwrite", "mobility", "predict", "--model", model.toString(), "--table", t.toString(), "--out", pred.toString());
            assertEquals(0, predict.exit(), predict.err());
            List<String> lines = Files.readAllLines(pred);
            assertEquals("Cityid,year,prediction,rate", lines.get(0));
            assertEquals(61, lines.size());
            if (kind.equals("ridge")) {
                // a noise-free linear target: the saved ridge model reproduces it closely
                assertTrue(predict.out().contains("R^2 0.99"), predict.out());
            }
        }
        Path lacking = table("lacking.csv", false);
        CliRun refused = CliRun.popcast("--overwrite", "mobility", "predict", "--model", model.toString(), "--table", lacking.toString(), "--out", pred.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("the model needs feature columns that the table lacks: x2"), refused.err());
    }

    @Test
    void badInputFailsWithOneLine() throws Exception {
        Path t = table("t.csv", true);
        CliRun noTarget = CliRun.popcast("mobility", "evaluate", "--table", t.toString(), "--target", "nope", "--out", dir.resolve("e").toString());
        assertEquals(1, noTarget.exit());
        assertTrue(noTarget.err().contains("no column 'nope' (the target"), noTarget.err());

        Path bad = Files.writeString(dir.resolve("bad.csv"), Files.readString(t).replaceFirst("\n100,2016,([-0-9.]+),", "\n100,2016,abc,"));
        CliRun text = CliRun.popcast("mobility", "evaluate", "--table", bad.toString(), "--target", "rate", "--out", dir.resolve("e").toString());
        assertEquals(1, text.exit());
        assertTrue(text.err().contains("bad.csv:3:3: column 'x1' holds numbers, expected a number or an empty cell here, got 'abc'"), text.err());

        Path tiny = Files.writeString(dir.resolve("tiny.csv"), "Cityid,year,x1,rate\n1,2019,0.5,0.1\n2,2019,0.7,0.2\n");
        CliRun few = CliRun.popcast("mobility", "evaluate", "--table", tiny.toString(), "--target", "rate", "--out", dir.resolve("e").toString());
        assertEquals(1, few.exit());
        assertTrue(few.err().contains("2 rows have a target, fewer than the 5 folds"), few.err());

        CliRun usage = CliRun.popcast("mobility", "evaluate", "--models", "gbm");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("unknown model 'gbm'"), usage.err());
    }
}
