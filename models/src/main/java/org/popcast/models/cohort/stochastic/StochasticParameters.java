package org.popcast.models.cohort.stochastic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFolder;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.MigrantStock;
import org.popcast.kernels.stochastic.Ar1;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.TimePath;

/**
 * The stochastic components of a probabilistic projection, per projection step, each estimated from
 * the input and {@link StochasticSettings} and described (source, figures) in {@link #provenance()}:
 * <ul>
 * <li>fertility: the log of the TFR's relative departure from the scenario follows an AR(1); the
 *     given AR(1) on the TFR scale is divided by the launch TFR (all regions pooled by women);</li>
 * <li>mortality: e_0 departs from the scenario by a random walk whose spread per period is the
 *     pooled standard deviation of the nation's period gains in e_0 since {@code e0_from};</li>
 * <li>migration: each region's internal net migration rate departs by a constant normal level
 *     error whose standard deviation is the root mean square error of the input's rates against
 *     the rates implied by regions' known net migrant stocks ({@code migration_check}).</li>
 * </ul>
 * Only data dated no later than the base year are used.
 */
public record StochasticParameters(Ar1 logTfr, Ar1 e0, double migrationSigma, Map<String, String> provenance) {

    public static StochasticParameters estimate(ProjectionPlan plan, StochasticSettings set, InputFolder folder) {
        CohortInput in = plan.input();
        double step = plan.stepLength();
        Map<String, String> notes = new LinkedHashMap<>();
        double tfr0 = launchTfr(plan);
        Ar1 logTfr = new Ar1(set.tfr().rho(), set.tfr().sigma() / tfr0, set.tfr().period()).per(step);
        notes.put("stochastic_tfr", String.format(Locale.ROOT, "AR(1) of the log of the TFR's relative departure from the scenario:"
                        + " rho %.4f, sigma %.4f per %.0f years on the TFR scale (%s), divided by the launch TFR %.4f (all regions"
                        + " pooled by women, %d); per %.0f-year step rho %.5f, sigma %.5f",
                set.tfr().rho(), set.tfr().sigma(), set.tfr().period(), set.tfrSource(), tfr0, in.settings().baseYear(), step,
                logTfr.rho(), logTfr.sigma()));
        Ar1 e0 = e0Walk(in, set, folder, notes).per(step);
        double migration = migrationSigma(in, set, folder, notes);
        return new StochasticParameters(logTfr, e0, migration, notes);
    }

    /** The TFR of the base year's first step, every leaf's rates pooled by its women at each age. */
    static double launchTfr(ProjectionPlan plan) {
        CohortInput in = plan.input();
        CohortLayout layout = plan.layout();
        double[] f = plan.fertility(0);
        double tfr = 0;
        for (int a = 0; a < layout.ages(); a++) {
            double births = 0, women = 0;
            for (int l = 0; l < layout.leaves(); l++) {
                double w = in.population()[layout.leafIndex(l, 0, a)];
                births += f[layout.fertilityIndex(l, 0, a)] * w;
                women += w;
            }
            tfr += women > 0 ? births / women * plan.stepLength() : 0;
        }
        if (!(tfr > 0)) {
            throw new InputException(in.source() + ": no births in the base year, so the TFR's departure cannot be scaled");
        }
        return tfr;
    }

    private static Ar1 e0Walk(CohortInput in, StochasticSettings set, InputFolder folder, Map<String, String> notes) {
        if (set.e0History() == null) {
            notes.put("stochastic_e0", "none: stochastic.yaml names no e0_history, so mortality is not uncertain here");
            return new Ar1(1, 0, 1);
        }
        CsvTable t = folder.csv(set.e0History()).require("sex", "year", "e0");
        int base = in.settings().baseYear();
        Map<String, TreeMap<Integer, Double>> bySex = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            String sex = row.text("sex");
            if (!sex.equals("F") && !sex.equals("M")) {
                throw row.error("sex", "expected F or M, got '" + sex + "'");
            }
            int year = row.integer("year", 1000, 3000);
            if (bySex.computeIfAbsent(sex, s -> new TreeMap<>()).put(year, row.number("e0", 10, 110)) != null) {
                throw row.error("year", "duplicate row for sex " + sex + ", year " + year);
            }
        }
        List<double[]> gains = new ArrayList<>();
        double period = 0;
        for (TreeMap<Integer, Double> series : bySex.values()) {
            List<Integer> years = series.keySet().stream().filter(y -> y >= set.e0From()).toList();
            List<Double> g = new ArrayList<>();
            for (int i = 1; i < years.size(); i++) {
                int p = years.get(i) - years.get(i - 1);
                if (years.get(i) + p > base) {
                    break; // a period ending after the base year is not yet known at launch
                }
                if (period != 0 && p != period) {
                    throw t.error("e0 periods must be of one length, found " + (int) period + " and " + p + " years");
                }
                period = p;
                g.add(series.get(years.get(i)) - series.get(years.get(i - 1)));
            }
            gains.add(g.stream().mapToDouble(Double::doubleValue).toArray());
        }
        int n = gains.stream().mapToInt(a -> a.length).sum(), groups = (int) gains.stream().filter(a -> a.length > 0).count();
        if (n - groups < 2) {
            throw t.error("need at least two period gains in e0 from " + set.e0From() + " to the base year " + base + ", found " + n);
        }
        double ss = 0;
        for (double[] g : gains) {
            double mean = java.util.Arrays.stream(g).average().orElse(0);
            for (double v : g) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sigma = Math.sqrt(ss / (n - groups));
        notes.put("stochastic_e0", String.format(Locale.ROOT, "random walk of e0's departure from the scenario (both sexes together):"
                        + " sigma %.4f years per %.0f years, the pooled standard deviation of %d period gains of e0 by sex (%s, periods from"
                        + " %d, ending by %d)", sigma, period, n, t.file(), set.e0From(), base));
        return new Ar1(1, sigma, period);
    }

    private static double migrationSigma(CohortInput in, StochasticSettings set, InputFolder folder, Map<String, String> notes) {
        if (!in.hasInternalMigration()) {
            notes.put("stochastic_migration", "none: the input has no internal migration");
            return 0;
        }
        if (set.migrationCheck() == null) {
            notes.put("stochastic_migration", "none: stochastic.yaml names no migration_check, so migration is not uncertain here");
            return 0;
        }
        CsvTable t = folder.csv(set.migrationCheck()).require("region", "year", "registered");
        TimePath stock = in.settings().migrantStock();
        if (stock == null) {
            throw t.error("a migration check needs migrant_stock in projection.yaml (to turn a stock into a yearly flow)");
        }
        int last = stock.years().length - 1, base = in.settings().baseYear();
        double flow = MigrantStock.flowPerStock(stock.years()[0], stock.values()[0], stock.years()[last], stock.values()[last]);
        Map<String, Integer> leafOf = new LinkedHashMap<>();
        for (int l = 0; l < in.leafCount(); l++) {
            leafOf.put(in.leaf(l).code(), l);
        }
        CohortLayout layout = CohortLayout.ofLeaves(in.leafCount(), in.ageCount());
        double ss = 0;
        int n = 0;
        for (CsvTable.Row row : t.rows()) {
            Integer l = leafOf.get(row.text("region"));
            if (l == null) {
                throw row.error("region", "'" + row.text("region") + "' is not a projected region of the input");
            }
            if (row.integer("year", 1000, 3000) != base) {
                continue; // the check compares stocks of the base year only
            }
            double p = 0;
            for (int i = 0; i < layout.cells(); i++) {
                p += in.population()[layout.leafOffset(l) + i];
            }
            double known = flow * (p - row.number("registered", 0, 1e10)) / p;
            ss += (in.leafRate()[l] - known) * (in.leafRate()[l] - known);
            n++;
        }
        if (n < 2) {
            throw t.error("need at least two regions with a registered population in the base year " + base + ", found " + n);
        }
        double sigma = Math.sqrt(ss / n);
        notes.put("stochastic_migration", String.format(Locale.ROOT, "a constant departure of each region's internal net migration"
                        + " rate, normal with sigma %.5f per person per year: the root mean square error of the input's rates against"
                        + " %.5f x (census residents - registered) / residents in %d for %d regions (%s)", sigma, flow, base, n, t.file()));
        return sigma;
    }
}
