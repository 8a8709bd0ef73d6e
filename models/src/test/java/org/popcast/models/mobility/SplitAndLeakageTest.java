package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.popcast.engine.train.Progress;

/** The city split never shares a city; nothing of the test rows reaches the imputer, scaler or early stopping. */
class SplitAndLeakageTest {

    @Test
    void citySplitKeepsEveryCityOnOneSideAndCoversAllRows() {
        MobilityTable t = MobilityEvaluation.prepare(SyntheticCities.table(23, 6, 0.1, 1), SyntheticCities.settings()).table();
        int[] rows = t.targetRows();
        List<Fold> folds = SplitScheme.byCity(t, rows, 5, 3);
        Set<Integer> tested = new HashSet<>();
        for (Fold f : folds) {
            Set<String> trainCities = new HashSet<>(), testCities = new HashSet<>();
            Arrays.stream(f.train()).forEach(r -> trainCities.add(t.city(r)));
            Arrays.stream(f.test()).forEach(r -> testCities.add(t.city(r)));
            testCities.retainAll(trainCities);
            assertTrue(testCities.isEmpty(), "cities in both train and test: " + testCities);
            assertEquals(rows.length, f.train().length + f.test().length);
            Arrays.stream(f.test()).forEach(tested::add);
        }
        assertEquals(rows.length, tested.size(), "every row is tested exactly once over the folds");
    }

    @Test
    void timeSplitTestsOnlyTheYearAfterTheOrigin() {
        MobilityTable t = MobilityEvaluation.prepare(SyntheticCities.table(5, 6, 0, 1), SyntheticCities.settings()).table();
        Fold f = SplitScheme.byTime(t, t.targetRows(), new int[] {2013}).get(0);
        assertTrue(Arrays.stream(f.train()).allMatch(r -> t.year(r) <= 2013));
        assertTrue(Arrays.stream(f.test()).allMatch(r -> t.year(r) == 2014));
    }

    /** The same table with every test row's features and target replaced by wild values. */
    private static FeatureTable poisoned(String csv, Set<String> testKeys) {
        StringBuilder b = new StringBuilder();
        List<String> lines = csv.lines().toList();
        b.append(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (testKeys.contains(c[0] + "/" + c[1])) {
                line = c[0] + "," + c[1] + "," + c[2] + ",999,,-555,1e6,42";
            }
            b.append(line).append('\n');
        }
        return FeatureTableReader.parseCsv("poisoned.csv", b.toString());
    }

    @Test
    void testRowsReachNeitherImputerNorScalerNorEarlyStopping() {
        String csv = SyntheticCities.csv(20, 6, 0.15, 7);
        MobilitySettings s = SyntheticCities.settings().withTraining(3, 6, 2, 3);
        MobilityEvaluation.Prepared cleanPrepared = MobilityEvaluation.prepare(FeatureTableReader.parseCsv("clean.csv", csv), s);
        MobilityTable clean = cleanPrepared.table();
        List<Fold> folds = List.of(SplitScheme.byCity(clean, clean.targetRows(), 4, 1).get(0),
                SplitScheme.byTime(clean, clean.targetRows(), new int[] {2014}).get(0));
        for (Fold fold : folds) {
            Set<String> testKeys = new HashSet<>();
            Arrays.stream(fold.test()).forEach(r -> testKeys.add(clean.city(r) + "/" + clean.year(r)));
            MobilityEvaluation.Prepared dirty = MobilityEvaluation.prepare(poisoned(csv, testKeys), s);
            List<ModelKind> kinds = List.of(ModelKind.MEAN, ModelKind.DRIFT, ModelKind.RIDGE, ModelKind.FNN, ModelKind.LSTM, ModelKind.DAMPED,
                    ModelKind.RIDGE_CV);
            try (FoldFit a = FoldFit.fit(cleanPrepared, fold.train(), kinds, s, 5, Progress.none(), "");
                 FoldFit b = FoldFit.fit(dirty, fold.train(), kinds, s, 5, Progress.none(), "")) {
                assertEquals(a.preprocessor().columns(), b.preprocessor().columns(), "the column screen");
                assertArrayEquals(a.preprocessor().scaler().mean(), b.preprocessor().scaler().mean(), fold.label());
                assertArrayEquals(a.preprocessor().scaler().sd(), b.preprocessor().scaler().sd(), fold.label());
                assertTrue(Arrays.deepEquals(a.preprocessor().imputer().reference(), b.preprocessor().imputer().reference()));
                NetworkRegressor.Log la = a.models().get(ModelKind.LSTM).log(), lb = b.models().get(ModelKind.LSTM).log();
                assertArrayEquals(la.validationMse(), lb.validationMse(), "early stopping saw the same validation losses");
                assertEquals(la.bestEpoch(), lb.bestEpoch());
                for (ModelKind k : kinds) {
                    assertArrayEquals(a.predict(k, fold.train()), b.predict(k, fold.train()), 0.0, k + " on " + fold.label());
                }
                // and the poison is really there: the test rows' predictions differ
                assertTrue(!Arrays.equals(a.predict(ModelKind.FNN, fold.test()), b.predict(ModelKind.FNN, fold.test())));
            }
        }
    }
}
