package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.InputException;
import org.popcast.engine.train.Progress;

/**
 * A backtest of every city of the embedded Chinese table ({@code balance backtest --all-cities}):
 * the summary table of every held-out value, the population rows for the accuracy report, and the
 * cities that could not be fitted, counted by reason (numbers in the reason folded to N).
 */
public record CityBacktests(int cities, int fitted, BalanceOutputs.BatchSummary summary, List<Backtest.Row> population,
                            Map<String, Integer> failures, double seconds) {

    public static CityBacktests run(ChinaCitySeries table, BalanceSettings settings, int holdout, Progress progress) {
        BalanceOutputs.BatchSummary summary = new BalanceOutputs.BatchSummary();
        List<Backtest.Row> population = new ArrayList<>();
        TreeMap<String, Integer> failures = new TreeMap<>();
        int fitted = 0, done = 0;
        long started = System.nanoTime();
        for (ChinaCitySeries.City city : table.cities()) {
            progress.update("city", ++done, table.cities().size(), done, city.name());
            try {
                Backtest bt = Backtest.run(table.series(city), List.of(), settings, holdout);
                fitted++;
                summary.add(city.id(), city.name(), bt);
                population.addAll(bt.rows(Indicator.POPULATION));
            } catch (InputException e) {
                String reason = e.getMessage().replaceFirst("^.*?: (?=[a-z])", "").replaceAll("[0-9]+", "N");
                failures.merge(reason, 1, Integer::sum);
                summary.failed(city.id(), city.name(), e.getMessage());
            }
        }
        return new CityBacktests(table.cities().size(), fitted, summary, List.copyOf(population), java.util.Collections.unmodifiableSortedMap(failures),
                (System.nanoTime() - started) / 1e9);
    }
}
