package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.popcast.engine.train.Progress;

/** Folds fitted on two lanes, biggest first, give the same numbers, in the same order, as one fold after another. */
class ParallelFoldsTest {

    @Test
    void twoLanesRepeatOneLaneExactly() {
        MobilitySettings s = SyntheticCities.settings().withTraining(3, 3, 1, 2).withFolds(3, new int[] {2013, 2014})
                .withTargetForm(TargetForm.CHANGE)
                .withModels(List.of(ModelKind.LAST_YEAR, ModelKind.RIDGE, ModelKind.FNN, ModelKind.LSTM, ModelKind.GBT, ModelKind.RIDGE_CV));
        FeatureTable table = SyntheticCities.table(15, 5, 0.2, 8);
        List<String> oneLines = new ArrayList<>(), twoLines = new ArrayList<>();
        MobilityEvaluation.Result one = MobilityEvaluation.run(table, s, oneLines::add, Progress.none(), 1);
        MobilityEvaluation.Result two = MobilityEvaluation.run(table, s, twoLines::add, Progress.none(), 2);
        assertEquals(oneLines, twoLines, "fold lines in fold order");
        assertEquals(one.folds().size(), two.folds().size());
        for (int f = 0; f < one.folds().size(); f++) {
            for (ModelKind k : s.models()) {
                assertArrayEquals(one.folds().get(f).predictions().get(k), two.folds().get(f).predictions().get(k), 0.0,
                        one.folds().get(f).fold().label() + " " + k.key());
            }
        }
    }

    @Test
    void largestFirstOrdersByTrainingRowsThenFoldOrder() {
        List<Fold> folds = List.of(fold("a", 3), fold("b", 5), fold("c", 3), fold("d", 7));
        assertArrayEquals(new int[] {3, 1, 0, 2}, MobilityEvaluation.largestFirst(folds));
    }

    private static Fold fold(String label, int trainRows) {
        return new Fold(SplitScheme.CITY, label, new int[trainRows], new int[1]);
    }
}
