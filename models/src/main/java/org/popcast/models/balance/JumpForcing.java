package org.popcast.models.balance;

import java.util.List;

import org.popcast.data.input.InputException;
import org.popcast.kernels.balance.BalanceForcing;

/**
 * Turns jumps into the ODE's forcing over the years [firstYear, firstYear + years): a one-time jump
 * adds its amount in its year only, a trend-changing jump in its year and every year after. A
 * population jump is a step on 1 January (every 1 January from then on if it changes the trend);
 * net migration jumps are arrivals (negative for a net loss).
 */
final class JumpForcing {

    private JumpForcing() {
    }

    static BalanceForcing of(List<BalanceJump> jumps, int firstYear, int years) {
        BalanceForcing f = BalanceForcing.none(years);
        for (BalanceJump j : jumps) {
            int y = j.year() - firstYear;
            boolean stock = j.indicator() == Measure.POPULATION;
            int limit = stock ? years + 1 : years;
            if (y < 0) {
                throw new InputException("jump in " + j.year() + " (" + j.indicator().label() + ") comes before the first year "
                        + firstYear + " of the series");
            }
            double[] target = switch (j.indicator()) {
                case POPULATION -> f.populationStep();
                case BIRTHS -> f.births();
                case DEATHS -> f.deaths();
                case DEPARTURES -> f.departures();
                case ARRIVALS, NET_MIGRATION -> f.arrivals();
                case NATURAL_INCREASE -> throw new IllegalStateException("BalanceJump refuses natural increase");
            };
            for (int i = y; i < limit && (i == y || j.changesTrend()); i++) {
                target[i] += j.amount();
            }
        }
        return f;
    }
}
