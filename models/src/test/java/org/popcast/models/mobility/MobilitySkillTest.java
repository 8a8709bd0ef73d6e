package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.popcast.engine.train.Progress;

/** The change target form, its lags, the boosted trees and the paired tests. */
class MobilitySkillTest {

    private static MobilityEvaluation.Prepared prepared(String csv) {
        return MobilityEvaluation.prepare(FeatureTableReader.parseCsv("t.csv", csv), SyntheticCities.settings());
    }

    private static ModelInputs changeInputs(MobilityEvaluation.Prepared p, int[] train) {
        MobilityTable t = p.table();
        Preprocessor pre = Preprocessor.fit(t.features(), t.values(train), 0.5, 3);
        TransformedRows rows = new TransformedRows(t, pre);
        return ModelInputs.fit(rows, TargetForm.CHANGE, train);
    }

    @Test
    void changeFormAddsLastYearBackExactly() {
        MobilitySettings s = SyntheticCities.settings().withTargetForm(TargetForm.CHANGE)
                .withModels(List.of(ModelKind.LAST_YEAR, ModelKind.RIDGE, ModelKind.GBT));
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(30, 5, 0.1, 4), s);
        Fold fold = SplitScheme.byCity(p.table(), p.table().targetRows(), 3, 1).get(0);
        try (FoldFit fit = FoldFit.fit(p, fold.train(), s.models(), s, 5, Progress.none(), "")) {
            ModelInputs in = fit.inputs();
            int[] test = fold.test();
            // the responses of the test rows turned back into levels are the targets
            double[] back = in.levels(test, in.responses(test), 1);
            for (int i = 0; i < test.length; i++) {
                assertEquals(p.table().target(test[i]), back[i], 1e-15, "row " + test[i]);
            }
            for (ModelKind kind : List.of(ModelKind.RIDGE, ModelKind.GBT)) {
                FittedModel m = fit.models().get(kind);
                double[] out = m.outputs(in, test), pred = fit.predict(kind, test);
                for (int i = 0; i < test.length; i++) {
                    double a = in.knowsLastYear(test[i]) ? m.shrinkage() : 1;
                    assertEquals(pred[i], in.lag(test[i]) + in.changeScale() * a * out[i], 1e-12, kind + " row " + test[i]);
                }
                assertTrue(m.shrinkage() >= 0 && m.shrinkage() <= 1, kind + " shrinkage " + m.shrinkage());
            }
            // the lag is the last-year baseline's value, row for row
            double[] lastYear = fit.predict(ModelKind.LAST_YEAR, test);
            for (int i = 0; i < test.length; i++) {
                assertEquals(lastYear[i], in.lag(test[i]), 0.0);
            }
        }
    }

    /** Three cities over 2011-2014; city 2's 2014 row is changed in the second table. */
    private static String table(boolean changeLaterYear) {
        StringBuilder b = new StringBuilder("Cityid,year,x1,x2,target\n");
        Random r = new Random(8);
        for (int c = 0; c < 3; c++) {
            for (int y = 2011; y <= 2014; y++) {
                double x1 = r.nextGaussian(), x2 = r.nextGaussian(), target = r.nextDouble();
                if (changeLaterYear && c == 2 && y == 2014) {
                    x1 += 50;
                    x2 -= 50;
                    target += 10;
                }
                b.append(String.format(java.util.Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f%n", c, y, x1, x2, target));
            }
        }
        return b.toString();
    }

    @Test
    void lagsReadOnlyTheYearBeforeNeverALaterOne() {
        MobilityEvaluation.Prepared a = prepared(table(false)), b = prepared(table(true));
        MobilityTable t = a.table();
        int[] train = Arrays.stream(t.targetRows()).filter(r -> t.year(r) <= 2013).toArray();
        ModelInputs ia = changeInputs(a, train), ib = changeInputs(b, train);
        int r2013 = t.row("2", 2013), r2012 = t.row("2", 2012), r2014 = t.row("2", 2014), r2011 = t.row("2", 2011);
        // a leak from 2014 into 2013's inputs would make these differ
        assertArrayEquals(ia.row(r2013), ib.row(r2013), 0.0);
        assertEquals(ia.lag(r2013), ib.lag(r2013), 0.0);
        assertEquals(t.target(r2012), ia.lag(r2013), 0.0, "the lag is the city's own target the year before");
        // ... and the change does reach 2014's own row, so the comparison above can fail
        assertFalse(Arrays.equals(ia.row(r2014), ib.row(r2014)));
        // the lagged features are the previous year's row as transformed; the first year has no lag
        double[] z = ia.row(r2013), z2012 = ia.row(r2012);
        int f = (z.length - 2) / 2;
        assertArrayEquals(Arrays.copyOfRange(z2012, 0, f), Arrays.copyOfRange(z, f, 2 * f), 0.0);
        assertEquals(1.0, z[2 * f + 1], 0.0);
        double[] first = ia.row(r2011);
        assertEquals(0.0, first[2 * f + 1], 0.0, "no year before: flag 0");
        assertArrayEquals(Arrays.copyOfRange(first, 0, f), Arrays.copyOfRange(first, f, 2 * f), 0.0, "no year before: no change in features");
    }

    @Test
    void boostedTreesRepeatWithTheSeedAndLearnAStep() {
        Random r = new Random(2);
        double[][] x = new double[400][3];
        double[] y = new double[400];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = x[i][0] > 0 ? 1 : -1;
        }
        BoostedTrees.Settings s = new BoostedTrees.Settings(60, 0.2, 3, 0.8, 0.7);
        double[][] probe = {{1, 0, 0}, {-1, 0, 0}};
        try (BoostedTrees a = BoostedTrees.fit(x, y, s, 11); BoostedTrees b = BoostedTrees.fit(x, y, s, 11);
             BoostedTrees c = BoostedTrees.fit(x, y, s, 12)) {
            double[] pa = a.predict(x), pb = b.predict(x), pc = c.predict(x);
            assertArrayEquals(pa, pb, 0.0, "same seed, same trees");
            assertFalse(Arrays.equals(pa, pc), "another seed draws other rows and columns");
            double[] step = a.predict(probe);
            assertEquals(1, step[0], 0.05);
            assertEquals(-1, step[1], 0.05);
        }
    }

    @Test
    void dieboldMarianoMatchesAHandComputation() {
        // d = e_a^2 - e_b^2 = {0.75, 0.75, -0.25, 3.75}: mean 1.25, g0 = 9 / 4, DM = 1.25 / sqrt(2.25 / 4) = 5 / 3
        double[] y = {0, 0, 0, 0}, a = {1, 1, 0, 2}, b = {0.5, 0.5, 0.5, 0.5};
        PairedTest t = PairedTest.of(y, a, b, new String[] {"A", "A", "B", "C"});
        assertEquals(4, t.rows());
        assertEquals(1.25, t.meanDifference(), 1e-15);
        assertEquals(5.0 / 3, t.statistic(), 1e-14);
        assertEquals(0.0955807045456294, t.pValue(), 1e-12, "2 Phi(-5/3), from erfc(5/3/sqrt 2)");
        // cities: A 0.75 (worse), B -0.25 (better), C 3.75 (worse); two-sided binomial: 2 (1 + 3) / 8 = 1
        assertEquals(3, t.cities());
        assertEquals(1, t.citiesBetter());
        assertEquals(2, t.citiesWorse());
        assertEquals(1.0, t.signPValue(), 1e-15);
        assertEquals(2.0 / 64, PairedTest.signTestPValue(0, 6), 1e-15);
        assertEquals(2 * (1 + 10 + 45) / 1024.0, PairedTest.signTestPValue(8, 2), 1e-15);
        // a far tail keeps its size: 2 * 2^-300 (one-sided 2^-300 for 300 cities all on one side)
        assertEquals(2 * Math.pow(2, -300), PairedTest.signTestPValue(300, 0), 1e-12 * Math.pow(2, -300));
        // swapping the models flips the statistic, not the p-value
        PairedTest swapped = PairedTest.of(y, b, a, new String[] {"A", "A", "B", "C"});
        assertEquals(-t.statistic(), swapped.statistic(), 1e-14);
        assertEquals(t.pValue(), swapped.pValue(), 1e-15);
    }
}
