package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The 90 % bands on synthetic cities whose truth is known: series with noisy flows and yearly
 * migration shocks that the population keeps; fit on the first 16 years, forecast the last 5.
 */
class BandCoverageTest {

    static final int CITIES = 30, YEARS = 21, HOLDOUT = 5;

    @Test
    void aboutNinetyPercentOfHeldOutValuesFallInsideTheBands() {
        int inside = 0, total = 0, insideBirths = 0, totalBirths = 0;
        int[] insideByHorizon = new int[HOLDOUT + 1], totalByHorizon = new int[HOLDOUT + 1];
        for (int seed = 1; seed <= CITIES; seed++) {
            BalanceSeries s = SyntheticCity.series(YEARS, 0.02, 0.001, 0.1, 1000 + seed);
            Backtest bt = Backtest.run(s, List.of(), BalanceSettings.DEFAULT, HOLDOUT);
            for (Backtest.Row r : bt.rows(Indicator.POPULATION)) {
                total++;
                totalByHorizon[r.horizon()]++;
                if (r.inside()) {
                    inside++;
                    insideByHorizon[r.horizon()]++;
                }
            }
            for (Backtest.Row r : bt.rows(Indicator.BIRTHS)) {
                totalBirths++;
                insideBirths += r.inside() ? 1 : 0;
            }
        }
        double coverage = (double) inside / total, births = (double) insideBirths / totalBirths;
        StringBuilder byH = new StringBuilder();
        for (int h = 1; h <= HOLDOUT; h++) {
            byH.append(String.format(" h%d %.2f", h, (double) insideByHorizon[h] / totalByHorizon[h]));
        }
        System.out.printf("band coverage: population %.3f (%d values;%s), births %.3f%n", coverage, total, byH, births);
        assertTrue(coverage > 0.80 && coverage < 0.97, "population coverage " + coverage + byH);
        // births come out lower (about 0.8): their curve is a simpler form than the truth's (BIC's choice
        // on 16 noisy years), and the band has no term for that misspecification
        assertTrue(births > 0.70 && births < 0.97, "births coverage " + births);
    }
}
