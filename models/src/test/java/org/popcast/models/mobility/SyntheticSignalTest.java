package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.popcast.engine.train.Progress;

/**
 * A data set with a known linear signal and no noise (SyntheticCities) is learned to near-zero
 * error on cities never seen in training, while the training mean scores R^2 ~ 0.
 */
class SyntheticSignalTest {

    @Test
    void linearSignalIsLearnedOnUnseenCities() {
        MobilitySettings s = SyntheticCities.settings().withTraining(60, 60, 10, 2)
                .withModels(List.of(ModelKind.MEAN, ModelKind.RIDGE, ModelKind.FNN, ModelKind.LSTM));
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(50, 6, 0, 21), s);
        Fold fold = SplitScheme.byCity(p.table(), p.table().targetRows(), 4, 2).get(0);
        MobilityEvaluation.FoldResult r = MobilityEvaluation.runFold(p, fold, s, 3, Progress.none(), "");
        double mean = r.metrics().get(ModelKind.MEAN).r2(), ridge = r.metrics().get(ModelKind.RIDGE).r2();
        double fnn = r.metrics().get(ModelKind.FNN).r2(), lstm = r.metrics().get(ModelKind.LSTM).r2();
        String all = "R2 mean " + mean + ", ridge " + ridge + ", fnn " + fnn + ", lstm " + lstm;
        assertTrue(Math.abs(mean) < 0.1, all);
        assertTrue(ridge > 0.9999, all);
        assertTrue(fnn > 0.99, all);
        assertTrue(lstm > 0.95, all);
    }

    @Test
    void everyEpochIsReportedWithItsFoldModelAndLoss() {
        MobilitySettings s = SyntheticCities.settings().withTraining(3, 3, 1, 2).withModels(List.of(ModelKind.FNN, ModelKind.LSTM));
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(20, 6, 0, 21), s);
        Fold fold = SplitScheme.byCity(p.table(), p.table().targetRows(), 4, 2).get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress plainEveryStep = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
        MobilityEvaluation.FoldResult r = MobilityEvaluation.runFold(p, fold, s, 3, plainEveryStep, "fold 1/4");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        NetworkRegressor.Log fnn = r.logs().get(ModelKind.FNN), lstm = r.logs().get(ModelKind.LSTM);
        assertEquals(3 + lstm.epochsRun(), lines.size(), String.join("\n", lines));
        for (int e = 1; e <= 3; e++) {
            String expected = String.format(Locale.ROOT, "epoch %d/3 (%3.0f%%)  fold 1/4 fnn loss %.4g  ", e, 100.0 * e / 3, fnn.trainLoss()[e - 1]);
            assertTrue(lines.get(e - 1).startsWith(expected), lines.get(e - 1) + " vs " + expected);
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains(String.format(Locale.ROOT, "fold 1/4 lstm loss %.4g validation MSE %.4g (best epoch %d)",
                lstm.trainLoss()[lstm.epochsRun() - 1], lstm.validationMse()[lstm.epochsRun() - 1], lstm.bestEpoch())), last);
    }
}
