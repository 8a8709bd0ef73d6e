package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The combination weighs methods by their errors known at the origin, never by later ones. */
class ForecastCombinationTest {

    /** A forecast whose methods are off by the given relative errors (NaN: no forecast). */
    private static RollingOrigin.Forecast row(int origin, int horizon, double... relErrors) {
        double observed = 1000;
        double[] f = new double[relErrors.length];
        for (int m = 0; m < f.length; m++) {
            f[m] = observed * (1 + relErrors[m]);
        }
        return new RollingOrigin.Forecast(origin, horizon, observed, f, Double.NaN, Double.NaN);
    }

    @Test
    void weightsAreInverseMeanSquaredErrorsOfThePast() {
        // balance off by 1 %, persistence by 2 %, drift by 4 %, damped trend none
        List<RollingOrigin.Forecast> city = List.of(row(2010, 1, 0.01, 0.02, 0.04, Double.NaN),
                row(2011, 1, -0.01, -0.02, 0.04, Double.NaN));
        RollingOrigin.Forecast now = row(2012, 1, 0.1, 0.2, 0.3, 0.0);
        ForecastCombination.Combined c = ForecastCombination.of(now, city, List.of());
        assertEquals(ForecastCombination.Source.CITY, c.source());
        // the reference by hand: MSEs ln(1.01)^2.., weights 1/MSE normalised
        double[] mse = {Math.pow(Math.log(1.01), 2) / 2 + Math.pow(Math.log(0.99), 2) / 2,
                Math.pow(Math.log(1.02), 2) / 2 + Math.pow(Math.log(0.98), 2) / 2, Math.pow(Math.log(1.04), 2)};
        double total = 1 / mse[0] + 1 / mse[1] + 1 / mse[2];
        assertArrayEquals(new double[] {1 / mse[0] / total, 1 / mse[1] / total, 1 / mse[2] / total, 0}, c.weights(), 1e-12);
        double log = 0;
        for (int m = 0; m < 3; m++) {
            log += c.weights()[m] * Math.log(now.forecasts()[m]);
        }
        assertEquals(Math.exp(log), c.forecast(), 1e-9);
    }

    /**
     * In the past persistence was right and drift wrong; from the origin on it is the other way
     * round. The weights at the origin must follow the past: the future rows are in the list but
     * unread, and rewriting them changes nothing.
     */
    @Test
    void theFutureWouldChangeTheChoiceButIsNotRead() {
        List<RollingOrigin.Forecast> city = new ArrayList<>();
        for (int origin = 2005; origin < 2015; origin++) {
            for (int h = 1; h <= 3; h++) {
                boolean known = origin + h <= 2014;
                city.add(known ? row(origin, h, Double.NaN, 0.001, 0.05, Double.NaN) : row(origin, h, Double.NaN, 0.05, 0.001, Double.NaN));
            }
        }
        RollingOrigin.Forecast scored = city.stream().filter(r -> r.origin() == 2014 && r.horizon() == 1).findFirst().orElseThrow();
        ForecastCombination.Combined c = ForecastCombination.of(scored, city, List.of());
        assertTrue(c.weights()[ForecastMethod.PERSISTENCE.ordinal()] > 0.99, "persistence, right in the past, carries the weight");
        List<RollingOrigin.Forecast> otherFuture = city.stream()
                .map(r -> r.year() > 2014 ? row(r.origin(), r.horizon(), Double.NaN, 0.3, -0.3, Double.NaN) : r).toList();
        assertArrayEquals(c.weights(), ForecastCombination.of(scored, otherFuture, List.of()).weights(), 0);
        // the same rows judged at a later origin do see the reversal: the test can fail
        RollingOrigin.Forecast later = row(2018, 1, Double.NaN, 0, 0, Double.NaN);
        double laterWeight = ForecastCombination.of(later, city, List.of()).weights()[ForecastMethod.PERSISTENCE.ordinal()];
        assertTrue(laterWeight < 0.9, "persistence's weight once the reversal is known: " + laterWeight);
    }

    @Test
    void aCityWithoutPastBorrowsEveryCitysPastOrHasNone() {
        RollingOrigin.Forecast now = row(2012, 1, 0.01, 0.01, 0.01, 0.01);
        List<RollingOrigin.Forecast> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(row(2010 + i % 2, 1, 0.01, 0.02, Double.NaN, Double.NaN));
        }
        ForecastCombination.Combined c = ForecastCombination.of(now, List.of(), all);
        assertEquals(ForecastCombination.Source.ALL_CITIES, c.source());
        assertEquals(0.8, c.weights()[0], 5e-3, "about 1/0.01^2 against 1/0.02^2 (of logs: 3.96 to 1)");
        assertEquals(ForecastCombination.Source.NONE, ForecastCombination.of(now, List.of(), all.subList(0, 5)).source());
        assertTrue(Double.isNaN(ForecastCombination.of(now, List.of(), List.of()).forecast()));
    }
}
