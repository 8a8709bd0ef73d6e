package org.popcast.models.cohort.stochastic;

import org.popcast.kernels.stochastic.CounterGaussian;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.PathShift;
import org.popcast.models.cohort.ProjectionPlan;

/**
 * One trajectory's departures from the scenario, drawn from {@link StochasticParameters} with
 * numbers keyed by (seed, component, trajectory, region, year) ({@link CounterGaussian}): national
 * components use region -1 and each step's first year, a region's migration level its index in
 * regions.csv and the base year. A trajectory is the same whoever draws it and whenever.
 */
public final class TrajectoryDraws {

    static final int TFR = 1, E0 = 2, MIGRATION = 3;
    private static final long NATION = -1;

    private final ProjectionPlan plan;
    private final StochasticParameters parameters;
    private final CounterGaussian normal;

    public TrajectoryDraws(ProjectionPlan plan, StochasticParameters parameters, long seed) {
        this.plan = plan;
        this.parameters = parameters;
        this.normal = new CounterGaussian(seed);
    }

    public long seed() {
        return normal.seed();
    }

    public PathShift draw(long trajectory) {
        int steps = plan.steps();
        double[] logTfr = new double[steps], e0 = new double[steps];
        double x = 0, z = 0;
        for (int k = 0; k < steps; k++) {
            int year = plan.year(k);
            x = parameters.logTfr().next(x, normal.draw(TFR, trajectory, NATION, year));
            z = parameters.e0().next(z, normal.draw(E0, trajectory, NATION, year));
            logTfr[k] = x;
            e0[k] = z;
        }
        CohortInput in = plan.input();
        double[] migration = new double[in.leafCount()];
        for (int l = 0; l < migration.length && parameters.migrationSigma() > 0; l++) {
            migration[l] = parameters.migrationSigma() * normal.draw(MIGRATION, trajectory, in.leaves()[l], in.settings().baseYear());
        }
        return new PathShift(logTfr, e0, migration);
    }
}
