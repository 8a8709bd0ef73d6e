package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputFolder;
import org.popcast.engine.train.Progress;

/**
 * The shipped city input (356 cities, 31 provinces, the seed's 15 scenarios) over 12 years: the
 * streaming projection against the plain Java loop, and the model's
 * invariants (on the default engine, streaming).
 */
class ProjectionEnginesTest {

    static CohortInput input;
    static ProjectionPlan plan;
    static ProjectionResult loop;
    static ProjectionResult stream;

    @BeforeAll
    static void project() {
        input = CohortInputReader.read(InputFolder.builtin("cohort/china-cities"),
                CohortInputReader.ProjectionOverrides.horizon(12));
        plan = new ProjectionPlan(input, ScenarioSet.builtin("paper-5x3").scenarios());
        loop = new LoopProjector().run(plan, Progress.none());
        stream = new StreamProjector(2).run(plan, Progress.none());
    }

    @Test
    void streamEqualsTheJavaLoop() {
        assertAgree(loop, stream, 1e-10);
    }

    @Test
    void streamDoesNotDependOnTheThreadCount() {
        for (int threads : new int[] {1, 3, 16}) {
            assertAgree(stream, new StreamProjector(threads).run(plan, Progress.none()), 0);
        }
    }

    /** Every population, births, deaths and net migration of {@code got} within {@code tolerance} relative of {@code want}. */
    static void assertAgree(ProjectionResult want, ProjectionResult got, double tolerance) {
        double worst = 0;
        int years = want.years().length;
        for (int s = 0; s < want.scenarios(); s++) {
            for (int l = 0; l < want.leaves(); l++) {
                for (int t = 0; t < years; t++) {
                    for (int sex = 0; sex < 2; sex++) {
                        for (int a = 0; a < want.ages(); a++) {
                            worst = Math.max(worst, relative(want.population(s, l, sex, a, t), got.population(s, l, sex, a, t)));
                        }
                        if (t < years - 1) {
                            worst = Math.max(worst, relative(want.deaths(s, l, sex, t), got.deaths(s, l, sex, t)));
                            worst = Math.max(worst, relative(want.netMigration(s, l, sex, t), got.netMigration(s, l, sex, t)));
                        }
                    }
                    if (t < years - 1) {
                        worst = Math.max(worst, relative(want.births(s, l, t), got.births(s, l, t)));
                    }
                }
            }
        }
        assertTrue(worst <= tolerance, "largest relative difference " + worst);
    }

    private static double relative(double want, double got) {
        return Math.abs(got - want) / Math.max(1, Math.abs(want));
    }

    @Test
    void flowsByAgeAgreeBetweenEnginesAndSumToTheTotals() {
        assertEquals(21, loop.flowAges().groups(), "single years summed into five-year groups, 100+ open");
        for (ProjectionResult other : new ProjectionResult[] {stream}) {
            for (int s = 0; s < other.scenarios(); s++) {
                for (int l = 0; l < other.leaves(); l++) {
                    for (int t = 0; t < other.years().length - 1; t++) {
                        assertFlowsByAge(other, s, l, t);
                    }
                }
            }
        }
    }

    private static void assertFlowsByAge(ProjectionResult other, int s, int l, int t) {
        int groups = other.flowAges().groups();
        double births = 0;
        for (int g = 0; g < groups; g++) {
            births += other.birthsByAge(s, l, g, t);
            assertEquals(loop.birthsByAge(s, l, g, t), other.birthsByAge(s, l, g, t), 1e-9 * (1 + loop.births(s, l, t)));
        }
        assertEquals(other.births(s, l, t), births, 1e-9 * births);
        for (int sex = 0; sex < 2; sex++) {
            double deaths = 0, net = 0;
            for (int g = 0; g < groups; g++) {
                deaths += other.deathsByAge(s, l, sex, g, t);
                net += other.migrantsByAge(s, l, sex, g, t);
                assertEquals(loop.deathsByAge(s, l, sex, g, t), other.deathsByAge(s, l, sex, g, t), 1e-9 * (1 + loop.deaths(s, l, sex, t)));
                assertEquals(loop.migrantsByAge(s, l, sex, g, t), other.migrantsByAge(s, l, sex, g, t), 1e-6);
            }
            assertEquals(other.deaths(s, l, sex, t), deaths, 1e-9 * deaths);
            assertEquals(other.netMigration(s, l, sex, t), net, 1e-6 * (1 + Math.abs(net)));
        }
    }

    @Test
    void accountingIdentityForEveryRegionSexAndStep() {
        int years = stream.years().length;
        double[] shares = new double[years - 1];
        for (int t = 0; t < years - 1; t++) {
            shares[t] = plan.rates(t).femaleShare()[0]; // the same srb everywhere in this input
        }
        for (int s = 0; s < stream.scenarios(); s++) {
            for (int l = 0; l < stream.leaves(); l++) {
                for (int t = 0; t < years - 1; t++) {
                    double femaleShare = shares[t];
                    for (int sex = 0; sex < 2; sex++) {
                        double before = sexTotal(s, l, sex, t), after = sexTotal(s, l, sex, t + 1);
                        double births = stream.births(s, l, t) * (sex == 0 ? femaleShare : 1 - femaleShare);
                        double expected = before + births - stream.deaths(s, l, sex, t) + stream.netMigration(s, l, sex, t);
                        assertEquals(expected, after, 1e-9 * before, "scenario " + s + " leaf " + l + " sex " + sex + " step " + t);
                    }
                }
            }
        }
    }

    @Test
    void internalMigrationSumsToZeroAcrossTheNation() {
        // all nets together are the international migrants only: provinces balance to zero
        int years = stream.years().length;
        double[] international = new double[years - 1];
        for (int t = 0; t < years - 1; t++) {
            international[t] = plan.rates(t).internationalRate();
        }
        for (int s = 0; s < stream.scenarios(); s++) {
            for (int t = 0; t < years - 1; t++) {
                double net = 0, population = 0;
                for (int l = 0; l < stream.leaves(); l++) {
                    net += stream.netMigration(s, l, 0, t) + stream.netMigration(s, l, 1, t);
                    population += stream.total(s, l, t);
                }
                assertEquals(international[t] * population, net, 1e-6 * population, "scenario " + s + " step " + t);
            }
        }
    }

    @Test
    void cappedCitiesStopGainingByInternalMigration() {
        // Shanghai (cap 25 M) is far from it; with a cap set just above its 2010 size it must stop
        // receiving internal migrants from the first step on.
        int shanghai = leafIndex("310100");
        assertTrue(stream.total(0, shanghai, 0) < 25e6);
        CohortInput capped = withCap(input, shanghai, stream.total(0, shanghai, 0) * 1.0001);
        ProjectionPlan p = new ProjectionPlan(capped, List.of(plan.scenarios().get(14)));
        ProjectionResult r = new StreamProjector().run(p, Progress.none());
        for (int t = 1; t < r.years().length - 1; t++) {
            double net = r.netMigration(0, shanghai, 0, t) + r.netMigration(0, shanghai, 1, t);
            double international = p.rates(t).internationalRate() * r.total(0, shanghai, t);
            assertEquals(international, net, 1e-6 * r.total(0, shanghai, t), "step " + t);
        }
    }

    private double sexTotal(int s, int l, int sex, int t) {
        double sum = 0;
        for (int a = 0; a < stream.ages(); a++) {
            sum += stream.population(s, l, sex, a, t);
        }
        return sum;
    }

    static int leafIndex(String code) {
        for (int l = 0; l < input.leafCount(); l++) {
            if (input.leaf(l).code().equals(code)) {
                return l;
            }
        }
        throw new AssertionError(code);
    }

    static CohortInput withCap(CohortInput in, int leaf, double cap) {
        List<Region> regions = new java.util.ArrayList<>(in.regions());
        Region r = in.leaf(leaf);
        regions.set(in.leaves()[leaf], new Region(r.code(), r.name(), r.parent(), r.level(), cap));
        return new CohortInput(in.source(), in.settings(), regions, in.leaves(), in.ages(), in.population(), in.fertility(),
                in.mortality(), in.mortalityKind(), in.radix(), in.migration(), in.migrationKind(), in.srb(), in.provinceOf(),
                in.provinces(), in.leafRate(), in.provinceRate(), in.profile(), in.estimates());
    }
}
