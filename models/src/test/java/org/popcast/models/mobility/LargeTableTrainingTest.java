package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.popcast.engine.train.Progress;

/**
 * Training on a large table is not quadratic in its rows (issue 21: `mobility train` on a
 * 135,000-row table ran for hours, since KNN imputation compared every row with every training
 * row, and the column screen read every row). The checks are not timings of normal speed: the
 * imputer keeps at most {@link KnnImputer#MAX_REFERENCE_ROWS} reference rows and the screen reads at
 * most {@link ColumnScreen#MAX_SCREEN_ROWS} (which bounds their work per row whatever the machine's
 * load), and training 20,000 rows of 30 features finishes within a
 * timeout that only a quadratic step misses (a few seconds here; the imputation over all
 * training rows alone took about 3 minutes for 20,000 rows of the shipped table, and any other step
 * gone quadratic in the rows, such as the column screen or the change form's lags, would miss it
 * too).
 */
class LargeTableTrainingTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twentyThousandRowsTrainWithABoundedImputer() {
        FeatureTable table = FeatureTableReader.parseCsv("wide.csv", csv(2_000, 10, 30, 0.2, 7));
        MobilitySettings s = SyntheticCities.settings().withTargetForm(TargetForm.CHANGE);
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(table, s);
        assertEquals(20_000, p.table().targetRows().length);
        TrainedModel m = TrainedModel.train(p, ModelKind.RIDGE_CV, s, Progress.none());
        assertEquals(KnnImputer.MAX_REFERENCE_ROWS, m.preprocessor().imputer().reference().length);
        double[] predicted = m.predict(p.table());
        assertEquals(20_000, predicted.length);
        for (double v : predicted) {
            assertTrue(Double.isFinite(v), "a finite prediction");
        }
    }

    @Test
    void theScreenReadsAnEvenlySpacedSampleOfALargeTable() {
        assertEquals(null, ColumnScreen.thinned(null, ColumnScreen.MAX_SCREEN_ROWS), "at the limit every row is read");
        boolean[] all = ColumnScreen.thinned(null, 3 * ColumnScreen.MAX_SCREEN_ROWS);
        int read = 0;
        for (boolean b : all) {
            read += b ? 1 : 0;
        }
        assertEquals(ColumnScreen.MAX_SCREEN_ROWS, read);
        assertTrue(all[0] && !all[1] && !all[2] && all[3]);
        boolean[] odd = new boolean[4 * ColumnScreen.MAX_SCREEN_ROWS];
        for (int i = 1; i < odd.length; i += 2) {
            odd[i] = true;
        }
        boolean[] thinned = ColumnScreen.thinned(odd, odd.length);
        for (int i = 0; i < odd.length; i++) {
            assertTrue(!thinned[i] || odd[i], "only rows in use are read");
        }
        assertTrue(thinned[1] && !thinned[3] && thinned[5]);
    }

    /** As {@link SyntheticCities#csv} with {@code width} features: x1..x4 carry the signal, the rest are noise. */
    private static String csv(int cities, int years, int width, double missingShare, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("Cityid,year,name");
        for (int j = 1; j <= width; j++) {
            b.append(",x").append(j);
        }
        b.append(",target\n");
        for (int c = 0; c < cities; c++) {
            double[] level = new double[width];
            for (int j = 0; j < width; j++) {
                level[j] = r.nextGaussian();
            }
            for (int y = 0; y < years; y++) {
                b.append(1000 + c).append(',').append(2011 + y).append(",city").append(c);
                double target = SyntheticCities.INTERCEPT;
                for (int j = 0; j < width; j++) {
                    double x = level[j] + 0.5 * r.nextGaussian();
                    target += j < SyntheticCities.BETA.length ? SyntheticCities.BETA[j] * x : 0;
                    b.append(',');
                    if (r.nextDouble() >= missingShare) {
                        b.append(String.format(Locale.ROOT, "%.6f", x));
                    }
                }
                b.append(',').append(String.format(Locale.ROOT, "%.6f", target)).append('\n');
            }
        }
        return b.toString();
    }
}
