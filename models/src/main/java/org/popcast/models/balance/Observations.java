package org.popcast.models.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;


/**
 * The observations a fit compares the model with. Every residual is expressed per mille of the
 * population of its year, (model - observed) x 1000 / N_ref, so a population off by 1 per mille
 * weighs as much as births off by 1 per mille of the population: all measures share one scale and
 * the seed's sum of squared errors becomes meaningful across them. N_ref is the observed
 * population, interpolated log-linearly over gaps and held flat beyond the ends; flows use the
 * mean of the two 1-January values around their year.
 *
 * <p>Measures differ in noise (a registered population is counted precisely, migration is not), so
 * each measure's residuals are then divided by its own scatter sigma_k, estimated from a first fit
 * (feasible weighted least squares): the residuals become standardized and a precise measure is not
 * drowned by a noisy one.
 *
 * <p>A difference (natural increase, net migration) is used only where its parts are not both
 * observed: otherwise it would count the same information twice.
 */
final class Observations {

    /** An observed value at year index {@code index}; {@code scale} turns persons into the residual unit. */
    record Obs(Measure measure, int index, double value, double scale) {
        Key key(int firstYear) {
            return new Key(measure, firstYear + index);
        }
    }

    /** Identifies an observation by measure and calendar year, e.g. to leave anomalies out. */
    record Key(Measure measure, int year) {
    }

    final BalanceSeries series;
    final double[] reference;
    final List<Obs> list = new ArrayList<>();
    /** Arrivals and departures are observed: they get curves of their own, else one net-migration curve. */
    final boolean separateMigration;
    /** Scatter of each measure's residuals per mille of the population (by ordinal); 1 before weighting. */
    final double[] sigma;
    private final Set<Key> excluded;

    Observations(BalanceSeries series, Set<Key> excluded) {
        this(series, excluded, null);
    }

    private Observations(BalanceSeries series, Set<Key> excluded, double[] sigma) {
        this.excluded = Set.copyOf(excluded);
        this.sigma = sigma != null ? sigma.clone() : ones();
        this.series = series;
        this.reference = reference(series);
        this.separateMigration = BalanceSeries.known(series.arrivals()) + BalanceSeries.known(series.departures()) > 0;
        int n = series.years();
        for (Measure m : Measure.values()) {
            double[] col = m.column(series);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(col[i]) || excluded.contains(new Key(m, series.year(i))) || redundant(m, i)) {
                    continue;
                }
                double perMille = m == Measure.POPULATION ? 1000 / reference[i] : 2000 / (reference[i] + reference[i + 1]);
                list.add(new Obs(m, i, col[i], perMille / this.sigma[m.ordinal()]));
            }
        }
    }

    private static double[] ones() {
        double[] one = new double[Measure.values().length];
        java.util.Arrays.fill(one, 1);
        return one;
    }

    /** Measures with fewer residuals than this borrow the pooled scatter. */
    static final int MIN_FOR_OWN_SIGMA = 3;

    /**
     * The same observations weighted by the scatter of each measure's residuals (per mille) in
     * {@code path}; a measure with few observations gets the pooled scatter, and no measure less
     * than a tenth of it (an exactly fitted measure must not get an infinite weight).
     */
    Observations weightedBy(org.popcast.kernels.balance.BalancePath path) {
        int k = Measure.values().length;
        double[] sum = new double[k];
        int[] n = new int[k];
        double pooled = 0;
        for (Obs o : list) {
            double perMille = o.scale() * sigma[o.measure().ordinal()];
            double e = (o.measure().value(path, o.index()) - o.value()) * perMille;
            sum[o.measure().ordinal()] += e * e;
            n[o.measure().ordinal()]++;
            pooled += e * e;
        }
        pooled = Math.sqrt(pooled / list.size());
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            double own = n[i] >= MIN_FOR_OWN_SIGMA ? Math.sqrt(sum[i] / n[i]) : pooled;
            s[i] = Math.max(Math.max(own, 0.1 * pooled), 1e-9);
        }
        return new Observations(series, excluded, s);
    }

    private boolean redundant(Measure m, int i) {
        BalanceSeries s = series;
        return switch (m) {
            case NATURAL_INCREASE -> !Double.isNaN(s.births()[i]) && !Double.isNaN(s.deaths()[i]);
            case NET_MIGRATION -> !Double.isNaN(s.arrivals()[i]) && !Double.isNaN(s.departures()[i]);
            default -> false;
        };
    }

    int count(Measure m) {
        return (int) list.stream().filter(o -> o.measure() == m).count();
    }

    /** Last year index with an observation of the population. */
    int lastPopulationIndex() {
        return list.stream().filter(o -> o.measure() == Measure.POPULATION).mapToInt(Obs::index).max().orElse(-1);
    }

    /** Last year index whose flows are known, directly or through the population of the next 1 January. */
    int lastFlowIndex() {
        int flows = list.stream().filter(o -> o.measure() != Measure.POPULATION).mapToInt(Obs::index).max().orElse(-1);
        return Math.max(flows, lastPopulationIndex() - 1);
    }

    /** Reference population on 1 January of year index 0..n (n + 1 values). */
    static double[] reference(BalanceSeries s) {
        int n = s.years();
        double[] pop = s.population();
        double[] ref = new double[n + 1];
        int prev = -1;
        for (int i = 0; i <= n; i++) {
            int next = nextKnown(pop, i);
            if (i < n && !Double.isNaN(pop[i])) {
                ref[i] = pop[i];
                prev = i;
            } else if (prev >= 0 && next >= 0) {
                double w = (double) (i - prev) / (next - prev);
                ref[i] = Math.exp((1 - w) * Math.log(pop[prev]) + w * Math.log(pop[next]));
            } else {
                ref[i] = prev >= 0 ? pop[prev] : next >= 0 ? pop[next] : Double.NaN;
            }
        }
        return ref;
    }

    private static int nextKnown(double[] pop, int from) {
        for (int j = from; j < pop.length; j++) {
            if (!Double.isNaN(pop[j])) {
                return j;
            }
        }
        return -1;
    }
}
