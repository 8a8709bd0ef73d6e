package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The flat kernel against the {@link CohortStep} oracle, region blocks at offsets inside larger slabs. */
class CohortKernelTest {

    @Test
    void equalsTheOracleForEveryTiming() {
        Random random = new Random(23);
        for (int trial = 0; trial < 60; trial++) {
            // flows summed into groups of 1 to 4 ages, the last open (as the results' five-year groups of single years)
            int per = 1 + trial % 4, ages = 1 + per * (1 + random.nextInt(99 / per)), cells = 2 * ages, at = cells * random.nextInt(4);
            double n = trial % 2 == 0 ? 1 : 5;
            MigrationTiming timing = MigrationTiming.values()[trial % 3];
            double[] slab = random.doubles(at + cells, 0, 1e6).toArray();
            double[] mig = random.doubles(cells, -1e4, 1e4).toArray();
            double[] surv = random.doubles(cells, 0.3, 1).toArray();
            double[] fert = random.doubles(ages, 0, 0.1).toArray();
            double srb = 1 + random.nextDouble() * 0.2, bF = 0.99, bM = 0.98;
            double[][] p = {slice(slab, at, ages), slice(slab, at + ages, ages)};
            double[][] m = {slice(mig, 0, ages), slice(mig, ages, ages)};
            double[][] s = {slice(surv, 0, ages), slice(surv, ages, ages)};
            CohortStep.Result want = CohortStep.project(p, m, new CohortStep.Rates(s, new double[] {bF, bM}, fert, srb), n, timing);

            double[] next = new double[at + cells], deaths = new double[4], net = new double[4];
            AgeRegrouping groups = new AgeRegrouping(ageStarts(ages), per);
            CohortKernel kernel = new CohortKernel(n, timing, groups);
            // fertility handed to the kernel as a profile times a factor (a scenario's TFR rescaling)
            double factor = 0.5 + random.nextDouble();
            double[] profile = new double[ages];
            for (int x = 0; x < ages; x++) {
                profile[x] = fert[x] / factor;
                fert[x] = profile[x] * factor;
            }
            want = CohortStep.project(p, m, new CohortStep.Rates(s, new double[] {bF, bM}, fert, srb), n, timing);
            double births = kernel.step(slab, at, mig, surv, 0, profile, 0, factor, bF, bM, 1 / (1 + srb), next, deaths, net, 2);
            assertEquals(want.births(), births, 1e-12 * want.births());
            double total = 0;
            for (int sex = 0; sex < 2; sex++) {
                for (int x = 0; x < ages; x++) {
                    double w = want.population()[sex][x];
                    assertEquals(w, next[at + sex * ages + x], 1e-12 * Math.max(1, Math.abs(w)), "trial " + trial);
                    total += w;
                }
                assertEquals(want.deaths()[sex], deaths[2 + sex], 1e-12 * want.deaths()[sex]);
                assertEquals(want.netMigration()[sex], net[2 + sex], 1e-12 * 1e4 * ages, "net migrants (summed by group)");
            }
            assertEquals(total, kernel.total(), 1e-12 * total, "the region's total");
            assertGroups(groups.sum(want.birthsByAge()), kernel.birthsByGroup(), 0, want.births());
            for (int sex = 0; sex < 2; sex++) {
                int g = groups.groups();
                assertGroups(groups.sum(want.deathsByAge()[sex]), kernel.deathsByGroup(), sex * g, want.deaths()[sex]);
                assertGroups(groups.sum(m[sex]), kernel.migrantsByGroup(), sex * g, 1e4 * ages);
            }
        }
    }

    private static void assertGroups(double[] want, double[] got, int from, double scale) {
        for (int g = 0; g < want.length; g++) {
            assertEquals(want[g], got[from + g], 1e-12 * scale, "group " + g);
        }
    }

    private static double[] ageStarts(int ages) {
        double[] out = new double[ages];
        for (int x = 0; x < ages; x++) {
            out[x] = x;
        }
        return out;
    }

    private static double[] slice(double[] a, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(a, from, out, 0, length);
        return out;
    }
}
