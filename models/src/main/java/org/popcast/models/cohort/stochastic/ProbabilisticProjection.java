package org.popcast.models.cohort.stochastic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.ScratchFile;
import org.popcast.engine.train.Progress;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.Scenario;

/**
 * A probabilistic projection around one scenario: {@code trajectories} draws of the stochastic
 * components ({@link StochasticParameters}), each projected in full, summarised per trajectory and
 * reduced to quantiles. Settings, parameters and their provenance go into the result with the
 * quantiles (and, on request, every trajectory's totals).
 */
public final class ProbabilisticProjection {

    public static final double[] DEFAULT_QUANTILES = {0.025, 0.1, 0.5, 0.9, 0.975};

    /** What to run: how many trajectories, the seed, the quantiles, which years by age, whether to keep trajectories. */
    public record Settings(int trajectories, long seed, double[] quantiles, int ageEvery, boolean keepTrajectories) {
        public Settings {
            if (trajectories < 1) {
                throw new IllegalArgumentException("--trajectories must be >= 1, got " + trajectories);
            }
            quantiles = quantiles.clone();
            for (int i = 0; i < quantiles.length; i++) {
                if (!(quantiles[i] > 0 && quantiles[i] < 1) || (i > 0 && !(quantiles[i] > quantiles[i - 1]))) {
                    throw new IllegalArgumentException("--quantiles must be increasing probabilities strictly between 0 and 1, got "
                            + Arrays.toString(quantiles));
                }
            }
        }
    }

    private final ProjectionPlan central;
    private final StochasticParameters parameters;
    private final Settings settings;
    private final SummaryShape shape;
    private ProjectionQuantiles quantiles;
    /** every trajectory's totals [N][R][Y] when the settings keep them, else null */
    private float[][] keptTotals;
    private String engineDescription;

    /** @param central a plan of the input with the one scenario the trajectories move around */
    public ProbabilisticProjection(ProjectionPlan central, StochasticParameters parameters, Settings settings) {
        this.central = central;
        this.parameters = parameters;
        this.settings = settings;
        this.shape = SummaryShape.of(central, settings.ageEvery());
    }

    /** {@link #run(int, Path, Progress)} with the trajectories' scratch file in {@code java.io.tmpdir}. */
    public ProbabilisticProjection run(int threads, Progress progress) {
        return run(threads, null, progress);
    }

    /**
     * Runs the trajectories on {@code threads} threads of this JVM. Each finished trajectory's
     * summary goes to a scratch file ({@link TrajectoryStore}: 1.4 MB for the city input, not kept
     * in memory), and the quantiles are made from it block by block with a fixed buffer
     * ({@link TrajectoryStore#BUDGET_DEFAULT}), so the memory does not grow with the number of
     * trajectories (except the kept totals with keepTrajectories). The file is gone when this returns or throws.
     *
     * @param beside an output file whose directory takes the scratch file (named after it), or null for java.io.tmpdir
     */
    public ProbabilisticProjection run(int threads, Path beside, Progress progress) {
        int n = settings.trajectories();
        try (TrajectoryStore store = new TrajectoryStore(beside == null ? ScratchFile.inTempDir("popcast-trajectories")
                : ScratchFile.beside(beside), shape, n)) {
            Trajectories.run(central, new TrajectoryDraws(central, parameters, settings.seed()), shape, 0, n, threads, progress, store);
            progress.message("quantiles over " + n + " trajectories");
            quantiles = store.quantiles(settings.quantiles(), TrajectoryStore.BUDGET_DEFAULT);
            keptTotals = settings.keepTrajectories() ? store.totals() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return this;
    }

    /**
     * Runs the trajectories on another engine ({@link TrajectoryEngine}): the same quantiles as
     * {@link #run}.
     *
     * @param source rebuilds this projection's central plan where the engine runs it
     */
    public ProbabilisticProjection runOn(TrajectoryEngine engine, PlanSource source, java.util.Map<String, String> options,
                                         Progress progress) {
        TrajectoryEngine.Result r = engine.run(new TrajectoryEngine.Job(source, central, parameters, settings, shape, options), progress);
        quantiles = r.quantiles();
        keptTotals = settings.keepTrajectories() ? r.totals() : null;
        engineDescription = r.description();
        if (settings.keepTrajectories() && (keptTotals == null || keptTotals.length != settings.trajectories())) {
            throw new IllegalStateException(engine.name() + " engine returned no totals of the kept trajectories");
        }
        return this;
    }

    /** How many trajectories ran. */
    public int trajectoryCount() {
        return settings.trajectories();
    }

    /** The one-scenario plan the trajectories move around. */
    public ProjectionPlan central() {
        return central;
    }

    public SummaryShape shape() {
        return shape;
    }

    public ProjectionQuantiles quantiles() {
        return quantiles;
    }

    /** Every trajectory's totals [N][R][Y] in trajectory order when the settings keep them, else null. */
    public float[][] keptTotals() {
        return keptTotals;
    }

    public long seed() {
        return settings.seed();
    }

    /** The stochastic components' estimates and sources, as result attributes. */
    public java.util.Map<String, String> provenance() {
        return parameters.provenance();
    }

    public Scenario scenario() {
        return central.scenarios().get(0);
    }

    /** Adds the quantiles (and kept trajectories) with their settings and provenance to a projection's dataset. */
    public void addTo(NetcdfDataset.Builder b) {
        b.attribute("trajectories", (long) settings.trajectories())
                .attribute("seed", settings.seed())
                .attribute("stochastic_scenario", scenario().name())
                .attribute("quantile_method", "Hyndman-Fan definition 7 (R's and NumPy's default) over the trajectories'"
                        + " single-precision values; random numbers Philox4x64-10 keyed by (seed, component, trajectory, region, year)");
        if (engineDescription != null) {
            b.attribute("trajectory_engine", engineDescription);
        }
        parameters.provenance().forEach(b::attribute);
        b.dimension("quantile", settings.quantiles(), "1", "probability of the quantile over trajectories")
                .calendarYears("quantile_year", Arrays.stream(shape.keptYears()).asLongStream().toArray(),
                        "(1 January) of the quantiles by sex and age");
        b.variableOwning("population_total_quantile", List.of("quantile", "region", "year"), quantiles.totals(), "persons",
                String.format(Locale.ROOT, "quantile over %d trajectories of the total population at the start of the year (scenario %s)",
                        settings.trajectories(), scenario().name()));
        b.variableOwning("population_quantile", List.of("quantile", "region", "sex", "age_group", "quantile_year"), quantiles.byAge(),
                "persons", "quantile over trajectories of the population by sex and age group at the start of the year");
        if (settings.keepTrajectories()) {
            int size = shape.totalSize();
            int count = trajectoryCount();
            double[] all = new double[count * size];
            for (int j = 0; j < count; j++) {
                float[] t = keptTotals[j];
                for (int i = 0; i < size; i++) {
                    all[j * size + i] = t[i];
                }
            }
            long[] index = new long[count];
            Arrays.setAll(index, j -> j);
            b.dimension("trajectory", index, "1", "trajectory number (its random numbers are keyed by it)");
            b.variableOwning("population_total_trajectory", List.of("trajectory", "region", "year"), all, "persons",
                    "total population of every trajectory at the start of the year (single precision)");
        }
    }
}
