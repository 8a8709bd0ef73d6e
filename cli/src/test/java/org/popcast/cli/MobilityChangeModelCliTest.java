package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.CsvTable;

/**
 * {@code mobility train} and {@code predict} in the change form: a saved model repeats what
 * {@code mobility evaluate} predicts on the same fold with the same seed, and predict refuses a
 * table without the target history in one line.
 */
class MobilityChangeModelCliTest {

    @TempDir
    Path dir;

    /** evaluate's seed of its first fold: MobilityEvaluation seeds fold i with seed * 1000 + i. */
    private static final String FIRST_FOLD_SEED = "42000";

    @Test
    void trainedChangeModelsRepeatEvaluatePredictionsOnTheSameFold() throws Exception {
        Path t = MobilityCliTest.table(dir, "t.csv", true), eval = dir.resolve("eval");
        CliRun evaluate = CliRun.popcast(MobilityCliTest.args(new String[] {"mobility", "evaluate", "--table", t.toString(),
                "--out", eval.toString()}, "--splits", "time", "--time-origins", "2018", "--models", "ridge_cv,ridge,fnn", "--seed", "42"));
        assertEquals(0, evaluate.exit(), evaluate.err());
        Map<String, Double> expected = new HashMap<>();
        for (CsvTable.Row r : CsvTable.parse("predictions.csv", Files.readString(eval.resolve("predictions.csv"))).rows()) {
            expected.put(r.text("model") + "/" + r.text("city"), Double.parseDouble(r.text("prediction")));
        }
        // the user's view of the fold "train <= 2018, test 2019": the table as it was before 2019's targets were known
        Path known = Files.writeString(dir.resolve("to2018.csv"), withoutTargets(Files.readString(t), "2019"));
        for (String kind : List.of("ridge_cv", "ridge", "fnn")) {
            Path model = dir.resolve(kind + ".h5"), pred = dir.resolve(kind + ".csv");
            CliRun train = CliRun.popcast(MobilityCliTest.args(new String[] {"mobility", "train", "--table", known.toString(), "--model", kind,
                    "--out", model.toString()}, "--seed", FIRST_FOLD_SEED));
            assertEquals(0, train.exit(), train.err());
            assertTrue(train.out().contains(kind + " (change form) trained"), train.out());
            CliRun predict = CliRun.popcast("mobility", "predict", "--model", model.toString(), "--table", known.toString(), "--out", pred.toString());
            assertEquals(0, predict.exit(), predict.err());
            // city 100 has no target in 2015, so its 2016 row has no last year's value either; every city's 2015 row neither
            assertTrue(predict.out().contains("47 from last year's value, 13 from the training mean"), predict.out());
            if (kind.equals("ridge_cv")) {
                // --out -: the table on standard output, the report on standard error
                CliRun piped = CliRun.popcast("mobility", "predict", "--model", model.toString(), "--table", known.toString(), "--out", "-");
                assertEquals(0, piped.exit(), piped.err());
                assertEquals(Files.readString(pred), piped.out());
                assertTrue(piped.err().contains("47 from last year's value, 13 from the training mean"), piped.err());
            }
            CsvTable out = CsvTable.parse("p.csv", Files.readString(pred));
            assertEquals(List.of("Cityid", "year", "prediction", "basis", "rate"), out.header());
            int compared = 0;
            for (CsvTable.Row r : out.rows()) {
                boolean firstYear = r.text("year").equals("2015") || r.text("Cityid").equals("100") && r.text("year").equals("2016");
                assertEquals(firstYear ? "training_mean" : "last_year", r.text("basis"), r.text("Cityid") + " " + r.text("year"));
                if (r.text("year").equals("2019")) {
                    assertEquals(expected.get(kind + "/" + r.text("Cityid")), Double.parseDouble(r.text("prediction")), 0.0,
                            kind + " city " + r.text("Cityid"));
                    compared++;
                }
            }
            assertEquals(12, compared, kind);
        }
    }

    @Test
    void predictWithoutTheTargetHistoryFailsWithOneLine() throws Exception {
        Path t = MobilityCliTest.table(dir, "t.csv", true), model = dir.resolve("m.h5"), pred = dir.resolve("p.csv");
        CliRun train = CliRun.popcast(MobilityCliTest.args(new String[] {"mobility", "train", "--table", t.toString(), "--out", model.toString()}));
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("ridge_cv (change form) trained"), "ridge_cv in the change form is the default: " + train.out());

        String text = Files.readString(t);
        Path noTarget = Files.writeString(dir.resolve("no-target.csv"), text.replace(",rate\n", ",other\n"));
        CliRun refused = CliRun.popcast("mobility", "predict", "--model", model.toString(), "--table", noTarget.toString(), "--out", pred.toString());
        assertEquals(1, refused.exit());
        assertEquals(1, refused.errWithoutBanner().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("reads it from the target column 'rate', which the table lacks"), refused.err());

        // only 2019: no city has its year before, so there is nothing to add a change to
        StringBuilder lastYearOnly = new StringBuilder(text.substring(0, text.indexOf('\n') + 1));
        text.lines().filter(l -> l.contains(",2019,")).forEach(l -> lastYearOnly.append(l).append('\n'));
        Path noLag = Files.writeString(dir.resolve("2019.csv"), lastYearOnly.toString());
        CliRun noHistory = CliRun.popcast("mobility", "predict", "--model", model.toString(), "--table", noLag.toString(), "--out", pred.toString());
        assertEquals(1, noHistory.exit());
        assertEquals(1, noHistory.errWithoutBanner().strip().lines().count(), noHistory.err());
        assertTrue(noHistory.err().contains("no row has its city's target in the year before (years 2019-2019)"), noHistory.err());

        CliRun level = CliRun.popcast("mobility", "train", "--table", t.toString(), "--target", "rate", "--target-form", "level",
                "--out", model.toString());
        assertEquals(2, level.exit());
        assertTrue(level.err().contains("ridge_cv predicts the change from last year's value: use --target-form change"), level.err());
        CliRun trees = CliRun.popcast("mobility", "train", "--table", t.toString(), "--target", "rate", "--model", "gbt", "--out", model.toString());
        assertEquals(2, trees.exit());
        assertTrue(trees.err().contains("the boosted trees are evaluated only"), trees.err());
    }

    /** The CSV with the target (last cell) of every row of {@code year} emptied. */
    private static String withoutTargets(String csv, String year) {
        StringBuilder b = new StringBuilder();
        for (String line : csv.split("\n")) {
            b.append(line.contains("," + year + ",") ? line.substring(0, line.lastIndexOf(',') + 1) : line).append('\n');
        }
        return b.toString();
    }
}
