package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
}
