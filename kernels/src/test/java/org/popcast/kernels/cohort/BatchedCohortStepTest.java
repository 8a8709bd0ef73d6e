package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.popcast.kernels.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** The batched step against the plain Java step, region by region and scenario by scenario. */
class BatchedCohortStepTest {

    @Test
    void batchedEqualsOracleForEveryTiming() {
        int regions = 4, scenarios = 3, ages = 9;
        Random random = new Random(3);
        for (MigrationTiming timing : MigrationTiming.values()) {
            double n = timing == MigrationTiming.START ? 5 : 1;
            double[] pop = random.doubles(regions * scenarios * 2 * ages, 0, 1e5).toArray();
            double[] mig = random.doubles(regions * scenarios * 2 * ages, -500, 500).toArray();
            double[] surv = random.doubles(regions * 2 * ages, 0.4, 1).toArray();
            double[] bsurv = random.doubles(regions * 2, 0.9, 1).toArray();
            double[] fert = random.doubles(regions * scenarios * ages, 0, 0.15).toArray();
            double[] share = random.doubles(regions, 0.45, 0.5).toArray();
            double[][] got = run(pop, mig, surv, bsurv, fert, share, regions, scenarios, ages, n, timing);
            for (int r = 0; r < regions; r++) {
                for (int s = 0; s < scenarios; s++) {
                    double[][] p = new double[2][ages], m = new double[2][ages], sv = new double[2][ages];
                    double[] f = new double[ages];
                    for (int x = 0; x < ages; x++) {
                        f[x] = fert[(r * scenarios + s) * ages + x];
                        for (int sex = 0; sex < 2; sex++) {
                            p[sex][x] = pop[((r * scenarios + s) * 2 + sex) * ages + x];
                            m[sex][x] = mig[((r * scenarios + s) * 2 + sex) * ages + x];
                            sv[sex][x] = surv[(r * 2 + sex) * ages + x];
                        }
                    }
                    double srb = 1 / share[r] - 1;
                    CohortStep.Result want = CohortStep.project(p, m,
                            new CohortStep.Rates(sv, new double[] {bsurv[2 * r], bsurv[2 * r + 1]}, f, srb), n, timing);
                    assertEquals(want.births(), got[1][r * scenarios + s], 1e-10 * Math.max(1, want.births()));
                    for (int sex = 0; sex < 2; sex++) {
                        int rs = (r * scenarios + s) * 2 + sex;
                        assertEquals(want.deaths()[sex], got[2][rs], 1e-9, "deaths");
                        assertEquals(want.netMigration()[sex], got[3][rs], 1e-9, "net migration");
                        for (int x = 0; x < ages; x++) {
                            assertEquals(want.population()[sex][x], got[0][rs * ages + x], 1e-9, timing + " r" + r + " s" + s + " x" + x);
                        }
                    }
                }
            }
        }
    }

    static double[][] run(double[] pop, double[] mig, double[] surv, double[] bsurv, double[] fert, double[] share,
                          int regions, int scenarios, int ages, double n, MigrationTiming timing) {
        try (Graph g = new Graph(); Session session = new Session(g);
             TFloat64 tp = Tensors.of(pop, regions, scenarios, 2, ages);
             TFloat64 tm = Tensors.of(mig, regions, scenarios, 2, ages)) {
            Ops tf = Ops.create(g);
            var p = tf.placeholder(TFloat64.class);
            var m = tf.placeholder(TFloat64.class);
            try (TFloat64 ts = Tensors.of(surv, regions, 1, 2, ages); TFloat64 tb = Tensors.of(bsurv, regions, 1, 2);
                 TFloat64 tfert = Tensors.of(fert, regions, scenarios, ages); TFloat64 tsh = Tensors.of(share, regions, 1)) {
                BatchedCohortStep.Outputs out = BatchedCohortStep.project(tf, p, m, tf.constantOf(ts), tf.constantOf(tb),
                        tf.constantOf(tfert), tf.constantOf(tsh), ages, n, timing);
                try (Result r = session.runner().feed(p, tp).feed(m, tm).fetch(out.population()).fetch(out.births())
                        .fetch(out.deaths()).fetch(out.netMigration()).run()) {
                    return new double[][] {Tensors.flat(r.get(0)), Tensors.flat(r.get(1)), Tensors.flat(r.get(2)), Tensors.flat(r.get(3))};
                }
            }
        }
    }
}
